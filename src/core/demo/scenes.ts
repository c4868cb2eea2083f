// The scripted storyline of the demo campaign (six weeks, ending at `now`) plus a pool of
// one-off online posts from which a seeded selection is added. Days count from the start of
// the window (0..40); hours are UK clock time.
import type { FollowUpBody, IncidentBodyInput, Platform } from "../incident/model.ts";
import { CAMPAIGN_EMAIL, CAMPAIGN_MOBILE, CANDIDATE_X, PLACES, VAN_REG, type ActorKey } from "./cast.ts";
import { APP_NAME, HOUR, iso, type SceneContext } from "./context.ts";
import type { DemoEvidence, DemoIncidentBody } from "./types.ts";

export type RecorderKey = "candidate" | "agent" | "volunteer";

export interface SceneOutput {
  body: Omit<DemoIncidentBody, "occurredAt" | "actorKeys"> & { actorKeys: ActorKey[] };
  evidence?: DemoEvidence[];
  followUps?: FollowUpBody[];
  amendment?: { reason: string; changes: Partial<Omit<IncidentBodyInput, "actorIds">> };
}

export interface Scene {
  id: string;
  day: number;
  hour: number;
  /** Fixed minute; otherwise drawn from the seed. */
  minute?: number;
  by: RecorderKey;
  /** How long after the event it was written down, in minutes [min, max]. */
  recordAfter: [number, number];
  build(c: SceneContext): SceneOutput;
}

const letterText = (lines: string[]) => lines.join("\n");

