// The pattern rules, one small function each, with the guidance line or research it implements. Each
// looks at one person at one incident (the incident and that person's earlier history) and says what
// it saw; ./findings.ts turns that into a Finding.
import type { Level } from "../analysis/types.ts";
import {
  countSince,
  DAY_MS,
  isInPerson,
  isFixatedOrPlanning,
  isViolent,
  rankOf,
  type PatternOptions,
  type PersonHistory,
} from "./history.ts";
import type { FindingKind, PatternIncident, WarningBehaviour, WarningMarker } from "./types.ts";
import {
  before,
  CALL_999_IF_NEAR,
  CHANNEL_WORDS,
  count,
  dateOf,
  GROUP_WORDS,
  GROUPS,
  list,
  ordinal,
  plural,
  wording,
} from "./wording.ts";

export const GUIDANCE =
  "Joint Guidance for Candidates in Elections (NPCC, College of Policing, Electoral Commission, May 2024)";
export const MELOY = "Meloy, Hoffmann, Guldimann & James 2012, Behav Sci Law 30:256 (doi:10.1002/bsl.999)";

/** What a rule saw: the rest of the finding (kind, person, source) is filled in by the rule's entry. */
export interface Seen {
  level: Level;
  incidents: readonly PatternIncident[] | "all";
  explanation: string;
  theme?: string;
}

/** One person at one incident: the incident, and that person's incidents before it. */
export interface Moment {
  incident: PatternIncident;
  history: PersonHistory;
  /** The person's incidents including this one. */
  count: number;
  options: Required<PatternOptions>;
}

export interface Rule {
  kind: FindingKind;
  warningBehaviour?: WarningBehaviour;
  source: string;
  find(m: Moment): Seen | null;
}

// ---------- Rules about one person's incidents ----------

const courseOfConductWording = wording<number>();
const courseOfConduct: Rule = {
  kind: "course-of-conduct",
  source: `${GUIDANCE}: "Repeated unwanted contact may constitute harassment or stalking"; Protection from Harassment Act 1997 s7(3)`,
  find({ count: n }) {
    if (n < 2) return null;
    return {
      level: "report-to-police",
      incidents: "all",
      explanation: courseOfConductWording(
        n,
        () =>
          `This is the ${ordinal(n)} time the same person has contacted you or your team. ` +
          "Repeated unwanted contact may constitute harassment or stalking. Report it to the police and keep recording every incident.",
      ),
    };
  },
};

const fearOfViolenceRepeated: Rule = {
  kind: "fear-of-violence-repeated",
  source: "Protection from Harassment Act 1997 s4 and s4A: fear of violence on at least two occasions",
  find({ incident, history }) {
    if (!isViolent(incident) || history.violent.length < 1) return null;
    const occasions = [...history.violent, incident];
    return {
      level: "report-to-police",
      incidents: occasions,
      explanation:
        `This person has now threatened violence, or made you fear it, on ${count(occasions.length)} occasions (${occasions.length === 2 ? "" : "the first "}on ${dateOf(occasions[0]!.occurredAt)} and ${occasions.length === 2 ? "" : "the latest "}on ${dateOf(incident.occurredAt)}). ` +
        "Causing fear of violence on two or more occasions may constitute a more serious harassment offence. Report it to the police.",
    };
  },
};

const severalTargetsWording = wording<number>();
const severalTargets: Rule = {
  kind: "several-targets",
  source:
    "Protection from Harassment Act 1997 s1(1A): harassing two or more people; S-DASH (2009) question 7, harassing third parties",
  find({ incident, history, count: n }) {
    if (n < 2) return null;
    let mask = 0;
    GROUPS.forEach((g, bit) => {
      if (history.groups.has(g) || incident.targeted.includes(g)) mask |= 1 << bit;
    });
    const targets = GROUPS.filter((_, bit) => mask & (1 << bit));
    if (targets.length < 2) return null;
    return {
      level: "report-to-police",
      incidents: "all",
      explanation: severalTargetsWording(
        n * 32 + mask,
        () =>
          `This person's ${plural(n, "incident")} have been aimed at ${list(targets.map((g) => GROUP_WORDS[g]))}. ` +
          "Harassing more than one person, for example you and your family or team, may constitute an offence against each of them. Report it to the police and tell the people affected.",
      ),
    };
  },
};

