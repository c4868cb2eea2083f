// The next steps a verdict shows: the six S.H.I.E.L.D principles, the guidance's protective steps
// that fit the incident, and the platform's own safety controls. Each step is data with a source
// and a condition on the facts; the wording is calm and says what to do next.
import type { Level } from "../analysis/types.ts";
import { LEVEL_RANK } from "../analysis/types.ts";
import type { Platform } from "../incident/model.ts";
import type { TriageFacts } from "./facts.ts";
import { GUIDANCE_SOURCES as S } from "./sources.ts";

export interface Step {
  id: string;
  group: "shield" | "protective" | "platform";
  title: string;
  text: string;
  source: string;
}

interface StepRule {
  id: string;
  group: Step["group"];
  title: string;
  text: (f: TriageFacts, level: Level) => string;
  when: (f: TriageFacts, level: Level) => boolean;
  source: string;
}

const atLeast = (level: Level, min: Level) => LEVEL_RANK[level] >= LEVEL_RANK[min];
const always = () => true;
const harassed = (f: TriageFacts) => f.courseOfConduct || f.stalking || f.fixation;

const SHIELD: readonly StepRule[] = [
  {
    id: "shield.safeguard",
    group: "shield",
    title: "Safeguard",
    when: always,
    text: (f) =>
      f.inPerson || f.cameToHome
        ? "Protect yourself in person: if you feel unsafe, move away and go somewhere with other people. Do not go out alone until you have talked this through with someone."
        : f.channel === "letter"
          ? "Protect yourself and your household: do not open further post from the same sender if you recognise it, and tell the people you live with what to look out for."
          : "Protect yourself online: check who can see your posts and contact you, and keep your personal details off public profiles.",
    source: S.shieldSafeguard,
  },
  {
    id: "shield.help",
    group: "shield",
    title: "Help",
    when: always,
    text: (_f, level) =>
      level === "call-999"
        ? "Make sure you and anyone with you are safe first. If anyone is in danger, call 999 now."
        : "Make sure you are safe before you do anything else, and get help if you need it: Victim Support is free and confidential on 08 08 16 89 111.",
    source: S.shieldHelp,
  },
  {
    id: "shield.inform",
    group: "shield",
    title: "Inform",
    // Telling the person their conduct is unacceptable is for one-off abuse; the guidance says not
    // to engage with anyone stalking or harassing you, and never with a threat.
    when: (f, level) => !harassed(f) && !atLeast(level, "report-to-police"),
    text: () =>
      "If you feel safe doing so, you can tell them once, calmly, that you consider what they said abusive. You do not have to reply at all.",
    source: S.shieldInform,
  },
  {
    id: "shield.evidence",
    group: "shield",
    title: "Evidence",
    when: always,
    text: (f) =>
      f.channel === "letter"
        ? "Keep the letter and its envelope, handling them as little as possible (the police may want them), and photograph both for this incident."
        : f.channel === "phone-call"
          ? "Write down the number, the time and exactly what was said while it is fresh, and keep any voicemail. Add them to this incident."
          : f.communication
            ? "Before you block or report anything, capture it: screenshots that show the sender, the date and time, and the full web address. Add them to this incident."
            : "Write down what happened while it is fresh: what was said and done, where, when, who saw it, and what the person looked like. Add photos to this incident.",
    source: S.shieldEvidence,
  },
  {
    id: "shield.let-people-know",
    group: "shield",
    title: "Let people know",
    when: always,
    text: (_f, level) =>
      level === "call-999"
        ? "Tell the police now (999), then your agent or party contact."
        : level === "report-to-police"
          ? "Report it to the police on 101 or to your force's single point of contact, and tell your agent or party contact."
          : level === "report-to-platform"
            ? "Report it on the platform, and tell your agent or party contact so it is on the record."
            : "Tell your agent or party contact, so that the team knows and the record is complete.",
    source: S.shieldLetPeopleKnow,
  },
  {
    id: "shield.decide",
    group: "shield",
    title: "Decide",
    when: always,
    text: (f) =>
      f.electronic
        ? "Decide whether you want to keep receiving messages from them: you can block, mute or filter them once you have captured the evidence."
        : "Decide whether you want any further contact with this person; you do not have to engage.",
    source: S.shieldDecide,
  },
];

const META: readonly Platform[] = ["facebook", "instagram"];