export const SCENES: Scene[] = [
  // ---------------------------------------------------------------- week 1
  {
    id: "troll-first-reply",
    day: 0,
    hour: 21,
    by: "candidate",
    recordAfter: [20, 180],
    build(c) {
      const msg = `${CANDIDATE_X} another career politician who'll say anything for a vote. Nobody in Wrenfield wants you. Liar.`;
      const url = c.postUrl("x", "WrenfieldTruth");
      return {
        body: {
          summary: "Reply on X calling me a liar",
          description: "Reply to my launch post from an account called @WrenfieldTruth. Not seen it before.",
          channel: "social-media",
          platform: "x",
          url,
          targeted: ["candidate"],
          actorKeys: ["troll"],
        },
        evidence: [c.text(msg), c.url(url)],
      };
    },
  },
  {
    id: "facebook-library-criticism",
    day: 1,
    hour: 11,
    by: "candidate",
    recordAfter: [60, 400],
    build(c) {
      const msg =
        "Rachel Adeyemi's housing plan is pie in the sky. She voted FOR closing Marsh Ley library when she was on the council and now she wants our votes? Shameful record. Don't be fooled.";
      const url = c.postUrl("facebook", "groups/wrenfieldnoticeboard");
      return {
        body: {
          summary: "Facebook post attacking my record on the library",
          description:
            "Post in the Wrenfield Community Noticeboard group, about 40 comments underneath, mostly arguing about the library.",
          channel: "social-media",
          platform: "facebook",
          url,
          targeted: ["candidate"],
          actorKeys: [],
          unknownActorDescription:
            "Facebook user 'Brian K.', regular poster in the Wrenfield Community Noticeboard group",
        },
        evidence: [c.text(msg), c.url(url)],
      };
    },
  },
  {
    id: "doorstep-cobden-1",
    day: 2,
    hour: 18,
    minute: 10,
    by: "volunteer",
    recordAfter: [45, 120],
    build(c) {
      return {
        body: {
          summary: "Man shouted at us on the doorstep on Cobden Terrace",
          description:
            "Canvassing Cobden Terrace with Rachel. The man at number 41 saw the rosette and started shouting that 'you lot are all the same, liars the lot of you'. " +
            "He jabbed his finger right in Rachel's face and said he'd set the dog on us if we didn't get off his step. We left straight away.",
          location: PLACES.cobden,
          channel: "doorstep",
          targeted: ["candidate", "volunteer"],
          actorKeys: ["doorstep-man"],
          witnesses: [{ name: "Rachel Adeyemi" }],
          impact: "Both shaken. Rachel does not want volunteers canvassing that street alone.",
          actionTaken: "Marked the house 'do not call' on the canvass sheet.",
        },
        amendment: {
          reason: "Time corrected: the canvass sheet shows we were on Cobden Terrace at 17:10, not 18:10.",
          changes: { occurredAt: iso(c.t - HOUR) },
        },
      };
    },
  },
  {
    id: "racist-email-1",
    day: 3,
    hour: 9,
    by: "agent",
    recordAfter: [30, 200],
    build(c) {
      const msg = [
        `From: patriot.voice1966@example.com`,
        `To: ${CAMPAIGN_EMAIL}`,
        `Date: ${c.mailDate}`,
        `Subject: Know your place`,
        ``,
        `You people come over here and think you can run our towns. Wrenfield is for Wrenfield folk. ` +
          `Go back where you came from and take your w*ke nonsense with you. Nobody round here will ever vote for someone like you.`,
      ].join("\n");
      return {
        body: {
          summary: "Racist e-mail to the campaign inbox",
          description:
            "E-mail to the general campaign address telling Rachel to 'go back where you came from'.",
          channel: "email",
          targeted: ["candidate"],
          actorKeys: ["email-sender"],
          actionTaken: "Kept the e-mail with full headers; did not reply.",
        },
        evidence: [c.text(msg, "email-export", 15)],
      };
    },
  },
  {
    id: "letter-1",
    day: 4,
    hour: 10,
    by: "agent",
    recordAfter: [60, 240],
    build(c) {
      const text = letterText([
        "MRS ADEYEMI",
        "YOU HAVE NO BUSINESS STANDING FOR PARLIAMENT. A WOMAN WITH CHILDREN SHOULD BE AT HOME LOOKING AFTER THEM NOT PARADING ROUND OUR TOWN.",
        "NOBODY WILL VOTE FOR YOU.",
        "A CONCERNED RESIDENT OF WRENFIELD",
      ]);
      return {
        body: {
          summary: "Anonymous handwritten letter to the campaign office",
          description:
            "Letter in the morning post at the office. Handwritten in capitals, blue biro, second-class stamp, Wrenfield postmark, no return address.",
          location: PLACES.office,
          channel: "letter",
          targeted: ["candidate"],
          actorKeys: ["letter-writer"],
          actionTaken: "Letter and envelope put in a clear plastic sleeve and handled as little as possible.",
        },
        evidence: [c.letterScan(text, "letter-1-scan"), c.text(text, "other", 95)],
      };
    },
  },
  {
    id: "troll-go-back",
    day: 5,
    hour: 22,
    by: "candidate",
    recordAfter: [5, 90],
    build(c) {
      const msg = `Thick as mince and twice as useless. Go back to wherever you came from ${CANDIDATE_X}, f*** off out of our town.`;
      const url = c.postUrl("x", "WrenfieldTruth");
      return {
        body: {
          summary: "@WrenfieldTruth: insult and 'go back to wherever you came from'",
          channel: "social-media",
          platform: "x",
          url,
          targeted: ["candidate"],
          actorKeys: ["troll"],
          actionTaken: "Screenshot taken, then reported the post to X.",
        },
        evidence: [c.text(msg), c.url(url), c.screenshot("X", "@WrenfieldTruth", msg)],
        followUps: [{ kind: "action", text: "Reported the post to X for hateful conduct." }],
      };
    },
  },
  {
    id: "blog-council-tax",
    day: 6,
    hour: 10,
    by: "candidate",
    recordAfter: [120, 600],
    build(c) {
      const url = `https://wrenfieldwatch.example.org/${c.year}/adeyemi-council-tax-u-turn`;
      const msg =
        "Rachel Adeyemi promised to freeze council tax. She then voted for a 4.99% rise. Voters deserve to know who they are dealing with. " +
        "Her campaign is built on spin and she should be ashamed of that record.";
      return {
        body: {
          summary: "Blog post attacking my council tax record",
          description: "Wrenfield Watch blog post, shared widely in local Facebook groups.",
          channel: "other-online",
          url,
          targeted: ["candidate"],
          actorKeys: ["wrenfield-watch"],
        },
        evidence: [c.url(url), c.text(msg, "message-copy", 20)],
      };
    },
  },
  {
    id: "voicemail",
    day: 7,
    hour: 23,
    by: "candidate",
    recordAfter: [480, 600],
    build(c) {
      const transcript =
        "[Voicemail, 07700 900481] Yeah, this is a message for Rachel. You're a disgrace. You want to watch yourself, walking round here on your own. Drop out.";
      return {
        body: {
          summary: "Threatening voicemail on the campaign mobile",
          description: `Voicemail left on the campaign mobile (${CAMPAIGN_MOBILE}) at about ${c.hm}. Found it the next morning.`,
          channel: "phone-call",
          targeted: ["candidate"],
          actorKeys: ["phone-caller"],
          impact: "Nervous about canvassing alone. Asked Tom to make sure nobody canvasses on their own.",
          actionTaken: "Saved the voicemail. Did not call back.",
        },
        evidence: [c.voicemail(500), c.text(transcript, "other", 505)],
      };
    },
  },
  {
    id: "office-visit-1",
    day: 8,
    hour: 13,
    by: "agent",
    recordAfter: [30, 120],
    build(c) {
      return {
        body: {
          summary: "Man came into the campaign office and shouted at staff",
          description:
            `The man from Cobden Terrace (the one from ${c.dateOfDay(2)}) walked into the office and shouted for about ten minutes that we were 'traitors' and 'liars'. ` +
            "He swept a pile of leaflets off the desk and would not leave until I said I was calling the police.",
          location: PLACES.office,
          channel: "office",
          targeted: ["staff", "volunteer"],
          actorKeys: ["doorstep-man"],
          witnesses: [{ name: "Aisha Rahman (volunteer)", contact: "07700 900214" }],
          impact: "Two volunteers upset. We now keep the door locked when fewer than two people are in.",
          actionTaken: "Reported on 101.",
        },
        followUps: [
          {
            kind: "police-reference",
            text: "Reported on 101. Call handler logged it and said an officer would ring back.",
            policeReference: c.cad(),
            contactRoute: "101",
          },
          {
            kind: "outcome",
            text: "PCSO rang back two days later and said she would speak to him. No further action for now.",
            officer: "PCSO 7712 Lauren Birch",
          },
        ],
      };
    },
  },
  {
    id: "doorstep-brick",
    day: 9,
    hour: 18,
    by: "candidate",
    recordAfter: [30, 150],
    build() {
      return {
        body: {
          summary: "Woman on the Brookmere estate said she hoped someone put a brick through my window",
          description:
            "Canvassing Heron Close on the Brookmere estate. A woman opened the door, called me a 'stuck-up cow' and said she hoped someone put a brick through my window. Then she slammed the door.",
          location: { text: "Heron Close, Brookmere estate, Wrenfield", postcode: "ZZ4 6HD" },
          channel: "doorstep",
          targeted: ["candidate"],
          actorKeys: [],
          unknownActorDescription:
            "White woman, about 40, blonde ponytail, pink dressing gown. House with a white van in the drive.",
          witnesses: [{ name: "Megan Price" }],
        },
      };
    },
  },
  {
    id: "agent-instagram",
    day: 9,
    hour: 20,
    by: "agent",
    recordAfter: [10, 200],
    build(c) {
      const msg =
        "Tom Hollis you're a traitor for working for her. Hope you're proud of yourself. We know where you drink.";
      return {
        body: {
          summary: "Comment on the agent's personal Instagram",
          description: "Comment under a photo on my personal Instagram (not the campaign account).",
          channel: "social-media",
          platform: "instagram",
          url: c.postUrl("instagram", "tom.hollis"),
          targeted: ["staff"],
          actorKeys: [],
          unknownActorDescription:
            "Instagram account @ley.patriot.88, no posts, no profile photo, created this month",
          impact: "Changed my account to private.",
        },
        evidence: [c.text(msg)],
      };
    },
  },
  {
    id: "troll-facebook-fraud",
    day: 10,
    hour: 23,
    by: "candidate",
    recordAfter: [10, 600],
    build(c) {
      const msg =
        "Everyone in this town knows she's a fraud. People like her get what's coming to them eventually.";
      const url = c.postUrl("facebook", "wrenfield.truth.teller");
      return {
        body: {
          summary: "Facebook comment: 'people like her get what's coming'",
          description:
            "Comment under the campaign page's post about the hustings, from the 'Wrenfield Truth Teller' profile — same bulldog photo as @WrenfieldTruth on X.",
          channel: "social-media",
          platform: "facebook",
          url,
          targeted: ["candidate"],
          actorKeys: ["troll"],
        },
        evidence: [c.text(msg), c.url(url)],
      };
    },
  },
  {
    id: "board-defaced",
    day: 11,
    hour: 8,
    by: "volunteer",
    recordAfter: [20, 90],
    build(c) {
      return {
        body: {
          summary: "Campaign board sprayed 'TRAITOR' and posters torn down",
          description:
            "Found on the way to the office. Posters ripped off the campaign board and 'TRAITOR' sprayed across it in red paint. Must have happened overnight.",
          location: PLACES.board,
          channel: "other",
          targeted: ["candidate"],
          actorKeys: [],
          unknownActorDescription: "Not seen. Red spray paint.",
          actionTaken: "Photographed it before cleaning up.",
        },
        evidence: [c.boardPhoto("VOTE ADEYEMI", "TRAITOR")],
      };
    },
  },
  {
    id: "text-drop-out",
    day: 12,
    hour: 23,
    by: "candidate",
    recordAfter: [5, 60],
    build(c) {
      const msg = "Ur finished Adeyemi. Drop out or else. We're watching u";
      return {
        body: {
          summary: "Text: 'Drop out or else'",
          description: "Text to the campaign mobile from the same number as the voicemail.",
          channel: "text-message",
          targeted: ["candidate"],
          actorKeys: ["phone-caller"],
        },
        evidence: [c.text(msg), c.screenshot("Messages", "07700 900481", msg)],
        followUps: [
          { kind: "action", text: "Blocked the number on the campaign mobile after taking screenshots." },
        ],
      };
    },
  },
  {
    id: "van-traitor",
    day: 13,
    hour: 15,
    by: "candidate",
    recordAfter: [20, 120],
    build(_c) {
      return {
        body: {
          summary: "Red van slowed beside me and the driver shouted 'traitor'",
          description:
            "Leafleting on Millrace Lane. A red van slowed right down beside me, the driver leaned out and shouted 'traitor' and 'you're finished in this town', then revved the engine and drove off. " +
            "Only got part of the registration: ZZ71 D…",
          location: PLACES.millrace,
          channel: "street",
          targeted: ["candidate"],
          actorKeys: ["red-van"],
          witnesses: [{ name: "Megan Price" }],
        },
        amendment: {
          reason: "Full registration confirmed from a neighbour's doorbell camera footage.",
          changes: {
            description:
              "Leafleting on Millrace Lane. A red van slowed right down beside me, the driver leaned out and shouted 'traitor' and 'you're finished in this town', then revved the engine and drove off. " +
              `Registration ${VAN_REG} (confirmed from a neighbour's doorbell camera at no. 12).`,
          },
        },
      };
    },
  },
  // ---------------------------------------------------------------- weeks 3-4
  {
    id: "hustings-heckling",
    day: 14,
    hour: 19,
    by: "agent",
    recordAfter: [90, 240],
    build() {
      return {
        body: {
          summary: "Heckled at the St Anne's hustings",
          description:
            "A group at the back booed through Rachel's answers on housing and one man kept shouting 'liar!' and 'what about the library?'. " +
            "The chair asked them twice to let her speak. Loud, but it was about her record.",
          location: PLACES.stAnnes,
          channel: "hustings",
          targeted: ["candidate"],
          actorKeys: [],
          unknownActorDescription:
            "Four or five men in their 50s at the back of the hall; the one doing most of the shouting wore a Wrenfield Town FC scarf.",
          witnesses: [{ name: "Revd. Claire Denby (chair)" }],
          impact: "Rachel felt flustered but safe.",
        },
      };
    },
  },
  {
    id: "tiktok-daughter",
    day: 15,
    hour: 17,
    by: "candidate",
    recordAfter: [60, 300],
    build(c) {
      const msg = "ella ur mum is a disgrace lol tell her to quit before something happens";
      return {
        body: {
          summary: "TikTok comment aimed at my daughter",
          description: "Comment on Ella's own TikTok (she is 16). She showed me that evening.",
          channel: "social-media",
          platform: "tiktok",
          url: c.postUrl("tiktok", "ella.a"),
          targeted: ["family"],
          actorKeys: [],
          unknownActorDescription: "TikTok account @marshley_lad07, created recently, no videos",
          impact: "Ella upset and scared. We set her account to private.",
        },
        evidence: [c.text(msg, "message-copy", 120)],
      };
    },
  },
  {
    id: "letter-2-home",
    day: 16,
    hour: 9,
    by: "candidate",
    recordAfter: [30, 120],
    build(c) {
      const text = letterText([
        "WE KNOW WHERE YOU LIVE NOW.",
        "YOU AND YOUR FAMILY ARE BEING WATCHED. GIVE UP WHILE YOU STILL CAN.",
        "A CONCERNED RESIDENT OF WRENFIELD",
      ]);
      return {
        body: {
          summary: "Second anonymous letter — sent to our home address",
          description:
            "Same handwriting and stamp as the letter to the office. This one came through our own letterbox at home; the address is not public.",
          location: PLACES.home,
          channel: "letter",
          targeted: ["candidate", "family"],
          actorKeys: ["letter-writer"],
          impact: "Frightened. The home address is not on any campaign material.",
          actionTaken: "Kept in a plastic sleeve. Rang 101.",
        },
        evidence: [c.letterScan(text, "letter-2-scan", 40), c.text(text, "other", 45)],
        followUps: [
          {
            kind: "police-reference",
            text: "Reported on 101; crime recorded as malicious communications.",
            policeReference: c.crimeRef(),
            contactRoute: "101",
          },
          {
            kind: "action",
            text: "Election SPOC contacted us and offered a personal safety briefing.",
            officer: "DS 4410 Mark Ellison (election SPOC)",
            contactRoute: "spoc",
          },
          { kind: "outcome", text: "Officer collected both letters and envelopes for forensic examination." },
        ],
      };
    },
  },
  {
    id: "cobden-followed",
    day: 17,
    hour: 18,
    by: "volunteer",
    recordAfter: [30, 150],
    build() {
      return {
        body: {
          summary: "Same man followed us along Millrace Lane shouting",
          description:
            "The man from Cobden Terrace followed our group of three for about ten minutes, shouting that we were liars and filming us on his phone. He stopped at the corner of Tanners Row.",
          location: PLACES.millrace,
          channel: "street",
          targeted: ["volunteer", "candidate"],
          actorKeys: ["doorstep-man"],
          witnesses: [{ name: "Aisha Rahman", contact: "07700 900214" }],
          impact: "We cut the session short.",
        },
      };
    },
  },
  {
    id: "gazette-comments",
    day: 18,
    hour: 12,
    by: "candidate",
    recordAfter: [30, 300],
    build(c) {
      const url = `https://news.example.co.uk/wrenfield/${c.year}/candidates-clash-over-bypass#comment-${c.digits(6)}`;
      const msg =
        "She's a joke. Hope she loses her deposit and crawls back under whatever rock she came from.";
      return {
        body: {
          summary: "Abusive comment under Wrenfield Gazette article",
          channel: "other-online",
          url,
          targeted: ["candidate"],
          actorKeys: [],
          unknownActorDescription: "Commenter 'Ley_Local' on the Wrenfield Gazette website",
        },
        evidence: [c.text(msg), c.url(url)],
      };
    },
  },
  {
    id: "racist-email-2",
    day: 19,
    hour: 10,
    by: "agent",
    recordAfter: [30, 200],
    build(c) {
      const link = c.postUrl("facebook", "PatriotVoice66");
      const msg = [
        `From: patriot.voice1966@example.com`,
        `To: ${CAMPAIGN_EMAIL}`,
        `Date: ${c.mailDate}`,
        `Subject: Everyone knows`,
        ``,
        `You and your kind are ruining this country. Everyone is sharing what you really are: ${link}`,
      ].join("\n");
      return {
        body: {
          summary: "Second racist e-mail, with a link to a Facebook post about Rachel",
          channel: "email",
          targeted: ["candidate"],
          actorKeys: ["email-sender"],
        },
        evidence: [c.text(msg, "email-export", 10), c.url(link, 12)],
      };
    },
  },
  {
    id: "troll-street-named",
    day: 20,
    hour: 23,
    by: "candidate",
    recordAfter: [5, 30],
    build(c) {
      const msg = "Nice house on Larkspur Road. Blue door, isn't it? Shame if anything happened to it.";
      return {
        body: {
          summary: "Instagram DM naming our street and describing our front door",
          description:
            "Direct message to the campaign Instagram from @wrenfield.truth — the same person as @WrenfieldTruth on X. Our street is not public.",
          channel: "social-media",
          platform: "instagram",
          url: "https://instagram.example.com/wrenfield.truth",
          targeted: ["candidate", "family"],
          actorKeys: ["troll"],
          impact: "Very frightened. Checked all the locks. David now walks Ella to the bus stop.",
          actionTaken:
            "Screenshots taken, then reported the account to Instagram. Rang 101 the next morning.",
        },
        evidence: [c.text(msg, "message-copy", 3), c.screenshot("Instagram", "@wrenfield.truth", msg, 2)],
        followUps: [
          {
            kind: "police-reference",
            text: "Reported on 101 and linked to the earlier @WrenfieldTruth posts.",
            policeReference: c.cad(),
            contactRoute: "101",
            officer: "PC 3318 Daniel Okafor",
          },
          { kind: "action", text: "Reported the account to Instagram (harassment)." },
          {
            kind: "outcome",
            text: "Police put a marker on our address so that any 999 call from it is treated as urgent.",
          },
        ],
      };
    },
  },
  {
    id: "text-thinking-of-you",
    day: 21,
    hour: 23,
    by: "candidate",
    recordAfter: [5, 600],
    build(c) {
      const msg = "Thinking of u tonight Rachel. Sleep well x";
      return {
        body: {
          summary: "Late-night text 'thinking of u tonight'",
          description:
            "Text to my personal mobile this time, from 07700 900481. I never gave this number out.",
          channel: "text-message",
          targeted: ["candidate"],
          actorKeys: ["phone-caller"],
          impact: "Couldn't sleep.",
        },
        evidence: [c.text(msg)],
      };
    },
  },
  {
    id: "nextdoor-volunteer",
    day: 22,
    hour: 11,
    by: "volunteer",
    recordAfter: [60, 400],
    build(c) {
      const msg =
        "Saw Megan Price from Elm Grove out delivering Adeyemi's rubbish again. Someone should have a word with her.";
      return {
        body: {
          summary: "Nextdoor post naming me and my street",
          channel: "social-media",
          platform: "nextdoor",
          url: c.postUrl("nextdoor", "wrenfield-north"),
          targeted: ["volunteer"],
          actorKeys: [],
          unknownActorDescription: "Nextdoor user 'Phil, Wrenfield North'",
          impact: "Asked not to deliver on my own street for now.",
        },
        evidence: [c.text(msg)],
      };
    },
  },
  {
    id: "doorstep-bypass-argument",
    day: 23,
    hour: 18,
    by: "volunteer",
    recordAfter: [30, 200],
    build() {
      return {
        body: {
          summary: "Resident argued angrily with Rachel about the bypass on the doorstep",
          description:
            "A man on Orchard Way kept Rachel on the doorstep for about fifteen minutes, very angry about her support for the bypass: 'you've sold us out, you'll never get my vote, you should be ashamed'. " +
            "Raised voice but no threats; he shook her hand at the end.",
          location: { text: "Orchard Way, Marsh Ley", postcode: "ZZ5 4RT" },
          channel: "doorstep",
          targeted: ["candidate"],
          actorKeys: [],
          unknownActorDescription: "Man in his 70s, retired, lives at the end of Orchard Way",
        },
      };
    },
  },
  {
    id: "van-bat",
    day: 24,
    hour: 16,
    by: "candidate",
    recordAfter: [15, 60],
    build(c) {
      return {
        body: {
          summary: "Van driver said he had a bat in the back 'for people like you'",
          description:
            `The red van (${VAN_REG}, same as on ${c.dateOfDay(13)}) pulled up next to Tom and me outside the Co-op. ` +
            "The driver said 'I've got a bat in the back for people like you', laughed, and drove off towards the ring road.",
          location: PLACES.market,
          channel: "street",
          targeted: ["candidate", "staff"],
          actorKeys: ["red-van"],
          witnesses: [{ name: "Tom Hollis" }, { name: "Shop assistant at the Co-op (name not taken)" }],
          impact: "Frightened. Cancelled the evening street stall.",
          actionTaken: "Called 999.",
        },
        followUps: [
          {
            kind: "police-reference",
            text: "999 call; officers attended within the hour and took statements.",
            policeReference: c.cad(),
            officer: "PC 2291 Sarah Whitlock",
            contactRoute: "999",
          },
          {
            kind: "outcome",
            text: "Officers traced the registered keeper and spoke to him. Under investigation for a public order offence.",
          },
        ],
      };
    },
  },
  {
    id: "blog-expenses",
    day: 25,
    hour: 14,
    by: "candidate",
    recordAfter: [120, 600],
    build(c) {
      const url = `https://wrenfieldwatch.example.org/${c.year}/who-pays-for-adeyemi`;
      const msg =
        "Adeyemi's campaign claims to be grassroots, but who is paying for the glossy leaflets? Her donations list is thin and her answers are evasive. Voters should demand better.";
      return {
        body: {
          summary: "Second Wrenfield Watch post, about campaign funding",
          channel: "other-online",
          url,
          targeted: ["candidate"],
          actorKeys: ["wrenfield-watch"],
        },
        evidence: [c.url(url), c.text(msg, "message-copy", 30)],
      };
    },
  },
  {
    id: "office-visit-2",
    day: 26,
    hour: 17,
    by: "agent",
    recordAfter: [20, 90],
    build(c) {
      return {
        body: {
          summary: "Man banged on the office window: 'I know what time you lock up'",
          description:
            "The man from Cobden Terrace banged on the office window with his fist while I was locking up, and said 'I know what time you lock up, son'. Then he walked off with his dog.",
          location: PLACES.office,
          channel: "office",
          targeted: ["staff"],
          actorKeys: ["doorstep-man"],
          impact: "We now lock up in pairs and vary the time.",
        },
        followUps: [
          {
            kind: "note",
            text: `Added to the 101 report from ${c.dateOfDay(8)}; the PCSO will pass it to the neighbourhood sergeant.`,
          },
        ],
      };
    },
  },
  {
    id: "troll-street-photo",
    day: 27,
    hour: 22,
    by: "candidate",
    recordAfter: [10, 300],
    build(c) {
      const msg =
        "Guess whose street this is 👀 Wrenfield's finest 'independent' living the good life while we pay for it.";
      const url = c.postUrl("x", "WrenfieldTruth");
      return {
        body: {
          summary: "@WrenfieldTruth posted a photo of our road",
          description: "Photo taken from the end of Larkspur Road, our house visible on the left.",
          channel: "social-media",
          platform: "x",
          url,
          targeted: ["candidate", "family"],
          actorKeys: ["troll"],
        },
        evidence: [c.text(msg), c.url(url), c.screenshot("X", "@WrenfieldTruth", msg)],
        followUps: [{ kind: "note", text: "Sent the link to PC Okafor to add to the existing report." }],
      };
    },
  },
  {
    id: "silent-calls",
    day: 28,
    hour: 1,
    by: "candidate",
    recordAfter: [400, 500],
    build() {
      return {
        body: {
          summary: "Five silent calls overnight",
          description:
            "Five calls between 01:10 and 02:40 from 07700 900917: silence, then hang-up. Same pattern as the calls from 07700 900481 before I blocked it.",
          channel: "phone-call",
          targeted: ["candidate", "family"],
          actorKeys: ["phone-caller"],
          impact: "Whole house woken up.",
        },
      };
    },
  },
  {
    id: "youtube-sort-her-out",
    day: 29,
    hour: 12,
    by: "candidate",
    recordAfter: [60, 600],
    build(c) {
      const msg = "Look at her squirming. Traitor. Someone needs to sort her out.";
      const url = c.postUrl("youtube", "");
      return {
        body: {
          summary: "YouTube comment under the hustings video",
          channel: "social-media",
          platform: "youtube",
          url,
          targeted: ["candidate"],
          actorKeys: [],
          unknownActorDescription: "YouTube user 'EnglandAwake77'",
        },
        evidence: [c.text(msg), c.url(url)],
      };
    },
  },
  {
    id: "whatsapp-market",
    day: 30,
    hour: 9,
    by: "agent",
    recordAfter: [60, 240],
    build(c) {
      const msg = `She'll be at the market Saturday morning with her stall. Anyone fancy giving her a proper Wrenfield welcome?`;
      return {
        body: {
          summary: "WhatsApp group post inviting people to 'welcome' Rachel at the market",
          description:
            "A supporter forwarded a screenshot from the 'Wrenfield Dads' WhatsApp group: someone posted our published stall schedule with this message.",
          channel: "social-media",
          platform: "whatsapp",
          targeted: ["candidate", "staff", "volunteer"],
          actorKeys: [],
          unknownActorDescription:
            "Member of the 'Wrenfield Dads' WhatsApp group; phone number hidden in the forwarded screenshot",
          actionTaken: "Moved the stall to the library and asked the SPOC for advice.",
        },
        evidence: [c.screenshot("WhatsApp", "Wrenfield Dads", msg, 50), c.text(msg, "other", 55)],
        followUps: [
          {
            kind: "action",
            text: "SPOC advised and arranged for the neighbourhood team to pass the library during the stall.",
            contactRoute: "spoc",
          },
        ],
      };
    },
  },
  {
    id: "letter-3",
    day: 31,
    hour: 10,
    by: "agent",
    recordAfter: [30, 120],
    build(c) {
      const text = letterText([
        "YOU WERE WARNED.",
        "THIS TOWN DOESNT WANT YOU. WITHDRAW BEFORE THE ELECTION OR YOU WILL BE SORRY.",
        "A CONCERNED RESIDENT OF WRENFIELD",
      ]);
      return {
        body: {
          summary: "Third letter, with a cut-up campaign leaflet",
          description:
            "Same handwriting. Our leaflet was inside, cut into pieces, Rachel's face scribbled out.",
          location: PLACES.office,
          channel: "letter",
          targeted: ["candidate"],
          actorKeys: ["letter-writer"],
        },
        evidence: [c.letterScan(text, "letter-3-scan", 60), c.text(text, "other", 65)],
        followUps: [{ kind: "note", text: "Bagged for the police along with the other two letters." }],
      };
    },
  },
  // ---------------------------------------------------------------- weeks 5-6
  {
    id: "hustings-threat",
    day: 32,
    hour: 20,
    by: "candidate",
    recordAfter: [60, 180],
    build() {
      return {
        body: {
          summary: "Man shouted 'you'll get what's coming' as I left the hustings",
          description:
            "As I walked to the car after the Marsh Ley hustings a man by the entrance shouted 'you'll get what's coming to you, love'. Tom walked me to the car.",
          location: PLACES.communityCentre,
          channel: "hustings",
          targeted: ["candidate"],
          actorKeys: [],
          unknownActorDescription: "White man, 50s, tall, black puffer jacket, glasses. Not seen before.",
          witnesses: [{ name: "Tom Hollis" }],
        },
      };
    },
  },
  {
    id: "doorstep-cobden-2",
    day: 33,
    hour: 11,
    by: "volunteer",
    recordAfter: [30, 150],
    build() {
      return {
        body: {
          summary: "Man from Cobden Terrace blocked the path and wouldn't let us pass",
          description:
            "He came out of his house as we delivered on the other side of the road, stood in front of us on the pavement and said 'I told you lot not to come back here'. We crossed over and left.",
          location: PLACES.cobden,
          channel: "doorstep",
          targeted: ["volunteer"],
          actorKeys: ["doorstep-man"],
          witnesses: [{ name: "Aisha Rahman", contact: "07700 900214" }],
        },
      };
    },
  },
  {
    id: "van-outside-house",
    day: 34,
    hour: 23,
    by: "candidate",
    recordAfter: [20, 90],
    build(c) {
      return {
        body: {
          summary: "Red van parked opposite our house late at night",
          description: `David saw the red van (${VAN_REG}) parked opposite the house from about 23:00 to 23:40 with the engine running. It drove off when he opened the front door. Our doorbell camera caught the plate.`,
          location: PLACES.home,
          channel: "home",
          targeted: ["candidate", "family"],
          actorKeys: ["red-van"],
          witnesses: [{ name: "David Adeyemi" }],
          impact: "We don't feel safe at home at night.",
        },
        evidence: [c.doorbellStill(VAN_REG, 45)],
        followUps: [
          { kind: "note", text: "Sent the doorbell still to PC Whitlock for the existing investigation." },
        ],
      };
    },
  },
  {
    id: "troll-count",
    day: 36,
    hour: 21,
    by: "candidate",
    recordAfter: [5, 40],
    build(c) {
      const count = c.weekdayIn(4);
      const msg = `Counting down the days ${CANDIDATE_X}. See you at the count on ${count} at the leisure centre. Better bring security, you'll need it.`;
      const url = c.postUrl("x", "WrenfieldTruth");
      return {
        body: {
          summary: `@WrenfieldTruth: 'See you at the count on ${count}'`,
          description: "Post naming the count venue (Wrenfield Leisure Centre) and the day.",
          channel: "social-media",
          platform: "x",
          url,
          targeted: ["candidate"],
          actorKeys: ["troll"],
          actionTaken: "Told the returning officer and the election SPOC straight away.",
        },
        evidence: [c.text(msg), c.url(url), c.screenshot("X", "@WrenfieldTruth", msg)],
        followUps: [
          {
            kind: "police-reference",
            text: "Reported to the election SPOC, who added it to the count security plan.",
            policeReference: c.cad(),
            officer: "DS 4410 Mark Ellison (election SPOC)",
            contactRoute: "spoc",
          },
          {
            kind: "action",
            text: "Returning officer arranged a separate entrance for candidates at the count.",
          },
        ],
      };
    },
  },
  {
    id: "troll-email",
    day: 37,
    hour: 15,
    by: "candidate",
    recordAfter: [10, 60],
    build(c) {
      const msg = [
        `From: wrenfieldtruth@example.com`,
        `To: ${CAMPAIGN_EMAIL}`,
        `Date: ${c.mailDate}`,
        `Subject: Blocked`,
        ``,
        `You blocked me on X. Doesn't matter. I know where you live and I know what you drive. Not long now.`,
      ].join("\n");
      return {
        body: {
          summary: "E-mail from @WrenfieldTruth after I blocked the account",
          channel: "email",
          targeted: ["candidate"],
          actorKeys: ["troll"],
        },
        evidence: [c.text(msg, "email-export", 8)],
      };
    },
  },
  {
    id: "troll-at-house",
    day: 39,
    hour: 20,
    by: "candidate",
    recordAfter: [60, 180],
    build(c) {
      return {
        body: {
          summary: "Man behind @WrenfieldTruth came to our house",
          description:
            "A man I recognised from the photos @WrenfieldTruth has posted of himself (white, 40s, shaved head, grey hoodie) stood at our gate for about twenty minutes filming the house on his phone. " +
            "When David went out he said 'tell her I told her I knew where she lives' and walked off towards Millrace Lane. We called 999.",
          location: PLACES.home,
          channel: "home",
          targeted: ["candidate", "family"],
          actorKeys: ["troll"],
          witnesses: [
            { name: "David Adeyemi" },
            { name: "Joan Fielding (neighbour, no. 16)", contact: "07700 900352" },
          ],
          impact:
            "Ella is staying at her grandmother's. I am thinking about whether to carry on campaigning in person.",
          actionTaken: "Called 999. Gave the officers screenshots of every @WrenfieldTruth post.",
        },
        followUps: [
          {
            kind: "police-reference",
            text: "999 call; officers attended and took statements from David and Mrs Fielding.",
            policeReference: c.cad(),
            officer: "PC 1187 Hannah Reid",
            contactRoute: "999",
          },
          {
            kind: "action",
            text: "Gave police a list of every @WrenfieldTruth incident since the start of the campaign, with screenshots and links.",
          },
          {
            kind: "note",
            text: "Officer said the online posts and the visit will be looked at together as a course of conduct and passed to CID.",
          },
        ],
      };
    },
  },
];

