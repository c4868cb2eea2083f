// The offences an incident may constitute, per jurisdiction, as data. Rows follow the CPS guide's
// headings (shared/research/domain-rules.md §1). `verify` marks rows whose penalty or section the
// research could not confirm from the statute text: shown as given, checked before relying on them.
// The product never says an offence was committed: only that the facts "may constitute" it.
import type { Jurisdiction } from "../incident/model.ts";
import type { TriageFacts } from "./facts.ts";
import { GUIDANCE_SOURCES } from "./sources.ts";

export interface Offence {
  id: string;
  jurisdictions: readonly Jurisdiction[];
  /** The CPS guide's heading. */
  heading: string;
  title: string;
  statute: string;
  section: string;
  /** What it is, in plain English. */
  elements: string;
  maximum: string;
  source: string;
  verify?: true;
  /** When the facts of an incident point to it. */
  appliesWhen: (f: TriageFacts) => boolean;
}

const SRC = GUIDANCE_SOURCES.offences;
const hostileInPerson = (f: TriageFacts) => f.inPerson && (f.abusive || f.threat);
const raceOrReligion = (f: TriageFacts) => f.characteristics.has("race") || f.characteristics.has("religion");
const otherHateGround = (f: TriageFacts) =>
  ["disability", "sexual-orientation", "gender-identity"].some((c) => f.characteristics.has(c as never));
const harassmentLike = (f: TriageFacts) => f.courseOfConduct || f.stalking || f.fearOfViolenceRepeated;
const hateWithOffence = (f: TriageFacts) =>
  (f.abusive || f.threat || f.propertyDamaged || f.someoneHurt || harassmentLike(f)) &&
  f.characteristics.size > 0;

/** Force used, or a face-to-face threat with a time or place: fear of immediate unlawful force. */
const fearOfImmediateForce = (f: TriageFacts) =>
  f.someoneHurt || (f.inPerson && f.threat && f.saidWhenOrWhere);

const EW: Jurisdiction[] = ["england-wales"];
const SC: Jurisdiction[] = ["scotland"];
const NI: Jurisdiction[] = ["northern-ireland"];

