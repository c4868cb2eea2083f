// Where each piece of triage comes from: every reason, step, offence and contact cites one of these.
// The guidance texts are in shared/guidance; the offences and platform controls in shared/research.
import { SOURCES as ANALYSER_SOURCES } from "../analysis/sources.ts";

const GUIDANCE =
  "Joint Guidance for Candidates in Elections – When it goes too far (NPCC, College of Policing, Electoral Commission, May 2024)";
const LGA = "LGA #DebateNotHate, S.H.I.E.L.D principles (Councillors' guide to handling intimidation)";
const NPCC_2019 =
  "NPCC / College of Policing, 'Security guidance issued to help candidates stay safe' (15 Nov 2019)";

export const GUIDANCE_SOURCES = {
  ...ANALYSER_SOURCES,
  redFlagImminent: ANALYSER_SOURCES.imminent,
  redFlagFixated: ANALYSER_SOURCES.fixation,
  redFlagWeapons: ANALYSER_SOURCES.weapon,
  redFlagPersonalInfo: ANALYSER_SOURCES.privateInfo,
  policeAbusiveOrThreatening: ANALYSER_SOURCES.threatening,
  policeRepeatedContact: ANALYSER_SOURCES.repeatedContact,
  policeDiscriminatory: ANALYSER_SOURCES.discriminatory,
  policeFixation: `${GUIDANCE}, When should I contact the police?: "Fixation on you or an issue associated with your campaign."`,
  hustings: `${GUIDANCE}, protective steps: "When at hustings or public meetings, be aware of your surroundings … report it to the police using 999 if the threat or danger is immediate and 101 to report suspicious activity that has already occurred."`,
  canvassing: `${GUIDANCE}, protective steps: "Consider your safety when canvassing … if you feel unsafe then disengage. If possible, do visits accompanied, as a minimum tell someone where you are canvassing."`,
  keepRecords: `${GUIDANCE}, protective steps: "Keep records of any intimidating behaviour (what, where, when) – the more details the better."`,
  doNotEngage: `${GUIDANCE}, protective steps: "Do not engage with individuals who are stalking/harassing you (on and offline)."`,
  reportToProvider: `${GUIDANCE}, protective steps: "Report intimidation to your internet service provider / mobile phone company."`,
  reportAbuseTools: `${GUIDANCE}, protective steps: "Use 'Report Abuse' tools on social media platforms."`,
  blockTrolls: `${GUIDANCE}, protective steps: "Block/report trolls. You can disable comments on the Meta platforms (Instagram and Facebook) on a post-by-post basis if necessary."`,
  onlineHealthCheck: `${GUIDANCE}, protective steps: "Conduct an online health check - review online information and minimise availability of personal information."`,
  securitySurvey: `${GUIDANCE}, protective steps: "Seek advice from your local police force on personal safety and building security (e.g., home/workplace security survey)"`,
  spoc: `${GUIDANCE}, protective steps: "You should have been provided with a single point of contact for your force … Always call 999 in an emergency."`,
  immediateDanger: `${GUIDANCE}: "if you feel you or others are in immediate danger, call police on 999."`,
  redFlagsDial999: `${GUIDANCE}, red flags: "should be brought to the immediate attention of your local police (dial 999)"`,
  keyLinks: `${GUIDANCE}, Key Links`,
  cps: `${GUIDANCE}, Relevant offences: CPS guide, Responding to intimidating behaviour in elections and public office (cps.gov.uk)`,
  briefings: `${NPCC_2019}: forces provide security briefings and single points of contact for candidate security`,
  shieldSafeguard: `${LGA}: "Safeguard – protect yourself online and in person"`,
  shieldHelp: `${LGA}: "Help – in any situation ensure you are safe before you take further action and get help if needed"`,
  shieldInform: `${LGA}: "Inform – you can inform the individual or group that you consider their communication or action as intimidating, threatening or abusive."`,
  shieldEvidence: `${LGA}: "Evidence – if you consider that a communication or action is intimidatory, threatening or abusive, gather evidence."`,
  shieldLetPeopleKnow: `${LGA}: "Let people know – report the incident to your social media platform/officers/party contact/lead member/the police; depending on the nature and severity of the incident(s)."`,
  shieldDecide: `${LGA}: "Decide – determine whether you want to continue receiving communications or approaches"`,
  lgaCollectiveScale: `${LGA}: "Even if it does not result in a criminal investigation or conviction, it is important that the collective scale of the issue is reported"`,
  captureBeforeBlocking:
    "Police and victim-support advice on keeping evidence (Devon & Cornwall Police: take a screengrab, then block; Gwent Police: save chat logs, images and the web address; Suzy Lamplugh Trust): capture before reporting to the platform or blocking, as reported content may be removed; screenshots showing sender, date and time, and the full web address",
  platformControls:
    "Each platform's own help and safety pages (e.g. Meta's Stay Safe pages, YouTube Help, TikTok Newsroom), as summarised for Shield",
  offences:
    "The Crown Prosecution Service's guide to offences against candidates (headings), with each statute as published on legislation.gov.uk",
} as const;
export type GuidanceSource = keyof typeof GUIDANCE_SOURCES;