// ---------------------------------------------------------------- one-off online posts

export interface OneOff {
  platform: Platform;
  author: string;
  text: string;
  targeted?: ("candidate" | "staff" | "volunteer")[];
  summary: string;
}

/** A pool of single posts by strangers: robust criticism, insults, bigotry, vague menace. */
export const ONE_OFFS: OneOff[] = [
  // Robust political criticism (not abuse).
  {
    platform: "x",
    author: "@MarshLeyMike",
    summary: "Post criticising the bus plan",
    text: `${CANDIDATE_X} your bus plan has no costings whatsoever. Fantasy economics. You won't get my vote.`,
  },
  {
    platform: "facebook",
    author: "Karen Whitby",
    summary: "Facebook comment about potholes",
    text: "Sorry but she was useless as a councillor. Potholes on every road in Marsh Ley and she did nothing. Vote her out.",
  },
  {
    platform: "bluesky",
    author: "@wrenfieldgreen",
    summary: "Bluesky post about the incinerator",
    text: "Adeyemi dodging the question on the incinerator AGAIN. Answer it or stop wasting our time.",
  },
  {
    platform: "reddit",
    author: "u/ley_lines_88",
    summary: "Reddit thread about the leaflet",
    text: "Honestly the independent is all slogans. Read her leaflet - not a single number in it. Hard pass.",
  },
  {
    platform: "threads",
    author: "@jo.marshley",
    summary: "Threads post about attendance",
    text: "Another politician promising the earth. Your record speaks for itself, Rachel: you missed half the planning meetings.",
  },
  {
    platform: "facebook",
    author: "Steve Pearson",
    summary: "Facebook comment about the GP surgery",
    text: "Shameless. Taking credit for the new GP surgery when it was funded before she was even elected. Dishonest.",
  },
  {
    platform: "linkedin",
    author: "M. Gresham",
    summary: "LinkedIn post about her council record",
    text: "Disappointed to see a former colleague standing on such a divisive platform. Her record on the council was poor and voters should look at it.",
  },
  // Insults.
  {
    platform: "x",
    author: "@TommyK_1987",
    summary: "Insulting reply on X",
    text: `What an absolute clown. Do us all a favour and drop out ${CANDIDATE_X}`,
  },
  {
    platform: "instagram",
    author: "@ley.lad.99",
    summary: "Insulting Instagram comment",
    text: "ur an embarrassment to this town lol. nobody likes u",
  },
  {
    platform: "tiktok",
    author: "@brookmere.banter",
    summary: "TikTok comment mocking Rachel",
    text: "This woman is so annoying. Shut up and go away",
  },
  {
    platform: "youtube",
    author: "WrenfieldWatcher1",
    summary: "YouTube comment under campaign video",
    text: "Cringe. Absolute muppet. Thumbs down.",
  },
  {
    platform: "x",
    author: "@NoMoreCareerists",
    summary: "Abusive reply on X",
    text: "F*** off Adeyemi. Useless, lying, two-faced. Nobody asked for you.",
  },
  // Sexist or racist abuse.
  {
    platform: "x",
    author: "@RealBritishBob",
    summary: "Sexist reply on X",
    text: "Get back in the kitchen love, politics isn't for the likes of you",
  },
  {
    platform: "facebook",
    author: "Steve Marsh",
    summary: "Racist Facebook comment",
    text: "We don't need people like her deciding things for English towns. Send her back.",
  },
  {
    platform: "instagram",
    author: "@truth.seeker.ley",
    summary: "Instagram comment: 'diversity box'",
    text: "Bet she only got picked to tick a diversity box 🤡",
  },
  {
    platform: "tiktok",
    author: "@proud_wrenfielder",
    summary: "TikTok comment: 'go back home'",
    text: "Typical. Another one who hates this country. Go back home.",
  },
  // Vague menace.
  {
    platform: "x",
    author: "@Wrenfield_Lion",
    summary: "Post: 'see what happens'",
    text: "Keep pushing your agenda and see what happens. People round here have had enough.",
  },
  {
    platform: "facebook",
    author: "Dean R.",
    summary: "Facebook comment: 'teach her a lesson'",
    text: "Someone needs to teach her a lesson she won't forget.",
  },
  // Aimed at the team.
  {
    platform: "x",
    author: "@MarshLeyMike",
    summary: "Reply mocking the agent",
    text: "@TomHollisAgent you must be embarrassed working for that clown",
    targeted: ["staff"],
  },
  {
    platform: "facebook",
    author: "Gail Thornton",
    summary: "Facebook comment about volunteers",
    text: "Saw her volunteers outside Tesco again. Bunch of students who should get real jobs.",
    targeted: ["volunteer"],
  },
  {
    platform: "nextdoor",
    author: "Ron, Marsh Ley",
    summary: "Nextdoor complaint about leaflets",
    text: "Whoever keeps putting Adeyemi leaflets through my door - I have a NO JUNK MAIL sign. Read it.",
    targeted: ["volunteer"],
  },
  {
    platform: "threads",
    author: "@harry.wrenfield",
    summary: "Threads post calling her a liar",
    text: "Liar liar. Everything she says is spin. Wouldn't trust her with my bins.",
  },
];