const PROTECTIVE: readonly StepRule[] = [
  {
    id: "protect.hustings",
    group: "protective",
    title: "At hustings and public meetings",
    when: (f) => f.channel === "hustings",
    text: () =>
      "Stay aware of your surroundings and sit or stand near an exit. If something or someone worries you, call 999 if the danger is immediate, or 101 for something that has already happened.",
    source: S.hustings,
  },
  {
    id: "protect.canvassing",
    group: "protective",
    title: "On the doorstep",
    when: (f) => f.channel === "doorstep" || f.channel === "street",
    text: () =>
      "If you feel unsafe, disengage and walk away. Canvass in pairs where you can, and always tell someone where you are canvassing.",
    source: S.canvassing,
  },
  {
    id: "protect.keep-records",
    group: "protective",
    title: "Keep records",
    when: always,
    text: () =>
      "Keep a record of every incident (what, where, when): the more details the better. Shield keeps them in order for you.",
    source: S.keepRecords,
  },
  {
    id: "protect.do-not-engage",
    group: "protective",
    title: "Do not engage",
    when: (f, level) => harassed(f) || atLeast(level, "report-to-police"),
    text: () => "Do not reply to or approach this person, online or offline. Let the police deal with them.",
    source: S.doNotEngage,
  },
  {
    id: "protect.report-to-provider",
    group: "protective",
    title: "Report it to your provider",
    when: (f) => ["phone-call", "text-message", "email"].includes(f.channel),
    text: (f) =>
      f.channel === "email"
        ? "Report the emails to your email or internet service provider, who can block the sender."
        : "Report the calls or texts to your mobile phone company, who can help block the number.",
    source: S.reportToProvider,
  },
  {
    id: "protect.report-abuse-tools",
    group: "protective",
    title: "Use the platform's report tools",
    when: (f) => f.channel === "social-media" || f.channel === "other-online",
    text: () =>
      "Use the platform's 'Report' tools on the post or the account, after you have captured the evidence.",
    source: S.reportAbuseTools,
  },
  {
    id: "protect.block-trolls",
    group: "protective",
    title: "Block or report trolls",
    when: (f) => f.channel === "social-media" || f.channel === "other-online",
    text: (f) =>
      f.platform && META.includes(f.platform)
        ? "Block and report the account. On Facebook and Instagram you can also turn off comments on a post, one post at a time."
        : "Block and report the account so they cannot keep contacting you.",
    source: S.blockTrolls,
  },
  {
    id: "protect.online-health-check",
    group: "protective",
    title: "Online health check",
    when: (f) => f.revealedPrivateDetails || f.electronic,
    text: (f) =>
      f.revealedPrivateDetails
        ? "Someone knows details you keep private. Check where your personal information is available online (electoral register, company filings, people-search sites, family accounts) and have it removed where you can."
        : "Review what personal information about you and your family is online, and reduce it where you can.",
    source: S.onlineHealthCheck,
  },
  {
    id: "protect.security-survey",
    group: "protective",
    title: "Home and workplace security",
    when: (f) => f.cameToHome || f.propertyDamaged || f.revealedPrivateDetails || f.channel === "office",
    text: () => "Ask your local police for personal safety advice and a home or workplace security survey.",
    source: S.securitySurvey,
  },
  {
    id: "protect.spoc",
    group: "protective",
    title: "Your single point of contact",
    when: (_f, level) => atLeast(level, "report-to-police"),
    text: () =>
      "Your force gave you a single point of contact for candidate safety: use them for crime or security concerns, and ask for a personal safety briefing. Always call 999 in an emergency.",
    source: S.spoc,
  },
];

/** Each platform's own controls (domain-rules.md §5), shown for incidents on that platform. */
export const PLATFORM_CONTROLS: Partial<Record<Platform, string>> = {
  x: "On X you can block the account (it can no longer reply to, message or tag you), mute it or the conversation, choose who can reply to your posts (and change it after posting), hide replies, and report the post or the account.",
  facebook:
    "On Facebook you can block, unfriend or unfollow the person, put them on your Restricted list, hide a comment, and report it. On a Page you can set a blocked-words list and the profanity filter; on your profile you can hide comments that contain chosen words.",
  instagram:
    "On Instagram you can report (anonymously), block the account and any new accounts they make, Restrict them (their comments are only visible to them until you approve), use Hidden Words, turn on Limits for non-followers or recent followers, control who can tag or mention you, and turn comments off.",
  tiktok:
    "On TikTok you can filter comments by keyword or approve every comment, choose who can comment, duet, stitch or message you, block, and report or block up to 100 comments or accounts at once.",
  youtube:
    "On YouTube you can remove and report comments, hide a user from your channel, hold comments (or all comments) for review, keep a blocked-words list, or turn comments off.",
  whatsapp:
    "On WhatsApp you can block the contact and report them (WhatsApp receives the last 5 messages; the person is not told). Groups cannot be blocked: leave the group and block the admin, and change your privacy settings so unknown contacts cannot add you to groups.",
};

function platformStep(f: TriageFacts): Step | undefined {
  const controls = f.platform ? PLATFORM_CONTROLS[f.platform] : undefined;
  if (!controls) return undefined;
  return {
    id: `platform.${f.platform}`,
    group: "platform",
    title: "This platform's safety controls",
    text: controls,
    source: S.platformControls,
  };
}

export function nextSteps(facts: TriageFacts, level: Level): Step[] {
  const steps = [...SHIELD, ...PROTECTIVE]
    .filter((rule) => rule.when(facts, level))
    .map((rule) => ({
      id: rule.id,
      group: rule.group,
      title: rule.title,
      text: rule.text(facts, level),
      source: rule.source,
    }));
  const platform = platformStep(facts);
  return platform ? [...steps, platform] : steps;
}

/** Every step id the advice can show, for tests that each has a scenario. */
export const STEP_IDS = [...SHIELD, ...PROTECTIVE].map((r) => r.id);
