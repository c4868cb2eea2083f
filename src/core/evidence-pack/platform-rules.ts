// Each platform's own rules that abuse of a candidate may break, in plain words, for the report text a
// candidate pastes into the platform's report form. Rules are data with their source. The guidance says
// "Use 'Report Abuse' tools on social media platforms"; shared/research/domain-rules.md §5 lists each
// platform's controls, but not its rules: the policy names below are as each platform published them
// when these rules were written, and are marked `checkName` so they are checked against the platform's
// current page before anyone relies on the exact name (platforms rename their policies).
import type { Platform } from "../incident/model.ts";

/** What an incident shows that a platform's rules address. */
export const CONCERNS = ["threat", "harassment", "hate", "private-info", "sexual", "self-harm"] as const;
export type Concern = (typeof CONCERNS)[number];

export interface PlatformRule {
  /** The policy's name, as the platform publishes it. */
  policy: string;
  /** What the policy forbids, in plain words (for the report text). */
  says: string;
}

export interface PlatformRules {
  name: string;
  /** What a piece of content is called there: a post on a feed, a message in a chat. */
  item: "post" | "message" | "comment" | "video";
  rules: Record<Concern, PlatformRule>;
  /** The platform's published rules (and the guidance line that says to report there). */
  source: string;
  /** The policy names still need checking against the platform's current pages. */
  checkName: true;
}

const GUIDANCE_REPORT =
  "Joint Guidance for Candidates in Elections – When it goes too far (NPCC, College of Policing, Electoral Commission, May 2024), protective steps: \"Use 'Report Abuse' tools on social media platforms.\"";
const source = (what: string) => `${what}; ${GUIDANCE_REPORT}`;

const META_RULES: Record<Concern, PlatformRule> = {
  threat: {
    policy: "Violence and Incitement",
    says: "threats of violence against a person, and calls for them to be harmed",
  },
  harassment: {
    policy: "Bullying and Harassment",
    says: "targeting a person with abuse, degrading attacks or repeated unwanted contact",
  },
  hate: {
    policy: "Hateful Conduct",
    says: "attacking people because of a protected characteristic such as race, religion, sexual orientation, gender identity or disability",
  },
  "private-info": {
    policy: "Privacy Violations",
    says: "sharing someone's private information, such as their home address or personal phone number",
  },
  sexual: {
    policy: "Bullying and Harassment",
    says: "sexualised attacks on a person and unwanted sexual comments",
  },
  "self-harm": {
    policy: "Suicide, Self-Injury and Eating Disorders",
    says: "encouraging someone to harm or kill themselves",
  },
};

const TERMS_ONLY = (terms: string): Record<Concern, PlatformRule> => ({
  threat: { policy: terms, says: "using the service to threaten or intimidate people" },
  harassment: { policy: terms, says: "using the service to harass or intimidate people" },
  hate: { policy: terms, says: "hateful, racially or ethnically offensive content" },
  "private-info": { policy: terms, says: "violating other people's privacy" },
  sexual: { policy: terms, says: "harassing, obscene or sexually threatening content" },
  "self-harm": { policy: terms, says: "encouraging conduct that harms people" },
});