export const OFFENCES: readonly Offence[] = [
  // —— Public order (England and Wales) ——
  {
    id: "POA4",
    jurisdictions: EW,
    heading: "Public order",
    title: "Fear or provocation of violence",
    statute: "Public Order Act 1986",
    section: "s4",
    elements:
      "Threatening, abusive or insulting words or behaviour towards someone, meant to make them believe that immediate unlawful violence will be used against them (or to provoke it).",
    maximum: "6 months' imprisonment and a fine",
    source: SRC,
    appliesWhen: (f) => f.inPerson && f.threat,
  },
  {
    id: "POA4A",
    jurisdictions: EW,
    heading: "Public order",
    title: "Intentional harassment, alarm or distress",
    statute: "Public Order Act 1986",
    section: "s4A",
    elements:
      "Threatening, abusive or insulting words or behaviour intended to cause harassment, alarm or distress, which does cause it.",
    maximum: "6 months' imprisonment",
    source: SRC,
    appliesWhen: (f) => hostileInPerson(f) && f.frightened,
  },
  {
    id: "POA5",
    jurisdictions: EW,
    heading: "Public order",
    title: "Harassment, alarm or distress",
    statute: "Public Order Act 1986",
    section: "s5",
    elements:
      "Threatening or abusive words or behaviour within the sight or hearing of someone likely to be caused harassment, alarm or distress. No intent is needed.",
    maximum: "A fine (level 3)",
    source: SRC,
    verify: true,
    appliesWhen: hostileInPerson,
  },
  // —— Criminal damage ——
  {
    id: "CD1",
    jurisdictions: EW,
    heading: "Criminal damage",
    title: "Criminal damage",
    statute: "Criminal Damage Act 1971",
    section: "s1(1)",
    elements: "Destroying or damaging someone else's property, on purpose or recklessly.",
    maximum: "10 years; where the damage is £5,000 or less, 3 months",
    source: SRC,
    appliesWhen: (f) => f.propertyDamaged,
  },
  {
    id: "CD2",
    jurisdictions: EW,
    heading: "Criminal damage",
    title: "Threat to destroy or damage property",
    statute: "Criminal Damage Act 1971",
    section: "s2",
    elements:
      "Threatening to destroy or damage someone's property, meaning them to fear the threat will be carried out.",
    maximum: "10 years",
    source: SRC,
    appliesWhen: (f) => f.propertyThreat,
  },
  {
    id: "NI-CD",
    jurisdictions: NI,
    heading: "Criminal damage",
    title: "Criminal damage, and threats to damage property",
    statute: "Criminal Damage (Northern Ireland) Order 1977",
    section: "arts 3 and 4",
    elements:
      "Destroying or damaging someone else's property on purpose or recklessly, or threatening to, meaning them to fear it.",
    maximum: "10 years",
    source: SRC,
    verify: true,
    appliesWhen: (f) => f.propertyDamaged || f.propertyThreat,
  },
  {
    id: "SC-VANDALISM",
    jurisdictions: SC,
    heading: "Criminal damage",
    title: "Vandalism (and malicious mischief)",
    statute: "Criminal Law (Consolidation) (Scotland) Act 1995",
    section: "s52",
    elements:
      "Wilfully or recklessly destroying or damaging someone else's property without reasonable excuse.",
    maximum: "Depends on the court",
    source: SRC,
    verify: true,
    appliesWhen: (f) => f.propertyDamaged,
  },
  // —— Assaults ——
  {
    id: "ASLT",
    jurisdictions: EW,
    heading: "Assaults",
    title: "Common assault; assault occasioning actual bodily harm",
    statute: "Criminal Justice Act 1988 s39; Offences Against the Person Act 1861",
    section: "s39; s47",
    elements: "Making someone fear, or using, unlawful force against them; causing them actual bodily harm.",
    maximum: "6 months (common assault); 5 years (actual bodily harm)",
    source: SRC,
    verify: true,
    appliesWhen: fearOfImmediateForce,
  },
  {
    id: "NI-ASLT",
    jurisdictions: NI,
    heading: "Assaults",
    title: "Common assault; assault occasioning actual bodily harm",
    statute: "Offences Against the Person Act 1861",
    section: "ss42 and 47",
    elements: "Making someone fear, or using, unlawful force against them; causing them actual bodily harm.",
    maximum: "6 months (common assault, summary); 7 years (actual bodily harm)",
    source: SRC,
    verify: true,
    appliesWhen: fearOfImmediateForce,
  },
  {
    id: "SC-ASSAULT",
    jurisdictions: SC,
    heading: "Assaults",
    title: "Assault (common law)",
    statute: "Common law of Scotland",
    section: "assault",
    elements: "An attack on someone, or putting them in fear of immediate violence, on purpose.",
    maximum: "Depends on the court",
    source: SRC,
    appliesWhen: fearOfImmediateForce,
  },
  // —— Harassment and stalking ——
  {
    id: "PHA2",
    jurisdictions: EW,
    heading: "Harassment",
    title: "Harassment",
    statute: "Protection from Harassment Act 1997",
    section: "ss1 and 2",
    elements:
      "A course of conduct (on two or more occasions) that amounts to harassment, including causing alarm or distress, which the person knows or ought to know.",
    maximum: "6 months",
    source: SRC,
    appliesWhen: (f) => f.courseOfConduct,
  },
  {
    id: "PHA1A",
    jurisdictions: EW,
    heading: "Harassment",
    title: "Harassing several people to stop someone doing what they are entitled to do",
    statute: "Protection from Harassment Act 1997",
    section: "s1(1A)",
    elements:
      "A course of conduct harassing two or more people (for example a candidate and their family or staff), meant to persuade someone not to do something they are entitled to do, such as stand or campaign.",
    maximum: "6 months",
    source: SRC,
    appliesWhen: (f) => f.severalTargets,
  },
  {
    id: "PHA2A",
    jurisdictions: EW,
    heading: "Stalking",
    title: "Stalking",
    statute: "Protection from Harassment Act 1997",
    section: "s2A",
    elements:
      "Harassment that amounts to stalking: following, contacting, publishing material about someone, monitoring their online activity, loitering, watching, or interfering with their property.",
    maximum: "51 weeks (currently 6 months) and a fine",
    source: SRC,
    appliesWhen: (f) => f.stalking,
  },
  {
    id: "PHA4",
    jurisdictions: EW,
    heading: "Harassment",
    title: "Putting people in fear of violence",
    statute: "Protection from Harassment Act 1997",
    section: "s4",
    elements:
      "A course of conduct that causes someone to fear, on at least two occasions, that violence will be used against them.",
    maximum: "10 years",
    source: SRC,
    appliesWhen: (f) => f.fearOfViolenceRepeated,
  },
  {
    id: "PHA4A",
    jurisdictions: EW,
    heading: "Stalking",
    title: "Stalking involving fear of violence or serious alarm or distress",
    statute: "Protection from Harassment Act 1997",
    section: "s4A",
    elements:
      "Stalking that causes fear of violence on at least two occasions, or serious alarm or distress with a substantial adverse effect on day-to-day life.",
    maximum: "10 years",
    source: SRC,
    appliesWhen: (f) => f.stalking && (f.fearOfViolenceRepeated || f.frightened),
  },
  {
    id: "CJPA42A",
    jurisdictions: EW,
    heading: "Harassment in the home",
    title: "Harassment of a person in their home",
    statute: "Criminal Justice and Police Act 2001",
    section: "s42A",
    elements:
      "Being outside or near someone's home to persuade them to do, or not do, something, intending or likely to cause harassment, alarm or distress.",
    maximum: "51 weeks (currently 6 months) or a level 4 fine",
    source: SRC,
    verify: true,
    appliesWhen: (f) => f.cameToHome && (f.abusive || f.threat || f.standDownPressure || f.frightened),
  },
  {
    id: "TULR241",
    jurisdictions: ["england-wales", "scotland"],
    heading: "Intimidation",
    title: "Intimidation, persistent following, watching or besetting",
    statute: "Trade Union and Labour Relations (Consolidation) Act 1992",
    section: "s241",
    elements:
      "To make someone do or not do something they are entitled to, intimidating them, persistently following them, or watching or besetting their home or workplace.",
    maximum: "6 months or a level 5 fine",
    source: SRC,
    appliesWhen: (f) => (f.fixation || f.cameToHome) && (f.courseOfConduct || f.standDownPressure),
  },
  {
    id: "NI-PHO4",
    jurisdictions: NI,
    heading: "Harassment",
    title: "Harassment",
    statute: "Protection from Harassment (Northern Ireland) Order 1997",
    section: "art 4",
    elements: "A course of conduct that amounts to harassment, which the person knows or ought to know.",
    maximum: "6 months",
    source: SRC,
    verify: true,
    appliesWhen: (f) => f.courseOfConduct,
  },
  {
    id: "NI-PSA1",
    jurisdictions: NI,
    heading: "Stalking",
    title: "Stalking",
    statute: "Protection from Stalking Act (Northern Ireland) 2022",
    section: "s1",
    elements:
      "A course of conduct that causes fear, alarm or substantial distress, or that the person ought to know would.",
    maximum: "10 years (12 months on summary conviction)",
    source: SRC,
    verify: true,
    appliesWhen: (f) => f.stalking,
  },
  {
    id: "NI-PSA2",
    jurisdictions: NI,
    heading: "Threatening or abusive behaviour",
    title: "Threatening or abusive behaviour",
    statute: "Protection from Stalking Act (Northern Ireland) 2022",
    section: "s2",
    elements:
      "Threatening or abusive behaviour that would be likely to cause a reasonable person fear or alarm, done on purpose or recklessly.",
    maximum: "5 years (12 months on summary conviction)",
    source: SRC,
    verify: true,
    appliesWhen: (f) => f.threat || (f.abusive && f.frightened),
  },
  {
    id: "SC-CJL38",
    jurisdictions: SC,
    heading: "Threatening or abusive behaviour",
    title: "Threatening or abusive behaviour",
    statute: "Criminal Justice and Licensing (Scotland) Act 2010",
    section: "s38",
    elements:
      "A single act or a course of conduct that is threatening or abusive, likely to cause a reasonable person fear or alarm, done on purpose or recklessly.",
    maximum: "5 years (12 months on summary conviction)",
    source: SRC,
    appliesWhen: (f) => f.threat || f.abusive,
  },
  {
    id: "SC-CJL39",
    jurisdictions: SC,
    heading: "Stalking",
    title: "Stalking",
    statute: "Criminal Justice and Licensing (Scotland) Act 2010",
    section: "s39",
    elements:
      "A course of conduct (on two or more occasions) that causes fear or alarm, such as following, contacting, watching or loitering.",
    maximum: "5 years (12 months on summary conviction)",
    source: SRC,
    appliesWhen: (f) => f.stalking || (f.courseOfConduct && (f.threat || f.frightened)),
  },
  {
    id: "SC-BOTP",
    jurisdictions: SC,
    heading: "Public order",
    title: "Breach of the peace (common law)",
    statute: "Common law of Scotland",
    section: "breach of the peace",
    elements: "Conduct severe enough to alarm ordinary people, with a public element.",
    maximum: "Depends on the court",
    source: SRC,
    appliesWhen: hostileInPerson,
  },
  // —— Hate crime ——
  {
    id: "CDA28-32",
    jurisdictions: EW,
    heading: "Hate crime",
    title: "Racially or religiously aggravated offences",
    statute: "Crime and Disorder Act 1998",
    section: "ss28–32",
    elements:
      "Harassment, stalking, public order offences, criminal damage or assault, aggravated by hostility based on race or religion (shown at the time or motivating it).",
    maximum:
      "Higher maximums than the basic offence (e.g. 2 years for aggravated harassment, 14 years for aggravated fear of violence)",
    source: SRC,
    appliesWhen: (f) => raceOrReligion(f) && hateWithOffence(f),
  },
  {
    id: "SA66",
    jurisdictions: EW,
    heading: "Hate crime",
    title: "Hostility: sentence uplift",
    statute: "Sentencing Act 2020",
    section: "s66",
    elements:
      "The court must treat hostility based on disability, sexual orientation or transgender identity (and race or religion where there is no aggravated form) as making an offence more serious.",
    maximum: "An increase within the offence's maximum",
    source: SRC,
    appliesWhen: (f) => otherHateGround(f) && hateWithOffence(f),
  },
  {
    id: "SC-HCPO",
    jurisdictions: SC,
    heading: "Hate crime",
    title: "Offences aggravated by prejudice",
    statute: "Hate Crime and Public Order (Scotland) Act 2021",
    section: "s1",
    elements:
      "An offence aggravated by prejudice on grounds of age, disability, race, religion, sexual orientation, transgender identity or variations in sex characteristics.",
    maximum: "An increase within the offence's maximum",
    source: SRC,
    verify: true,
    appliesWhen: (f) => hateWithOffence(f) && !(f.characteristics.size === 1 && f.characteristics.has("sex")),
  },
  {
    id: "NI-HOSTILITY",
    jurisdictions: NI,
    heading: "Hate crime",
    title: "Offences aggravated by hostility",
    statute: "Criminal Justice (No. 2) (Northern Ireland) Order 2004",
    section: "art 2",
    elements:
      "The court must treat hostility based on race, religion, sexual orientation or disability as making an offence more serious.",
    maximum: "An increase within the offence's maximum",
    source: SRC,
    verify: true,
    appliesWhen: (f) =>
      hateWithOffence(f) &&
      ["race", "religion", "sexual-orientation", "disability"].some((c) => f.characteristics.has(c as never)),
  },
  // —— Communications ——
  {
    id: "MCA1",
    jurisdictions: EW,
    heading: "Communications",
    title: "Sending a grossly offensive or indecent communication",
    statute: "Malicious Communications Act 1988",
    section: "s1",
    elements:
      "Sending a letter or electronic communication that is indecent or grossly offensive, meaning to cause distress or anxiety.",
    maximum: "2 years",
    source: SRC,
    appliesWhen: (f) => f.communication && f.abusive,
  },
  {
    id: "NI-MCO3",
    jurisdictions: NI,
    heading: "Communications",
    title: "Sending a grossly offensive or indecent communication",
    statute: "Malicious Communications (Northern Ireland) Order 1988",
    section: "art 3",
    elements:
      "Sending a letter or electronic communication that is indecent or grossly offensive, meaning to cause distress or anxiety.",
    maximum: "2 years",
    source: SRC,
    verify: true,
    appliesWhen: (f) => f.communication && f.abusive,
  },
  {
    id: "CA127",
    jurisdictions: ["england-wales", "scotland", "northern-ireland"],
    heading: "Communications",
    title: "Improper use of a public electronic communications network",
    statute: "Communications Act 2003",
    section: "s127",
    elements:
      "Sending a grossly offensive, indecent, obscene or menacing message over a public electronic network (phone, text, email, social media), or persistently using it to cause annoyance or needless anxiety.",
    maximum: "6 months and an unlimited fine",
    source: SRC,
    appliesWhen: (f) => f.electronic && (f.threat || f.abusive || (f.courseOfConduct && f.frightened)),
  },
  {
    id: "OSA181",
    jurisdictions: ["england-wales", "northern-ireland"],
    heading: "Communications",
    title: "Threatening communications",
    statute: "Online Safety Act 2023",
    section: "s181",
    elements:
      "Sending a message that threatens death or serious harm (serious injury, rape, assault by penetration or serious financial loss), meaning the recipient to fear it will be carried out, or reckless about that.",
    maximum: "5 years",
    source: SRC,
    verify: true,
    appliesWhen: (f) => f.communication && f.seriousHarmThreat,
  },
  {
    id: "OAPA16",
    jurisdictions: ["england-wales", "northern-ireland"],
    heading: "Threats to kill",
    title: "Threat to kill",
    statute: "Offences Against the Person Act 1861",
    section: "s16",
    elements: "Threatening to kill the person or someone else, meaning them to fear it will be carried out.",
    maximum: "10 years",
    source: SRC,
    appliesWhen: (f) => f.threatToKill,
  },
  {
    id: "SC-THREATS",
    jurisdictions: SC,
    heading: "Threats",
    title: "Uttering threats (common law)",
    statute: "Common law of Scotland",
    section: "threats",
    elements: "Threatening serious harm to a person or their property, whether or not in public.",
    maximum: "Depends on the court",
    source: SRC,
    appliesWhen: (f) => f.seriousHarmThreat || f.propertyThreat,
  },
  // —— Elections ——
  {
    id: "RPA114A",
    jurisdictions: ["england-wales", "scotland", "northern-ireland"],
    heading: "Election offences",
    title: "Undue influence",
    statute: "Representation of the People Act 1983",
    section: "s114A",
    elements:
      "Using or threatening violence, damage or any act meant to intimidate, to make someone vote a certain way or not vote (a corrupt practice).",
    maximum: "1 year, and 5 years barred from elected office",
    source: SRC,
    verify: true,
    appliesWhen: (f) => f.votePressure && f.threat,
  },
];

/** The offences whose conditions the facts meet, for the campaign's jurisdiction. */
export const offencesFor = (facts: TriageFacts): Offence[] =>
  OFFENCES.filter((o) => o.jurisdictions.includes(facts.jurisdiction) && o.appliesWhen(facts));

/**
 * Elections Act 2022 s30 and Schedule 9: on conviction for a listed offence aggravated by hostility
 * to a candidate, the court must consider disqualifying the offender from standing for 5 years.
 */
export const DISQUALIFICATION_NOTE = {
  text: "If someone is convicted of one of these offences and it was aimed at you because you are a candidate, the court must consider banning them from standing for or holding elected office for 5 years.",
  statute: "Elections Act 2022, s30 and Schedule 9",
  source: SRC,
};
