// Calm, indirect menace ("I've got something for you at the count", "enjoy your last campaign"), typos in the
// key word ("gonig to kiiill", "pnch"), fixation told as calm observation, weapons access told sideways, and
// the must-not-flag cases that sit closest to each.
import { describe, it } from "node:test";
import { assertLevel, check, run, type Case } from "./support.ts";

describe("call-999: calm menace with a time or place", () => {
  const cases: Case[] = [
    { text: "I've got something for you at the count.", category: "imminent", cover: "something for you" },
    {
      text: "There'll be a little surprise waiting for you at the hustings.",
      category: "imminent",
      cover: "surprise waiting for you",
    },
    { text: "Tomorrow night, outside the town hall. Enjoy your last campaign.", category: "imminent" },
    { text: "Your surgery on Saturday will be your last.", category: "imminent", cover: "your last" },
    { text: "Turn up at the count and you're getting it.", category: "imminent", cover: "getting it" },
    { text: "We'll be paying you a little visit tonight.", category: "imminent", cover: "little visit" },
    { text: "We're coming to your house tonight.", category: "imminent", cover: "coming to your house" },
    { text: "Don't bother locking your door tonight.", category: "imminent", cover: "locking your door" },
    { text: "Petrol through your letterbox tonight.", category: "imminent", cover: "letterbox" },
    { text: "I'd stay home on Thursday if I were you.", category: "imminent", cover: "if I were you" },
    {
      text: "Show your face at the hustings on Thursday and you won't be going home.",
      category: "imminent",
      cover: "going home",
    },
    { text: "You won't leave the count in one piece.", category: "imminent", cover: "one piece" },
    {
      text: "Wednesday night. Armley. You and your leaflet lot are getting done in.",
      category: "imminent",
      cover: "getting done in",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("call-999: typos in the key word of a threat with a time or place", () => {
  const cases: Case[] = [
    { text: "I'm gonig to kiiill you tonight.", category: "imminent", cover: "kiiill" },
    { text: "Ill kill you at the count.", category: "imminent", cover: "kill you" },
    { text: "gonna pnch you at the hustings", category: "imminent", cover: "pnch" },
    { text: "I'll stabb you outside your office.", category: "imminent", cover: "stabb" },
    { text: "Your agent is gettting hurt on Friday.", category: "imminent", cover: "hurt" },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("call-999: fixation told as calm observation, and weapons access told sideways", () => {
  const cases: Case[] = [
    {
      text: "You left your office at 6.15 yesterday and 6.40 on Tuesday.",
      category: "fixation",
      cover: "left your office",
    },
    {
      text: "I've been keeping notes on your movements.",
      category: "fixation",
      cover: "notes on your movements",
    },
    { text: "Every night I drive past your house.", category: "fixation", cover: "drive past your house" },
    {
      text: "I know you're on your own on Tuesday nights.",
      category: "fixation",
      cover: "on your own",
    },
    { text: "I know people who can get me a shooter.", category: "weapon", cover: "shooter" },
    { text: "I could hit you from 500 yards.", category: "weapon", cover: "500 yards" },
    {
      text: "Three tours of Afghanistan. I know how to deal with people like you.",
      category: "weapon",
      cover: "tours of Afghanistan",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

// Known gaps: red flags whose words are also what a friendly constituent writes ("your daughter looked so proud at
// the school gates when you handed out the prizes", "counting down the days until I see you at the ward meeting").
// The phrase rules for them put those benign messages at call-999, so they were taken out; a model is needed.
describe("known gap: fixation in words a friend also uses", () => {
  for (const text of [
    "Your daughter looked happy at the school gates today.",
    "Counting down the days until I see you at the count.",
  ])
    it(text, { todo: "phrase rules cannot tell it from a friendly message" }, () =>
      assertLevel(run(text), "call-999"),
    );
});

describe("keep-record: the near misses of calm menace, fixation and typos", () => {
  const texts = [
    "You'll be out on your ear in May.",
    "We'll wipe the floor with you at the election.",
    "She smashed that debate last night.",
    "This traffic is murder tonight.",
    "I've got something for you at the count: a thank-you card from the ward.",
    "Got a little something for you at the surgery on Saturday, a jar of my jam!",
    "It would be a shame if something happened to the bus service.",
    "Enjoy your last campaign before retirement, you've earned it.",
    "Polling day will be your last day as our councillor, thank goodness.",
    "We're coming to your surgery on Saturday to talk about the bins.",
    "We'll be paying you a visit at the surgery on Saturday about the potholes.",
    "Expect a visit from the canvassing team this weekend.",
    "We'll be waiting in the car park after the count to congratulate you.",
    "Don't bother locking your door, nobody round here would steal anything.",
    "Your office won't be open on Monday, it's a bank holiday.",
    "I'd stay home on Thursday if I were you, the weather looks awful.",
    "Don't say you weren't warned about the roadworks outside the library.",
    "Your house will go up in value once the tram arrives.",
    "Tick tock, only three days to register to vote!",
    "Counting down the days until we see you elected!",
    "I was sat behind you at the hustings, great speech about the library.",
    "I see you at the surgery every Saturday, thanks for all your work.",
    "Your daughter looked so proud at the hustings when you spoke.",
    "You looked great at the count last night.",
    "I noticed you changed your policy on the green belt.",
    "I've kept every leaflet you've ever sent and not one promise kept.",
    "Nice to see the kids playing in the park again now it's reopened.",
    "You left your office at 6 yesterday and never answered my email about the bins.",
    "I know how to deal with people like you: vote you out.",
  ];
  for (const text of texts) it(text, () => assertLevel(run(text), "keep-record"));
});