export const PLATFORM_RULES: Record<Platform, PlatformRules> = {
  x: {
    name: "X",
    item: "post",
    rules: {
      threat: {
        policy: "Violent Speech",
        says: "threatening violence against someone, or wishing or inciting serious harm",
      },
      harassment: {
        policy: "Abuse and Harassment",
        says: "targeted harassment of someone, or inciting others to harass them",
      },
      hate: {
        policy: "Hateful Conduct",
        says: "attacking people because of their race, ethnicity, national origin, religion, sexual orientation, gender, gender identity, age or disability",
      },
      "private-info": {
        policy: "Private Information and Media",
        says: "posting someone's private information, such as their home address or phone number, without their permission",
      },
      sexual: {
        policy: "Abuse and Harassment",
        says: "unwanted sexual content and sexual harassment aimed at someone",
      },
      "self-harm": {
        policy: "Suicide and Self-Harm",
        says: "encouraging someone to harm or kill themselves",
      },
    },
    source: source("The X Rules (help.x.com, Rules and policies)"),
    checkName: true,
  },
  facebook: {
    name: "Facebook",
    item: "post",
    rules: META_RULES,
    source: source("Meta Community Standards (transparency.meta.com), which apply to Facebook"),
    checkName: true,
  },
  instagram: {
    name: "Instagram",
    item: "post",
    rules: META_RULES,
    source: source("Instagram Community Guidelines and Meta Community Standards (transparency.meta.com)"),
    checkName: true,
  },
  threads: {
    name: "Threads",
    item: "post",
    rules: META_RULES,
    source: source("Meta Community Standards (transparency.meta.com), which apply to Threads"),
    checkName: true,
  },
  tiktok: {
    name: "TikTok",
    item: "video",
    rules: {
      threat: {
        policy: "Violent Behaviors and Criminal Activities",
        says: "threats of violence against a person, and inciting violence",
      },
      harassment: {
        policy: "Harassment and Bullying",
        says: "abusive or degrading content aimed at a person, and repeated unwanted contact",
      },
      hate: {
        policy: "Hate Speech and Hateful Behaviors",
        says: "attacking people because of a protected attribute such as race, religion, sexual orientation, gender identity or disability",
      },
      "private-info": {
        policy: "Personal Information",
        says: "sharing someone's personal information, such as their home address or phone number",
      },
      sexual: {
        policy: "Harassment and Bullying",
        says: "sexual harassment and unwanted sexual comments aimed at a person",
      },
      "self-harm": {
        policy: "Suicide and Self-Harm",
        says: "encouraging someone to harm or kill themselves",
      },
    },
    source: source("TikTok Community Guidelines (tiktok.com/community-guidelines)"),
    checkName: true,
  },
  youtube: {
    name: "YouTube",
    item: "comment",
    rules: {
      threat: {
        policy: "Harassment & cyberbullying",
        says: "threatening an identifiable person, and encouraging others to harm them",
      },
      harassment: {
        policy: "Harassment & cyberbullying",
        says: "insulting or degrading an identifiable person, and repeated abuse aimed at them",
      },
      hate: {
        policy: "Hate speech",
        says: "attacking people because of a protected attribute such as race, religion, sexual orientation, gender identity or disability",
      },
      "private-info": {
        policy: "Harassment & cyberbullying",
        says: "revealing someone's private information, such as their home address",
      },
      sexual: {
        policy: "Harassment & cyberbullying",
        says: "sexualised abuse aimed at an identifiable person",
      },
      "self-harm": {
        policy: "Suicide, self-harm, and eating disorders",
        says: "encouraging someone to harm or kill themselves",
      },
    },
    source: source("YouTube Community Guidelines (support.google.com/youtube)"),
    checkName: true,
  },
  whatsapp: {
    name: "WhatsApp",
    item: "message",
    rules: TERMS_ONLY("Terms of Service (acceptable use)"),
    source: source("WhatsApp Terms of Service, 'Acceptable use of our services' (whatsapp.com/legal)"),
    checkName: true,
  },
  telegram: {
    name: "Telegram",
    item: "message",
    rules: TERMS_ONLY("Terms of Service"),
    source: source("Telegram Terms of Service (telegram.org/tos)"),
    checkName: true,
  },
  linkedin: {
    name: "LinkedIn",
    item: "post",
    rules: {
      threat: {
        policy: "Professional Community Policies (do not threaten, incite or promote violence)",
        says: "threatening violence against someone",
      },
      harassment: {
        policy: "Professional Community Policies (do not harass or bully)",
        says: "harassing, bullying or intimidating someone",
      },
      hate: {
        policy: "Professional Community Policies (do not be hateful)",
        says: "attacking people because of a protected characteristic",
      },
      "private-info": {
        policy: "Professional Community Policies (respect others' privacy)",
        says: "sharing someone's private information",
      },
      sexual: {
        policy: "Professional Community Policies (do not harass or bully)",
        says: "sexual harassment and unwanted sexual advances",
      },
      "self-harm": {
        policy: "Professional Community Policies (do not threaten, incite or promote violence)",
        says: "encouraging someone to harm themselves",
      },
    },
    source: source("LinkedIn Professional Community Policies (linkedin.com/legal)"),
    checkName: true,
  },
  bluesky: {
    name: "Bluesky",
    item: "post",
    rules: {
      threat: {
        policy: "Community Guidelines (threats and violence)",
        says: "threatening violence against someone",
      },
      harassment: {
        policy: "Community Guidelines (harassment)",
        says: "harassing, bullying or targeting someone with abuse",
      },
      hate: {
        policy: "Community Guidelines (hateful conduct)",
        says: "attacking people because of who they are",
      },
      "private-info": {
        policy: "Community Guidelines (privacy)",
        says: "sharing someone's private information, such as their home address (doxxing)",
      },
      sexual: { policy: "Community Guidelines (harassment)", says: "sexual harassment aimed at someone" },
      "self-harm": {
        policy: "Community Guidelines (self-harm)",
        says: "encouraging someone to harm themselves",
      },
    },
    source: source("Bluesky Community Guidelines (bsky.social/about/support/community-guidelines)"),
    checkName: true,
  },
  reddit: {
    name: "Reddit",
    item: "post",
    rules: {
      threat: {
        policy: "Reddit Rule 1 (remember the human)",
        says: "threatening violence against someone",
      },
      harassment: { policy: "Reddit Rule 1 (remember the human)", says: "harassing or bullying someone" },
      hate: {
        policy: "Reddit Rule 1 (remember the human)",
        says: "promoting hate based on identity or vulnerability",
      },
      "private-info": {
        policy: "Reddit Rule 3 (respect the privacy of others)",
        says: "posting someone's personal or confidential information",
      },
      sexual: { policy: "Reddit Rule 1 (remember the human)", says: "sexual harassment of someone" },
      "self-harm": {
        policy: "Reddit Rule 1 (remember the human)",
        says: "encouraging someone to harm themselves",
      },
    },
    source: source("Reddit Rules (redditinc.com/policies/content-policy)"),
    checkName: true,
  },
  nextdoor: {
    name: "Nextdoor",
    item: "post",
    rules: {
      threat: {
        policy: "Community Guidelines (be respectful to your neighbours)",
        says: "threatening or intimidating a neighbour",
      },
      harassment: {
        policy: "Community Guidelines (be respectful to your neighbours)",
        says: "abusive, bullying or harassing posts aimed at someone",
      },
      hate: {
        policy: "Community Guidelines (do not discriminate)",
        says: "attacking people because of a protected characteristic",
      },
      "private-info": {
        policy: "Community Guidelines (privacy)",
        says: "sharing someone's private information without their permission",
      },
      sexual: {
        policy: "Community Guidelines (be respectful to your neighbours)",
        says: "sexual harassment of someone",
      },
      "self-harm": {
        policy: "Community Guidelines (be respectful to your neighbours)",
        says: "encouraging someone to harm themselves",
      },
    },
    source: source("Nextdoor Community Guidelines (nextdoor.com/community_guidelines)"),
    checkName: true,
  },
  other: {
    name: "the platform",
    item: "post",
    rules: TERMS_ONLY("your terms of use or community rules"),
    source: source("The platform's own terms of use or community rules"),
    checkName: true,
  },
};