/** Build one one-off post incident. */
export function buildOneOff(c: SceneContext, post: OneOff): SceneOutput {
  const handle = post.author.replace(/^@|^u\//, "").replace(/[^A-Za-z0-9._-]+/g, ".");
  const url = c.postUrl(post.platform, handle);
  const evidence: DemoEvidence[] = [c.text(post.text, "message-copy", c.rng.int(2, 120))];
  if (c.rng.chance(0.6)) evidence.push(c.url(url, c.rng.int(3, 125)));
  const app = APP_NAME[post.platform];
  if (app && c.rng.chance(0.2)) evidence.push(c.screenshot(app, post.author, post.text, c.rng.int(2, 60)));
  const where: Partial<Record<Platform, string>> = {
    reddit: "Reddit user",
    facebook: "Facebook user",
    youtube: "YouTube user",
    nextdoor: "Nextdoor user",
    linkedin: "LinkedIn user",
  };
  const prefix = where[post.platform];
  return {
    body: {
      summary: post.summary,
      channel: "social-media",
      platform: post.platform,
      url,
      targeted: post.targeted ?? ["candidate"],
      actorKeys: [],
      unknownActorDescription: prefix ? `${prefix} '${post.author}'` : `Account ${post.author}`,
    },
    evidence,
  };
}

export const ONE_OFF_RECORD_DELAY: [number, number] = [15, 24 * 60];