const stalkingWording = wording<string>();
const stalking: Rule = {
  kind: "stalking",
  source:
    'Suzy Lamplugh Trust: stalking is "a pattern of fixated and obsessive behaviour which is repeated, persistent, intrusive and causes fear of violence or engenders alarm and distress" (FOUR: fixated, obsessive, unwanted, repeated); Protection from Harassment Act 1997 s2A',
  find({ incident, history, count: n, options }) {
    if (n < 2) return null;
    const fixated = history.fixatedOrPlanning.length > 0 || isFixatedOrPlanning(incident);
    const cameToHome = history.cameToHome || incident.facts.cameToHome;
    const channels = history.channels.size + (history.channels.has(incident.channel) ? 0 : 1);
    const often =
      history.threeWithinStalkingDays ||
      countSince(history, incident.occurredAt - options.stalkingDays * DAY_MS) >= 3;
    if (!fixated && !cameToHome && channels < 2 && !often) return null;
    return {
      level: "report-to-police",
      incidents: "all",
      explanation: stalkingWording(
        `${n} ${+fixated}${+cameToHome}${+often} ${channels} ${options.stalkingDays}`,
        () => {
          const signs: string[] = [];
          if (fixated) signs.push("fixation on you or an issue, or a plan");
          if (cameToHome) signs.push("coming to your home");
          if (channels >= 2) signs.push(`contact in ${count(channels)} different ways`);
          if (often) signs.push(`three or more incidents within ${options.stalkingDays} days`);
          return (
            `This person has contacted you ${plural(n, "time")}, with ${list(signs)}. ` +
            "Fixated, obsessive, unwanted and repeated behaviour may constitute stalking. Report it to the police, and do not reply to them."
          );
        },
      ),
    };
  },
};

const energyBurstWording = wording<string>();
const energyBurst: Rule = {
  kind: "energy-burst",
  warningBehaviour: "energy-burst",
  source: `${MELOY}: energy burst, a sudden rise in the frequency of activity aimed at the target`,
  find({ incident, history, options: o }) {
    const windowStart = incident.occurredAt - o.windowDays * DAY_MS;
    const recent = countSince(history, windowStart);
    if (recent < 3) return null;
    const prior = countSince(history, windowStart - o.baselineDays * DAY_MS) - recent;
    // More than twice the baseline rate per window: recent > 2 * prior * windowDays / baselineDays.
    if (recent * o.baselineDays <= 2 * prior * o.windowDays) return null;
    return {
      level: "report-to-police",
      incidents: [...history.incidents.slice(history.incidents.length - recent + 1), incident],
      explanation: energyBurstWording(
        `${recent} ${prior} ${o.windowDays} ${o.baselineDays}`,
        () =>
          `This person has been in touch ${plural(recent, "time")} in the last ${o.windowDays} days, far more often than before ` +
          `(${before(prior, o.baselineDays)}). A sudden burst of contact can come before an escalation. Report it to the police.`,
      ),
    };
  },
};

const risingSeverity: Rule = {
  kind: "rising-severity",
  source: `${MELOY}: warning behaviours are dynamic changes that call for a response`,
  find({ incident, history }) {
    const earlier = history.incidents;
    if (earlier.length < 2 || rankOf(incident) <= history.maxRank) return null;
    const [before, last] = earlier.slice(-2) as [PatternIncident, PatternIncident];
    if (rankOf(last) < rankOf(before)) return null;
    return {
      level: "report-to-police",
      incidents: [before, last, incident],
      explanation:
        "This person's incidents have been getting more serious, and this is the most serious so far. Report it to the police, with the earlier incidents.",
    };
  },
};

const onlineToInPerson: Rule = {
  kind: "online-to-in-person",
  source:
    "Threat-assessment research: moving from online contact to approaching in person is an escalation (James et al. 2010, JAAPL 38:329)",
  find({ incident, history }) {
    if (history.incidents.length === 0 || !history.allRemote || !isInPerson(incident)) return null;
    const ways = [...history.channels].map((c) => CHANNEL_WORDS[c]).sort();
    const where = CHANNEL_WORDS[incident.facts.cameToHome ? "home" : incident.channel];
    const threatened = history.anyAtPoliceLevel;
    return {
      level: threatened ? "call-999" : "report-to-police",
      incidents: "all",
      explanation:
        `Until now this person had only contacted you from a distance (${list(ways)}); now they have turned up in person, ${where}. ` +
        (threatened
          ? `After serious earlier messages, turning up in person is a red flag. ${CALL_999_IF_NEAR}`
          : "Moving from messages to turning up is a known sign of escalation. Report it to the police."),
    };
  },
};

const approachHome: Rule = {
  kind: "approach-home",
  source: `${GUIDANCE}, red flag: "Fixated ideas – if someone seems set on a certain course of action"; Criminal Justice and Police Act 2001 s42A`,
  find({ incident, history }) {
    if (history.incidents.length === 0) return null;
    const atHome = incident.channel === "home" || incident.facts.cameToHome;
    const atFamily = incident.targeted.includes("family") && isInPerson(incident);
    if (!atHome && !atFamily) return null;
    return {
      level: "call-999",
      incidents: "all",
      explanation:
        `This person has contacted you before and has now ${atHome ? "come to your home" : "approached your family in person"}. ` +
        `Someone who seems set on a course of action is a red flag. ${CALL_999_IF_NEAR}`,
    };
  },
};

