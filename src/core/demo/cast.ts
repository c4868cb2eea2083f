// The fictional people, places and actors of the demo campaign. Everything here is invented:
// "Wrenfield and Marsh Ley" is not a real constituency, ZZ postcodes do not exist, phone numbers
// are from Ofcom's drama range (07700 900xxx), and every e-mail or web address uses example domains.
import type { ActorBodyInput } from "../incident/model.ts";
import type { DemoMember, DemoPerson } from "./types.ts";

export const CONSTITUENCY = "Wrenfield and Marsh Ley";
export const FORCE_ID = "west-yorkshire-police";

export const CANDIDATE: DemoPerson = {
  key: "candidate",
  email: "rachel.adeyemi@example.org",
  displayName: "Rachel Adeyemi",
  password: "demo-candidate-password-2026",
};

export const AGENT: DemoMember = {
  key: "agent",
  email: "tom.hollis@example.org",
  displayName: "Tom Hollis (election agent)",
  password: "demo-agent-password-2026",
  permission: "full",
};

export const VOLUNTEER: DemoMember = {
  key: "volunteer",
  email: "megan.price@example.org",
  displayName: "Megan Price (volunteer)",
  password: "demo-volunteer-password-2026",
  permission: "log-only",
};

export const CANDIDATE_X = "@RachelForWrenfield";
export const CAMPAIGN_EMAIL = "hello@rachelforwrenfield.example.org";
export const CAMPAIGN_MOBILE = "07700 900126";

export const PLACES = {
  home: { text: "Outside our house, Larkspur Road, Wrenfield", postcode: "ZZ4 7QT" },
  office: { text: "Campaign office, Unit 3 Foundry Yard, Wrenfield", postcode: "ZZ4 2HB" },
  cobden: { text: "Cobden Terrace, Wrenfield", postcode: "ZZ4 5NE" },
  millrace: { text: "Millrace Lane, Wrenfield", postcode: "ZZ4 3LW" },
  market: { text: "Outside the Co-op, Market Street, Wrenfield", postcode: "ZZ4 1AD" },
  stAnnes: { text: "Hustings, St Anne's Church Hall, Chapel Street, Marsh Ley", postcode: "ZZ5 1AR" },
  communityCentre: { text: "Hustings, Marsh Ley Community Centre, Station Road", postcode: "ZZ5 2PG" },
  board: { text: "Campaign board, corner of Millrace Lane and Tanners Row", postcode: "ZZ4 3LU" },
} as const;

export const VAN_REG = "ZZ71 DMO";

export type ActorKey =
  | "troll"
  | "doorstep-man"
  | "letter-writer"
  | "red-van"
  | "phone-caller"
  | "email-sender"
  | "wrenfield-watch";

export const ACTORS: Array<{ key: ActorKey; body: ActorBodyInput }> = [
  {
    key: "troll",
    body: {
      label: "@WrenfieldTruth",
      description:
        "Anonymous account on X, Instagram and Facebook; profile picture of a bulldog in a flat cap. Posts mostly late at night. " +
        "The man who came to the house matched the photos the account has posted of itself: white, 40s, shaved head, grey hoodie.",
      identifiers: [
        { kind: "handle", value: "@WrenfieldTruth", platform: "x" },
        { kind: "profile-url", value: "https://x.example.com/WrenfieldTruth", platform: "x" },
        { kind: "handle", value: "@wrenfield.truth", platform: "instagram" },
        {
          kind: "profile-url",
          value: "https://instagram.example.com/wrenfield.truth",
          platform: "instagram",
        },
        {
          kind: "profile-url",
          value: "https://facebook.example.com/wrenfield.truth.teller",
          platform: "facebook",
        },
        { kind: "email", value: "wrenfieldtruth@example.com" },
      ],
    },
  },
  {
    key: "doorstep-man",
    body: {
      label: "Man from Cobden Terrace",
      description:
        "White man, about 65, heavy build, grey flat cap and wax jacket, often with a brown Staffordshire terrier. " +
        "Lives on Cobden Terrace (number 41, we think). Neighbours call him Gary.",
      identifiers: [
        { kind: "name", value: "Gary (surname not known)" },
        { kind: "other", value: "Seen going into 41 Cobden Terrace, ZZ4 5NE" },
      ],
    },
  },
  {
    key: "letter-writer",
    body: {
      label: "'A Concerned Resident' (letter writer)",
      description:
        "Handwritten letters in blue biro, all capitals, second-class stamps, Wrenfield postmark, no return address.",
      identifiers: [{ kind: "other", value: "Signs off 'A Concerned Resident of Wrenfield'" }],
    },
  },
  {
    key: "red-van",
    body: {
      label: "Driver of the red van",
      description:
        "Man in his 30s, dark beard, hi-vis vest. Red panel van with a ladder rack and a dent in the passenger door.",
      identifiers: [
        { kind: "vehicle", value: VAN_REG },
        { kind: "other", value: "Red panel van, ladder rack, dented passenger door" },
      ],
    },
  },
  {
    key: "phone-caller",
    body: {
      label: "Caller from 07700 900481",
      description:
        "Male voice, local accent. Calls and texts the campaign mobile late at night; later used a second number.",
      identifiers: [
        { kind: "phone", value: "07700 900481" },
        { kind: "phone", value: "07700 900917" },
      ],
    },
  },
  {
    key: "email-sender",
    body: {
      label: "patriot.voice1966@example.com",
      description: "Sends racist e-mails to the campaign inbox and shares posts about Rachel on Facebook.",
      identifiers: [
        { kind: "email", value: "patriot.voice1966@example.com" },
        { kind: "handle", value: "PatriotVoice66", platform: "facebook" },
        { kind: "profile-url", value: "https://facebook.example.com/PatriotVoice66", platform: "facebook" },
      ],
    },
  },
  {
    key: "wrenfield-watch",
    body: {
      label: "Wrenfield Watch (local politics blog)",
      description: "Local politics blog run by a former councillor. Strongly critical of the campaign.",
      identifiers: [
        { kind: "name", value: "Wrenfield Watch" },
        { kind: "profile-url", value: "https://wrenfieldwatch.example.org" },
      ],
    },
  },
];