const fixation: Rule = {
  kind: "fixation",
  warningBehaviour: "fixation",
  source: `${GUIDANCE}: "Fixation on you or an issue associated with your campaign"; ${MELOY}: fixation`,
  find({ incident, history, count: n }) {
    let theme: string | undefined;
    let themeCount = 0;
    for (const t of new Set(incident.themes)) {
      const c = (history.byTheme.get(t)?.length ?? 0) + 1;
      if (c > themeCount || (c === themeCount && theme !== undefined && t < theme))
        [theme, themeCount] = [t, c];
    }
    // One subject in three or more incidents and in at least 60% of them.
    if (theme !== undefined && themeCount >= 3 && themeCount * 5 >= n * 3) {
      const t = theme;
      return {
        level: "report-to-police",
        incidents: [...history.byTheme.get(t)!, incident],
        theme: t,
        explanation:
          `The same subject, "${t}", comes up in ${count(themeCount)} of this person's ${plural(n, "incident")}. ` +
          "Fixation on you or an issue associated with your campaign should be brought to the attention of the police.",
      };
    }
    if (!isFixatedOrPlanning(incident) || history.fixatedOrPlanning.length < 1) return null;
    const shown = [...history.fixatedOrPlanning, incident];
    return {
      level: "report-to-police",
      incidents: shown,
      explanation:
        `This person has shown fixation on you, or talked of a plan, in ${count(shown.length)} incidents. ` +
        "Fixation on you or an issue associated with your campaign should be brought to the attention of the police.",
    };
  },
};

// ---------- Warning behaviours in the incident itself ----------

const markerRule = (
  marker: WarningMarker,
  source: string,
  seen: (incident: PatternIncident) => Pick<Seen, "level" | "explanation">,
): Rule => ({
  kind: "warning-behaviour",
  warningBehaviour: marker,
  source: `${MELOY}; ${source}`,
  find: ({ incident }) =>
    incident.markers.includes(marker) ? { ...seen(incident), incidents: [incident] } : null,
});

const pathway = markerRule("pathway", `${GUIDANCE}, red flag: "reference to a plan"`, () => ({
  level: "call-999",
  explanation:
    "This asks about, or shows knowledge of, your home, family, car or routine, or mentions getting a weapon. " +
    "Research or preparation aimed at you is a red flag: call 999 if you feel in danger, and tell the police straight away.",
}));

const identification = markerRule("identification", "identification with past attackers", () => ({
  level: "report-to-police",
  explanation:
    "This links its sender with past attacks on politicians, or casts them as a soldier for a cause. Report it to the police.",
}));

const THREAT_NOW = new Set(["threat", "imminent", "weapon"]);
const lastResort = markerRule("last-resort", "last resort, violence as the only option", (i) =>
  i.categories.some((c) => THREAT_NOW.has(c))
    ? {
        level: "call-999",
        explanation:
          "This threatens you and presents violence as the only way left, or sets a last warning. Call 999 if you feel in danger, and tell the police straight away.",
      }
    : {
        level: "report-to-police",
        explanation:
          "This says there is no other way, or gives a last warning. Desperation like this can come before violence. Report it to the police.",
      },
);

const leakage = markerRule("leakage", "Meloy & O'Toole 2011 (doi:10.1002/bsl.986), leakage", () => ({
  level: "report-to-police",
  explanation:
    'This talks about harming someone in your campaign to others ("someone should…"). Talk like this about harming you may constitute an offence. Report it to the police.',
}));

const novelAggression: Rule = {
  kind: "warning-behaviour",
  warningBehaviour: "novel-aggression",
  source: `${MELOY}: novel aggression; ${GUIDANCE}: "Always call 999 in an emergency"`,
  find: ({ incident }) =>
    incident.facts.someoneHurt
      ? {
          level: "call-999",
          incidents: [incident],
          explanation:
            "Someone was hurt. Call 999 if anyone is still in danger or hurt, and tell the police about this person's earlier contact too.",
        }
      : null,
};

const directlyCommunicatedThreat: Rule = {
  kind: "warning-behaviour",
  warningBehaviour: "directly-communicated-threat",
  source: `${MELOY}: directly communicated threat; ${GUIDANCE}: "Communications … which contain abusive or threatening language"`,
  find: ({ incident, history }) =>
    incident.categories.includes("threat") && history.incidents.length > 0
      ? {
          level: "report-to-police",
          incidents: "all",
          explanation:
            "This person has contacted you before and has now threatened you directly. Report it to the police, together with the earlier incidents.",
        }
      : null,
};

/** In FINDING_KINDS order, then WARNING_BEHAVIOURS order. */
export const PERSON_RULES: readonly Rule[] = [
  courseOfConduct,
  fearOfViolenceRepeated,
  severalTargets,
  stalking,
  energyBurst,
  risingSeverity,
  onlineToInPerson,
  approachHome,
  fixation,
  pathway,
  identification,
  novelAggression,
  leakage,
  lastResort,
  directlyCommunicatedThreat,
];
/** With no actor named, only the warning behaviours in the incident's own words (each names only it). */
export const MARKER_RULES: readonly Rule[] = [pathway, identification, leakage, lastResort];
