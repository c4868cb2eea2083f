// Generates data/uk-candidates/messages.jsonl: the project's own labelled set of messages of the kind
// UK election candidates receive, built from hand-written templates × UK slot fillers.
//
//   node --import tsx data/uk-candidates/generate.ts
//
// Deterministic: the demo's seeded PRNG (mulberry32, src/core/demo/prng.ts), no clock, no
// Math.random. Running it twice gives byte-identical output. See README.md in this folder.
//
// Template syntax:
//   {name}    a named slot from SLOTS (filled values are protected from typo noise)
//   {a|b|c}   inline alternatives (also protected from typo noise); "{a|}" means "a" or nothing
//   [word]    a keyword that the obfuscation step may disguise ("k1ll", "k i l l", "f*cking", Cyrillic)
//
// Labels are written per template by a person; no analyser rule is consulted.

import { hash32, mulberry32 } from "../../src/core/demo/prng.ts";
import { writeFileSync } from "node:fs";
import type { Category, Characteristic, Level } from "../../src/core/analysis/types.ts";

const SEED = 20240502;
const OUT = new URL("./messages.jsonl", import.meta.url);

// ---------------------------------------------------------------------------------------------------------
// PRNG

type Rng = () => number;

const rngFor = (name: string): Rng => mulberry32(hash32(`${SEED}:${name}`));

function pick<T>(r: Rng, xs: readonly T[]): T {
  if (xs.length === 0) throw new Error("pick from empty list");
  return xs[Math.floor(r() * xs.length)] as T;
}

function shuffle<T>(r: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Kinds, levels, categories

const KIND_LEVEL = {
  "imminent-threat": "call-999",
  fixation: "call-999",
  weapon: "call-999",
  "private-info": "call-999",
  "possible-private-info": "report-to-police",
  threat: "report-to-police",
  "violence-wish": "report-to-police",
  "sexual-threat": "report-to-police",
  discriminatory: "report-to-police",
  "self-harm": "report-to-police",
  abuse: "report-to-platform",
  "benign-criticism": "keep-record",
  "benign-idiom": "keep-record",
  "benign-quote-condemn": "keep-record",
  "benign-negated": "keep-record",
  "benign-group-mention": "keep-record",
  "benign-news": "keep-record",
  "benign-question": "keep-record",
  "benign-public-detail": "keep-record",
  "benign-other": "keep-record",
} as const satisfies Record<string, Level>;
type Kind = keyof typeof KIND_LEVEL;

/** How many records of each kind to generate. */
const TARGET: Record<Kind, number> = {
  "imminent-threat": 62,
  fixation: 54,
  weapon: 54,
  "private-info": 68,
  "possible-private-info": 26,
  threat: 38,
  "violence-wish": 36,
  "sexual-threat": 24,
  discriminatory: 48,
  "self-harm": 26,
  abuse: 54,
  "benign-criticism": 124,
  "benign-idiom": 62,
  "benign-quote-condemn": 48,
  "benign-negated": 44,
  "benign-group-mention": 50,
  "benign-news": 44,
  "benign-question": 52,
  "benign-public-detail": 46,
  "benign-other": 56,
};

/** Category order used in the output (same order as CATEGORIES in src/core/analysis/types.ts). */
const CATEGORY_ORDER = [
  "threat",
  "imminent",
  "weapon",
  "plan",
  "fixation",
  "private-info",
  "violence-wish",
  "sexual",
  "discriminatory",
  "self-harm",
  "abuse",
] as const satisfies readonly Category[];
type Cat = (typeof CATEGORY_ORDER)[number];

/** No template gives more than this many records, so no sentence structure dominates a kind. */
const MAX_PER_TEMPLATE = 4;

/** Slots whose values are insults: a harmful record that uses one also carries "abuse". */
const ABUSE_SLOTS = new Set(["ins", "insp", "adj"]);

// ---------------------------------------------------------------------------------------------------------
// Slot fillers (UK places, times, campaign events, slang). Private details come from profile.json.

const SLOTS: Record<string, readonly string[]> = {
  name: ["Claire", "Claire Ashworth", "Ms Ashworth", "Cllr Ashworth", "@ClaireForLeedsNW"],
  full: ["Claire Ashworth", "Cllr Claire Ashworth", "the Ashworth woman"],
  when: [
    "tonight",
    "tomorrow night",
    "on Saturday",
    "this Friday",
    "tomorrow morning",
    "on Thursday night",
    "this weekend",
    "on polling day",
    "at 7 tonight",
    "first thing Monday",
    "Sunday afternoon",
  ],
  whenf: ["tonight", "tomorrow", "on Thursday", "on Saturday", "this weekend", "tomorrow night"],
  whenp: ["last night", "on Thursday", "on Saturday", "yesterday", "this week", "on Tuesday"],
  schoolwhen: [
    "tomorrow",
    "on Monday",
    "at home time tomorrow",
    "at 3.15 on Friday",
    "after school tomorrow",
  ],
  day: ["Saturday", "Friday", "Monday", "Sunday", "Thursday", "Wednesday"],
  now: ["right now", "as we speak", "this minute", "now"],
  mins: ["Ten", "Twenty", "Five", "Thirty", "Fifteen"],
  venue: [
    "at the count",
    "at the hustings",
    "at your surgery",
    "outside the town hall",
    "at the polling station on Otley Road",
    "at your street stall",
    "at the Civic Hall",
    "at St Mark's church hall",
    "outside your office",
    "on the leaflet drop in Meanwood",
    "at the count at the arena",
    "at Kirkgate Market",
    "at your surgery at Headingley Library",
  ],
  venue2: [
    "at the hustings",
    "at the community centre",
    "in the council chamber gallery",
    "at the church hall meeting",
    "at the residents' meeting",
    "on the street stall",
  ],
  placepub: ["the town hall doors", "your office", "the Civic Hall", "the count", "your street stall"],
  polling: [
    "the polling station at St Mark's church hall",
    "the polling station on Otley Road",
    "the Methodist hall polling station",
    "the polling station at the scout hut",
  ],
  event: [
    "the count",
    "the hustings",
    "your surgery",
    "the leaflet drop",
    "the canvassing session",
    "your street stall",
    "the town hall meeting",
  ],
  eventq: ["the hustings", "the street stall", "the leaflet drop", "the residents' meeting", "the count"],
  hvenue: [
    "St Mark's church hall",
    "the Civic Hall",
    "Headingley Community Centre",
    "the Methodist hall",
    "the university",
    "the Carnegie pavilion",
  ],
  area: [
    "Headingley",
    "Kirkstall",
    "Meanwood",
    "Hyde Park",
    "Burley",
    "Armley",
    "Bramley",
    "Horsforth",
    "Chapel Allerton",
    "Roundhay",
    "Moortown",
    "Otley",
    "Pudsey",
    "Seacroft",
    "Beeston",
    "Woodhouse",
  ],
  area2: ["Adel", "Cookridge", "West Park", "Weetwood", "Far Headingley", "Little London", "Bramhope"],
  area3: ["Guiseley", "Yeadon", "Rawdon", "Calverley", "Farsley", "Rodley"],
  town: [
    "Bradford",
    "Wakefield",
    "Harrogate",
    "Huddersfield",
    "Halifax",
    "York",
    "Sheffield",
    "Doncaster",
    "Barnsley",
    "Hull",
    "Bolton",
    "Stoke",
    "Swindon",
    "Norwich",
    "Cardiff",
    "Paisley",
    "Lisburn",
    "Basildon",
    "Maidstone",
    "Truro",
  ],
  road: [
    "Otley Road",
    "Kirkstall Road",
    "the ring road",
    "Headingley Lane",
    "the A65",
    "Roundhay Road",
    "Stanningley Road",
    "Meanwood Road",
    "the A660",
    "Woodhouse Lane",
  ],
  issue: [
    "the bin collections",
    "the library closures",
    "the bus cuts",
    "the clean air zone",
    "parking charges",
    "the council tax rise",
    "the green belt housing plan",
    "school places",
    "the bypass",
    "potholes",
    "social care",
    "the youth club closures",
    "hospital car park charges",
    "flooding by the canal",
    "HMO licensing",
    "student housing",
    "the swimming baths",
    "A&E waiting times",
  ],
  issue2: [
    "the 20mph zones",
    "the recycling centre",
    "the rent rises",
    "the school crossing patrols",
    "the park toilets",
    "the tram that never came",
  ],
  cutsissue: [
    "the hospital cuts",
    "the mental health service closures",
    "the A&E downgrade",
    "the care home closures",
    "the hospice funding cut",
  ],
  policy: [
    "parking plan",
    "council tax hike",
    "bin tax",
    "green belt plan",
    "congestion charge",
    "bus lane scheme",
    "garden waste charge",
    "library closure plan",
    "parking permit scheme",
    "low traffic neighbourhood",
  ],
  facility: [
    "the library",
    "the swimming baths",
    "the youth club",
    "the Sure Start centre",
    "the walk-in centre",
    "the day centre",
    "the community centre",
    "the leisure centre",
    "the post office",
    "the fire station",
  ],
  problem: [
    "the roads are still a disgrace",
    "nothing has got better",
    "the bins still don't get collected",
    "rents have doubled",
    "the high street is half boarded up",
  ],
  expense: [
    "a £400 hotel",
    "first-class train tickets",
    "a new iPad",
    "taxis to the town hall",
    "a £90 dinner",
    "a second home",
  ],
  money: ["£200k", "£1.2 million", "£450,000", "£80k", "£3 million"],
  month: ["January", "February", "March", "last summer", "the autumn", "Christmas"],
  year: ["2012", "2015", "2017", "2019"],
  n: ["3", "5", "6", "9", "12", "14", "21", "30", "40"],
  n2: ["10", "20", "50", "100"],
  hours: ["three", "four", "five", "six"],
  ordinal: ["fourth", "fifth", "sixth", "ninth", "twelfth"],
  clock: ["7.15", "7:40", "half eight", "quarter to six", "ten past nine", "6pm", "8.05"],
  clothing: ["red coat", "blue scarf", "new glasses", "green jacket", "rosette", "grey suit"],
  age: ["19", "23", "34", "41", "52", "67"],
  // Insults (British, aimed at a person). Used only in harmful templates.
  ins: [
    "muppet",
    "clown",
    "parasite",
    "snake",
    "weasel",
    "gobshite",
    "pillock",
    "tosser",
    "bellend",
    "melt",
    "numpty",
    "plank",
    "wazzock",
    "prat",
    "knobhead",
    "waste of space",
    "donkey",
    "wally",
  ],
  insp: [
    "muppets",
    "clowns",
    "parasites",
    "snakes",
    "pillocks",
    "tossers",
    "numpties",
    "wazzocks",
    "prats",
    "melts",
  ],
  adj: [
    "useless",
    "thick",
    "lying",
    "spineless",
    "two-faced",
    "gormless",
    "pathetic",
    "smug",
    "gutless",
    "brainless",
    "clueless",
    "snivelling",
    "jumped-up",
    "shameless",
  ],
  weapon: [
    "a [shotgun]",
    "a [machete]",
    "a [crossbow]",
    "a [knife]",
    "a claw [hammer]",
    "a baseball [bat]",
    "an [axe]",
    "a [blade]",
    "an air [rifle]",
    "a [crowbar]",
  ],
  weapon2: [
    "The crossbow",
    "New hunting knife",
    "The machete",
    "The air rifle",
    "The new scope for the rifle",
  ],
  warzone: ["Helmand", "Iraq", "Afghanistan", "Basra"],
  distance: ["800", "500", "a thousand", "600"],
  martial: ["krav maga", "MMA", "kickboxing", "boxing"],
  bridge: ["the flyover", "a multi-storey", "the railway bridge", "the top of the car park"],
  origin: [
    "Pakistan",
    "Africa",
    "India",
    "Jamaica",
    "Poland",
    "Bangladesh",
    "wherever you came from",
    "Somalia",
  ],
  origin2: ["Africa", "Jamaica", "Nigeria", "wherever you came from"],
  // Private details from profile.json, in the spellings and formats people really use.
  home: [
    "27 Orchard Close, Headingley, Leeds LS6 2QT",
    "27 Orchard Close, LS6 2QT",
    "27 orchard close ls6 2qt",
    "27 Orchard Cl., Headingley",
    "27 Orchard Close, Headingley",
    "27 orchard cl",
    "27 Orchard Close",
    "No. 27 Orchard Close",
  ],
  homeshort: [
    "27 Orchard Close",
    "27 orchard close",
    "27 Orchard Cl.",
    "27 Orchard Cl",
    "number 27 Orchard Close",
  ],
  street: ["Orchard Close", "orchard close", "Orchard Cl"],
  postcode: ["LS6 2QT", "ls6 2qt", "LS62QT", "ls62qt"],
  phone: [
    "07911 123456",
    "07911123456",
    "+44 7911 123456",
    "+447911123456",
    "07911 123 456",
    "07911-123456",
    "0791 112 3456",
    "(07911) 123456",
  ],
  reg: ["YK21 XRT", "YK21XRT", "yk21 xrt", "yk21xrt"],
  pemail: ["claire.ashworth79@example.net", "Claire.Ashworth79@example.net"],
  kidschool: [
    "Amelia at Headingley High School",
    "Amelia at Headingley High",
    "Josh at St Chad's Primary",
    "Josh at St Chad's",
    "little Josh at St Chads",
    "your Amelia at Headingley High",
  ],
  kidgoes: [
    "Amelia goes to Headingley High School",
    "Josh goes to St Chad's Primary",
    "your Josh is at St Chad's",
    "Amelia's at Headingley High",
    "Josh is in year 3 at St Chad's Primary",
    "Amelia gets the bus to Headingley High",
  ],
  kidenjoy: [
    "Josh enjoys St Chad's Primary",
    "Amelia enjoys Headingley High",
    "your Josh is enjoying St Chad's",
    "Amelia likes Headingley High School",
  ],
  kidyear: [
    "Amelia's in year 9 at Headingley High now",
    "Josh is in year 3 at St Chad's Primary now",
    "Josh started at St Chad's in September",
    "Amelia's doing her mocks at Headingley High School this term",
  ],
  tomwork: [
    "Your Tom works on ward 14 at the LGI",
    "Tom's on ward 14 at Leeds General Infirmary",
    "Your husband works at Leeds General Infirmary, ward 14",
    "Your fella Tom does nights on ward 14 at Leeds General",
    "Tom, ward 14, LGI",
  ],
  workplace: ["Ward 14 at the LGI", "Leeds General Infirmary, ward 14", "Ward 14 at Leeds General"],
  tomgym: [
    "Tom trains at Ironworks Gym on Kirkstall Road",
    "Your husband's at Ironworks Gym",
    "Tom's down Ironworks Gym on Kirkstall Rd",
  ],
  platform: ["Telegram", "the Facebook group", "every local group chat", "the forum"],
  // Public details from profile.json: must never flag.
  officeaddr: [
    "12 Market Street, Leeds LS1 6DT",
    "12 Market Street",
    "12 Market St",
    "12 Market Street LS1 6DT",
    "12 market st, leeds",
  ],
  officephone: ["0113 496 0000", "01134960000", "0113 4960000", "+44 113 496 0000", "(0113) 496 0000"],
  pubemail: ["office@claireashworth.example.org", "Office@ClaireAshworth.example.org"],
  surgery: [
    "Saturday surgery at Headingley Library 10am-12pm",
    "surgery at Headingley Library on Saturday",
    "Saturday surgery (Headingley Library, 10am-12pm)",
    "surgery at Headingley Library, 10am till 12",
  ],
  // Fictional addresses and phone numbers NOT in profile.json (phones from Ofcom's 07700 900xxx drama range).
  oaddr: [
    "14 Larkspur Way, LS8 1AB",
    "3 Wrenbeck Drive, Roundhay LS8 2EX",
    "flat 6, 22 Tannery Fold, LS3 1BX",
    "41 Pennycress Close, Horsforth LS18 4AE",
    "9 Gillyflower Row, LS16 7PB",
    "88 Nettlebed Lane, LS4 2RN",
    "5 Quarry Rise, Meanwood",
    "2 Cobbler's Fold, Pudsey LS28 9AS",
  ],
  ophone: ["07700 900418", "07700900731", "+44 7700 900254", "07700 900 862", "07700 900127", "07700 900593"],
  ownaddr: [
    "4 Thistle Garth, LS13",
    "19 Marram Way, Bramley LS13 3QP",
    "flat 2, 7 Fennel Court",
    "33 Hawkbit Close, LS12 5TA",
    "11 Sorrel Row, Armley",
  ],
  // Benign fillers.
  identity: [
    "gay man",
    "lesbian",
    "trans woman",
    "Muslim mum",
    "Sikh business owner",
    "wheelchair user",
    "Black woman",
    "Polish dad",
    "Jewish pensioner",
    "deaf voter",
    "young autistic voter",
    "Hindu grandmother",
    "bi woman",
    "Catholic",
  ],
  identity2: [
    "a wheelchair user",
    "a blind man",
    "a mum with a double buggy",
    "an amputee",
    "someone with MS",
  ],
  community: [
    "Sikh",
    "Polish",
    "Somali",
    "Kashmiri",
    "Irish",
    "Chinese",
    "Jewish",
    "Ukrainian",
    "Caribbean",
    "student",
  ],
  celebration: [
    "Diwali",
    "Vaisakhi",
    "Eid",
    "Chinese New Year",
    "Hanukkah",
    "Black History Month",
    "Windrush Day",
    "St Patrick's Day",
  ],
  group: ["Muslims", "immigrants", "students", "Londoners", "the Polish lads on my street", "Travellers"],
  quote: [
    "go and [kill] yourself",
    "watch your back",
    "you should [hang]",
    "I hope someone [stabs] you",
    "we know where you live",
    "go back where you came from",
    "someone should [shoot] you",
    "traitor who should [hang]",
  ],
  graffiti: ["TRAITOR", "SCUM", "HANG THE TRAITORS", "GO HOME", "LIAR"],
  quoteinsult: ["traitor who should [hang]", "lying parasite", "useless [bitch]", "brainless muppet"],
};

// ---------------------------------------------------------------------------------------------------------
// Templates. One line each; labels decided by a person reading the sentence, following the guidance.

interface TemplateDef {
  kind: Kind;
  text: string;
  cats: Cat[];
  ch?: Characteristic;
}

const TEMPLATES: TemplateDef[] = [];

function kind(k: Kind, base: Cat[]) {
  return (text: string, extra: Cat[] = [], ch?: Characteristic): void => {
    const def: TemplateDef = { kind: k, text, cats: [...base, ...extra] };
    if (ch) def.ch = ch;
    TEMPLATES.push(def);
  };
}

// --- call-999: threat of imminent violence (a time or place) ---------------------------------------------
const imm = kind("imminent-threat", ["threat", "imminent"]);
imm("See you {venue} {when}. You won't be walking out of there.");
imm("I'll be waiting for you {venue} {when}. Bring a first aid kit, you'll need one.");
imm("{when} {venue}. You and me. That's when you get what's coming, you {adj} {ins}.");
imm("we're coming round your house {when} to sort you out {properly|once and for all|for good}");
imm(
  "Enjoy your surgery on {Saturday|Saturday morning|the weekend}. It'll be the last one you ever do, I'll {make sure of it|see to it} personally.",
);
imm("Going to [batter] you {venue} {when} in front of everyone.");
imm(
  "Don't bother going home after the count{| on Thursday}. {We'll|The lads will|I'll} be waiting outside for you.",
);
imm("Outside your office {when}. Come out and face us or we're coming in to get you.");
imm("Tell your agent not to turn up {venue} {when}, or he's getting [hurt] as well.");
imm("Any of your volunteers on the leaflet drop in {area} {when} is getting a [kicking]. Pass it on.");
imm("I'll be right at the front of the hustings {when}. The minute you stand up I'm going to [end] you.");
imm("Polling day, {polling}. I'll be there waiting and you'll leave on a [stretcher].");
imm("gonna put your windows through and drag you out {when}");
imm("{when} you're getting a visit. Not a nice one. Lock your doors if you think it'll help.");
imm("Mark my words, {when} {venue} you'll be [dead].");
imm("Canvassing in {area} {whenf}? Knock on my door and I'll [stab] you on the step.");
imm("Your kids had better not be at the school gates {schoolwhen}. That's all I'm saying.");
imm("I'm parked outside your office {now}. Come out, I'm [waiting].");
imm("{mins} minutes till I'm at {placepub}. Run while you can.");
imm(
  "At the count I'm going to walk straight up and [punch] you {in front of the cameras|in the face|so hard you won't get up}.",
);
imm("{whenf} after {event} I'll follow you to your car and finish this.");
imm("me and the lads will be {venue} {when} and we're not there to vote. you've been warned");
imm("Your {wife|husband|agent} won't make it home from {event} {whenf}. Neither will you.");

// --- call-999: fixated ideas, plans, following, knowing someone's routine ----------------------------------
const fix = kind("fixation", []);
fix(
  "I've been following you since {month}. {area}, {area2}, the Co-op on {road}. You never noticed me once.",
  ["fixation"],
);
fix("I know your routine. Out the door at {clock}, coffee on {road}, office by nine. Every single day.", [
  "fixation",
]);
fix("Counting down the days. {n} to go and then I finally deal with you.", ["threat", "plan", "fixation"]);
fix(
  "I've planned it {all out|down to the minute|properly this time}. {You won't see it coming|Nobody will stop it|You'll find out soon enough}.",
  ["threat", "plan"],
);
fix(
  "Every night this week I've watched you leave your office. {clock} on the dot. Creature of habit, aren't you.",
  ["fixation"],
);
fix("I've got a notebook with everywhere you've been since {month}. {n} pages so far.", ["fixation"]);
fix("You looked tired {venue2} yesterday. Nice {clothing}. I was {n} rows behind you the whole time.", [
  "fixation",
]);
fix("It's all arranged. The date is picked. {You'll know when it happens|You'll find out on the day}.", [
  "threat",
  "plan",
]);
fix(
  "I sat across from your surgery for {hours} hours last Saturday watching who went in and out. Next time I won't just watch.",
  ["threat", "fixation"],
);
fix(
  "I've messaged you {n} times and I'll message you {n2} more until you answer me. I am not going anywhere.",
  ["fixation"],
);
fix("This is my {ordinal} account since you blocked me. You can't get rid of me. I will always find you.", [
  "fixation",
]);
fix("Drove past your office {n} times today. I'll keep doing it until you agree to meet me.", ["fixation"]);
fix(
  "I know which car your agent drives, where he parks and what time he leaves. I know everything about {your team|your family|you}.",
  ["fixation"],
);
fix(
  "The plan's simple. Wait for the count to finish, wait for you to use the {side door|back exit|car park}, and then it's done.",
  ["threat", "imminent", "plan"],
);
fix("You're my mission now. I've packed in my job so I can focus on you {full time|24/7|and nothing else}.", [
  "fixation",
]);
fix("Your wife walks the dog along the canal at {clock} every morning. I've seen her {n} times now.", [
  "fixation",
]);
fix(
  "I've been to every hustings you've done. {area}, {area2}, {area3}. At the next one I'm doing something about you.",
  ["threat", "plan", "fixation"],
);
fix("{n} days left. I've marked it on the calendar in red. You'll find out what it's for.", [
  "threat",
  "plan",
]);
fix(
  "I waited by your car after the hustings {last week|on Tuesday|the other night}. You walked right past me. Next time I'll say hello properly.",
  ["threat", "fixation"],
);
fix(
  "Been reading everything you've posted going back to {year}. I know you better than your husband does. We're meant to meet.",
  ["fixation"],
);
fix(
  "i know what time your kids finish school and which way they walk home{. i've timed it|. same route every day|, i've walked it myself}",
  ["fixation"],
);
fix("You changed your hair since the hustings. It suits you. I notice everything about you{.|, {name}.}", [
  "fixation",
]);
fix(
  "{Three weeks|Every day this month|Ten days running} I've parked opposite your office. Nobody's said a word.",
  ["fixation"],
);
fix("I know where you are every minute of the day. Your phone isn't as private as you think{.|, {name}.}", [
  "fixation",
]);

// --- call-999: access to weapons or weapons skills -----------------------------------------------------
const wpn = kind("weapon", ["threat", "weapon"]);
wpn(
  "I've got a [shotgun] licence and a lot of spare time{. Think on.|, {name}.| and I know where your office is.}",
);
wpn("My [blade]'s sharpened and ready for you, you {adj} {ins}.");
wpn("I know how to make a petrol [bomb] and your {office|house|campaign HQ} has a letterbox.");
wpn("Did two tours in {warzone}. I know exactly how to use a [rifle] and I know how to find you.");
wpn("Got {weapon} in the boot for when I next see you.");
wpn("There's {weapon} under my bed with your name scratched on it.");
wpn("Been practising at the range every weekend. Getting very accurate. Thought you should know, {name}.");
wpn("{weapon2} arrived today 👍 postie had no idea what it's for. I do.");
wpn("Ever seen what a [machete] does to a {face|hand|person}? You will{.|, {name}.}");
wpn(
  "Me and the lads have got baseball [bats] and we know {where your office is|which pub your agent drinks in|where your volunteers meet}.",
);
wpn(
  "I've got an air [rifle] and a clear view of {the town hall steps|your office door|the Civic Hall entrance}.",
  ["imminent"],
);
wpn(
  "Acid is cheap and you've got a pretty face{.|, {name}.} {Think about it|Keep that in mind|Shame to waste it}.",
);
wpn("The [knife] is in my coat pocket every time I walk past {your office|your surgery|your street stall}.", [
  "fixation",
]);
wpn(
  "I still keep my old service [pistol]{. Don't make me use it on you.|, cleaned and oiled. Just so you know.|. You're the first name on my list.}",
);
wpn(
  "I was a [sniper] in the army. {distance} metres is nothing. Remember that next time you're on your soapbox.",
);
wpn(
  "Bought a new hunting [knife] today and thought about {you|your agent|you and your family} the whole time 🔪",
);
wpn(
  "It only takes a can of petrol and a lighter. Your {constituency office|campaign office|house} would go up in minutes.",
);
wpn(
  "I box, I've got knuckle [dusters], and next time you {knock on my door|come canvassing on my street|send your volunteers round} you'll meet both.",
);
wpn(
  "My grandad's old [revolver] still works. I checked. {Guess who it's for|Bet you can guess who it's for|It's got your name on it}.",
);
wpn(
  "Ex-army. I know how to build things that go bang{. Your office would be easy.|, {name}.| and your campaign HQ is very flammable.}",
);
wpn("Got my firearms certificate renewed this week. Perfect timing with you on the ballot{, {name}|}.");
wpn("I've trained in {martial} for {n} years. One hit and you're done. Keep that in mind, {name}.");
wpn(
  "I keep {weapon} by the front door for people like you, {name}. Come canvassing on my street and find out.",
);

// --- call-999: release of the candidate's private details (profile.json) -----------------------------------
const prv = kind("private-info", ["private-info"]);
prv("{home}. Nice house. Be a real shame if anything happened to it.", ["threat"]);
prv("We know you live at {home}.");
prv("For anyone who wants a word with her: {full} lives at {homeshort}, {postcode}.");
prv("That's your personal number isn't it, {phone}. Expect a lot of calls.", ["threat"]);
prv("Everyone ring her on {phone} and tell her exactly what you think of her");
prv("Saw your car, {reg}, outside the Co-op. Tyres looked a bit soft 😉", ["threat"]);
prv("{reg} is yours isn't it. I wouldn't leave it on the street overnight if I were you.", ["threat"]);
prv("How's {kidschool}? Be a shame if anything happened at home time.", ["threat"]);
prv("I know {kidgoes}. I've seen the uniform.", ["fixation"]);
prv("{tomwork}. Long shifts. Dark car park.", ["threat"]);
prv("Tell Tom we said hello. {workplace} isn't hard to find.", ["threat"]);
prv(
  "Found your private email, {pemail}. {Let's see how you like being signed up to every mailing list going|Check your inbox, love|Everyone in the group has it now}.",
);
prv("Postcode {postcode}. Street View's very good these days, isn't it.");
prv("The front window at {homeshort} looks very breakable.", ["threat"]);
prv(
  "Orchard Close in Headingley, number 27, the one with the blue door. {Lads|Boys|Everyone}, you know what to do.",
  ["threat"],
);
prv("I'll be outside {homeshort} {when}.", ["threat", "imminent"]);
prv("{tomgym} Tuesdays and Thursdays, yeah? Creature of habit, your fella 💪", ["fixation"]);
prv("Text me back on {phone} or I'll keep ringing. I know that's your own phone, not the office one.", [
  "fixation",
]);
prv("LEAKED: {full}'s home address is {homeshort}, {postcode}. Share widely.");
prv("Protest outside {homeshort} on Sunday. Bring placards, bring noise, bring your mates.");
prv("Hope {kidenjoy} while it lasts.", ["threat"]);
prv("Your mobile's {phone} and your personal email is {pemail}. Nothing's private, love.");
prv("Whose silver Golf is {reg}? Oh that's right, yours. Parked on {street} every night.", ["fixation"]);
prv("{kidyear} isn't it. Time flies when you're watching.", ["fixation"]);
prv("ring {phone} and ask for the {adj} {ins} herself 😂");
prv("Went for a walk down {street} in Headingley last night. Lights were on at number 27.", ["fixation"]);
prv("Your address is all over {platform} now: {homeshort}, {postcode}. Good luck.");
prv("{reg} clocked on the school run again this morning. Same time every day.", ["fixation"]);

// --- report-to-police: home-address-like or phone-like details NOT in the profile -------------------------
const ppi = kind("possible-private-info", ["private-info"]);
ppi("We know you live at {oaddr}.");
ppi("{oaddr}. That's your place, isn't it? Nice little semi.");
ppi("Your mobile is {ophone}, isn't it. Pick up next time.");
ppi("Everyone, her personal number is {ophone}. Let her know how you feel.");
ppi("Found where you live: {oaddr}. Didn't take long.");
ppi("I've got your personal mobile now, {ophone}, so don't bother hiding behind the office.");
ppi("Your wife's number is {ophone}. Maybe I'll have a chat with her instead.");
ppi("Her house is {oaddr}. Do with that what you will.");
ppi("Your mum lives at {oaddr} doesn't she. Lovely area.");
ppi("posting her home address for the group: {oaddr}");
ppi("Is {ophone} still your number? Asking for a few hundred friends.");

// --- report-to-police: threatening or menacing language without red flags ---------------------------------
const thr = kind("threat", ["threat"]);
thr("You'll get what's coming to you, {ins}.");
thr("Watch your back, {name}. People round here have long memories.");
thr("You'll regret ever standing in {area}. I'll make sure of that.");
thr("keep looking over your shoulder {name}");
thr(
  "One of these days {someone's going to wipe that smile off your face|somebody's going to shut that mouth of yours|someone's going to teach you a lesson}, and it'll be me.",
);
thr("I'm going to [kill] you{, and your family| one day| mark my words|}.");
thr("We're coming for you. All of us. {You've been warned|Count on it|You won't know when}.");
thr("You and your agent are going to pay for what you did to {area}. And not at the ballot box.");
thr("Carry on like this and {you'll|your agent'll|that husband of yours will} end up in hospital.");
thr("I'd be careful knocking on doors round {area} if I were you. Accidents happen.");
thr(
  "Your days are numbered{, and I don't mean your time in office|, {name}. And I'm not talking about the election|. Not politically. Literally}.",
);
thr("Next time I see you I'll [smash] your {face|head|teeth} in.");
thr("Keep your kids close, {name}. Just a friendly tip.");
thr("You won't be smiling when we've finished with you{.|, {name}.| and your little team.}");
thr("Something bad is going to happen to {you|your family|your agent}. Not a threat, a promise.");
thr("I'll [break] {your legs|both your arms|your jaw} so you can't go canvassing ever again.");
thr(
  "Your agent wants to be careful too. {We know who he is|His name's not hard to find|Tell him that from us}.",
);

// --- report-to-police: wishes or incitement of violence ----------------------------------------------------
const vw = kind("violence-wish", ["violence-wish"]);
vw("Someone should [shoot] you{.| and do us all a favour.| tbh}");
vw("Hope someone [stabs] you {on the doorstep|one of these days|and soon|in your sleep}.");
vw("Traitors like you should [hang]{.| from a lamppost.|, every last one of you.}");
vw("You should [hang] for what you've done to {area}.");
vw("If anybody {lamps|decks|glasses} you I'll buy them a pint.");
vw("Somebody needs to put you in the ground, {ins}.");
vw("Hope your {office|house|campaign van} gets [torched] with you inside it.");
vw("Wish someone would run you over, you {adj} {ins}.");
vw("You deserve a good [kicking] and I hope someone gives you one{.| soon.|, {ins}.}");
vw("Line the lot of them up against a wall. Start with {name}.");
vw("Anyone who sees this {ins} out canvassing, give her a slap from me.");
vw("I hope someone throws acid in {your face|your wife's face|that smug face of yours}.");
vw("{Country|Leeds|This city}'d be better off if someone finished you off.");
vw("Hope {your husband|your agent|your son} gets his head kicked in, maybe then you'll listen.");
vw("Honestly praying someone [bricks] your {car|campaign van|office window} with you {in it|behind it}.");

// --- report-to-police: sexual threats --------------------------------------------------------------------
const sx = kind("sexual-threat", ["sexual"]);
sx("I'll [rape] you, you stuck-up {ins}.", ["threat"]);
sx("Someone should [rape] some sense into {you|that mouth of yours|you, {name}}.", ["violence-wish"]);
sx(
  "I think about what I'd do to you {in bed|in that office of yours|in the back of my van} if I got you alone. You wouldn't get a say in it.",
  ["threat"],
);
sx(
  "Hope you get [raped] {walking home from canvassing|out on the doorstep one day|and then see how you like it}.",
  ["violence-wish"],
);
sx("Send me photos of you in your underwear or I'll make some and send them to every voter in {area}.", [
  "threat",
]);
sx(
  "I've made pictures of your face on a porn star's body. {Wait till your constituents see them|They go to every voter in {area} next week|Your kids' school will get them first}.",
  ["threat"],
);
sx(
  "You'd look better on your knees with your mouth shut. I'll {make sure of it one day|put you there myself|show you how}.",
  ["threat"],
);
sx(
  "I'll do things to you that'll make you wish you'd never stood {for election|for the council|against us}, you dirty [slag].",
  ["threat", "abuse"],
);
sx("Every night I imagine forcing myself on you. One day it won't just be in my head{.|, {name}.}", [
  "threat",
]);
sx("Keep talking and I'll [rape] that attitude out of you{.|, {name}.|, love.}", ["threat"]);

// --- report-to-police: discriminatory abuse or threats -----------------------------------------------------
const dis = kind("discriminatory", ["discriminatory"]);
dis("Go back to {origin}. {area} doesn't want you.", ["abuse"], "race");
dis("No immigrant should be making decisions for {area}. Send the lot of you back.", ["abuse"], "race");
dis(
  "You'll never be British no matter how many rosettes you wear. {Your lot ruined this country|Go home|People like you are why this country's finished}.",
  ["abuse"],
  "race",
);
dis(
  "Only selected because you're Black. Go back to {origin2} and take your diversity quota with you.",
  ["abuse"],
  "race",
);
dis(
  "Muslims like you have no place in British politics. {Go home|Get out|Pack your bags}.",
  ["abuse"],
  "religion",
);
dis(
  "Jews like you run everything{, no wonder you got selected|. Course you got the seat|, always the same story}. Parasites.",
  ["abuse"],
  "religion",
);
dis(
  "Take your turban and your mates out of our town hall. {This is a Christian country|You don't speak for us|Nobody here voted for a Sikh}.",
  ["abuse"],
  "religion",
);
dis(
  "Every Muslim councillor is a step closer to sharia in {area}. People like you should be deported.",
  ["abuse"],
  "religion",
);
dis(
  "Keep your gay agenda away from our kids, you disgusting [pervert]{.|, {name}.| and stay out of our schools.}",
  ["abuse"],
  "sexual-orientation",
);
dis("Nobody in {area} wants a [dyke] as their councillor.", ["abuse"], "sexual-orientation");
dis(
  "Being gay is a sickness and you want to run {the council|{area}|this city}? Get yourself treated first.",
  ["abuse"],
  "sexual-orientation",
);
dis(
  "You'll always be a man in a dress{, {name}|}. Nobody's voting for a [freak]{.| like you.}",
  ["abuse"],
  "gender-identity",
);
dis(
  "Trans nutters like you are a danger to {women and kids|our daughters|every woman in {area}}. Stay out of our politics.",
  ["abuse"],
  "gender-identity",
);
dis("Stop pretending to be a woman, you {ins}. Everyone can see what you really are.", [], "gender-identity");
dis(
  "Why should a [cripple] get to run {the council|{area}|anything}? You can't even get up the town hall steps.",
  ["abuse"],
  "disability",
);
dis(
  "Mental case. Get back on your meds and stop pretending to be {a politician|fit for office|a councillor}.",
  ["abuse"],
  "disability",
);
dis(
  "An autistic weirdo like you shouldn't be allowed anywhere near {a ballot paper|the council chamber|Parliament}.",
  ["abuse"],
  "disability",
);
dis(
  "Deaf as a post and thick with it. Why would anyone vote for a disabled {ins} like you?",
  [],
  "disability",
);
dis(
  "{Wheelchair-bound|Can't even walk} and wants to run the council. Can't stand for election, literally 😂 People like you should stay at home.",
  ["abuse"],
  "disability",
);
dis(
  "Women like you belong at home, not in {Parliament|the council chamber|politics}. Know your place{.|, love.}",
  ["abuse"],
  "sex",
);
dis(
  "Shut up you hysterical [bitch]. Women should never have been given the vote{.| and you're the proof.}",
  ["abuse"],
  "sex",
);
dis("Get back in the kitchen {love|sweetheart|darling}, politics is a man's game.", ["abuse"], "sex");
dis(
  "Typical woman, can't handle a debate without crying. {Leave it to the men|Get back to the school run|Step aside for a proper candidate}.",
  ["abuse"],
  "sex",
);
dis(
  "{area} doesn't need a gay councillor pushing filth on our kids. Crawl back in the closet{.|, {name}.}",
  ["abuse"],
  "sexual-orientation",
);
dis(
  "You're not a woman and you never will be. Nobody will ever vote for a {bloke in a wig|man in lipstick|confused [freak]}.",
  ["abuse"],
  "gender-identity",
);
dis("Immigrants like you are why {area} is unrecognisable. You will never represent us.", ["abuse"], "race");

// --- report-to-police: incitement to self-harm or suicide --------------------------------------------------
const sh = kind("self-harm", ["self-harm"]);
sh("Go and [kill] yourself{.|!|, seriously.| {name}.}");
sh("Do us all a favour and [top] yourself, {ins}.");
sh("kys {name} 🤡");
sh("Nobody would miss you if you [hanged] yourself{.|, not even your family.|. Think about it.}");
sh("Why don't you just end it. {area} would throw a party.");
sh("[Neck] yourself, you {adj} {ins}.");
sh("Jump off {bridge} and save us all the bother.");
sh(
  "The world would be a better place if you {swallowed a bottle of pills|took an overdose|walked in front of a train}.",
);
sh("Have you considered not existing? Give it a go, {name}.");
sh("Drink bleach, you {ins}.");
sh("If I were you I'd have [killed] myself by now{.|, honestly.| after that result.}");
sh("Your {agent|husband|campaign manager} should do the decent thing and [top] himself too.");

// --- report-to-platform: abuse and insults below the police threshold -------------------------------------
const ab = kind("abuse", ["abuse"]);
ab("You're a {adj} lying {ins}.");
ab("Shut up you {adj} {ins}.");
ab("[Fuck] off back to Westminster you {ins}.");
ab("Absolute {ins}. Can't believe anyone votes for you.");
ab("Who let this {ins} near a microphone?");
ab("You make me sick, you {adj} [bastard].");
ab("{name} is the thickest person I've ever seen on a ballot paper. Genuinely brain dead.");
ab("Crawl back under your rock, {ins}.");
ab("Every time you open your mouth you prove what a {adj} {ins} you are.");
ab("Oi {ins}, answer the question instead of waffling, you [twat].");
ab("Your agent is as big a {ins} as you are.");
ab(
  "What a [shit] candidate. {Useless, gormless, spineless|Thick as two short planks|Couldn't find {area} on a map}.",
);
ab("Nobody likes you, you smug {ins}. Not even your own party.");
ab("{name} 🤡🤡🤡 {adj} {ins}");
ab("Get in the bin, you {adj} {ins}.");
ab("Honestly you're a waste of {oxygen|space|a rosette}. A total joke of a human being.");
ab("Your volunteers are a bunch of brain-dead {insp}.");
ab("[Fucking] {ins}. Go and get a real job.");
ab("You {adj} little [weasel], you can't even look people in the eye.");
ab("State of you on {the telly|Look North|the radio} last night. Thick as mince.");

// --- keep-record: robust but legitimate political criticism ------------------------------------------------
const crit = kind("benign-criticism", []);
crit("You'll be out on your ear {in May|come polling day|after Thursday|at the next election}.");
crit("We'll wipe the floor with you at the election{.|, mark my words.|. See you at the count!}");
crit("This {policy} is daylight robbery.");
crit("Your cuts are strangling the high street in {area}.");
crit("You promised to save {facility} and then voted to close it. We won't forget that at the ballot box.");
crit("Your expenses claim for {expense} is a disgrace. Explain yourself.");
crit("What a shambles of a campaign. Your leaflet spelt {area} wrong.");
crit("Your party has run this council for {n} years and {problem}. Time for a change.");
crit("After that vote on {issue} you're finished in {area}.");
crit("Your political career is dead in the water after that vote on {issue}.");
crit("We'll bury you at the ballot box{.| in May.| over {issue}.}");
crit("You've got blood on your hands over {cutsissue}.");
crit("Your answer on {issue} at the hustings was pathetic. Did you even read the briefing?");
crit("I've voted for your party all my life and I won't be doing it again after {issue}.");
crit("Absolute nonsense from start to finish. Your {policy} will hit the poorest hardest.");
crit("Not one word in your leaflet about {issue}. Shameful.");
crit("This is the most incompetent council I've seen in forty years of living in {area}.");
crit("Broken promise after broken promise. First {issue}, now {issue2}.");
crit("You talk about fairness and then back a {policy} that punishes pensioners. Hypocrisy.");
crit("Resign. You've lost the confidence of everyone on {road}.");
crit("The way you dodged the question about {issue} on the radio this morning was embarrassing.");
crit("I'll be campaigning against you every weekend until polling day. {area} deserves better.");
crit("Your voting record on {issue} is a joke and I'll be telling everyone on my street.");
crit("Your lot couldn't run a bath, never mind {this city|the council|Leeds}.");
crit("The {policy} is an attack on working families and you know it.");
crit(
  "We're coming for your seat{. Hope you've got your CV ready.|, {name}. Enjoy your last few weeks.|. {area} is ours next time.}",
);
crit("You're going down in May and you deserve to after the way you handled {issue}.");
crit("Taking {money} off the budget for {facility} while councillors get a pay rise? Disgraceful.");
crit("Stop hiding behind press releases and hold a public meeting about {issue}.");
crit("Dire performance at the hustings {whenp}. The other candidates ran rings round you.");
crit(
  "Every leaflet you put through my door goes straight in the {recycling|bin|dog's bed}. Not voting for you, not now, not ever.",
);
crit("You couldn't organise a piss-up in a brewery, never mind {issue}.");
crit("Shocking turnout at your 'public meeting' in {area}. Three people and a dog. Says it all.");
crit("The council wasted {money} on consultants for the {policy} and we've still got potholes on {road}.");
crit("If you vote for the {policy} you'll lose my vote and my whole family's.");
crit("Your party leader is a disaster and you've backed every single bad decision{.| on {issue}.}");
crit("You should be ashamed of your record on {issue}. Ashamed.");
crit("Funny how you only turn up in {area} when there's an election on.");
crit("Your {policy} is going to kill off what's left of the shops on {road}.");
crit("Hands off {facility}! Thousands of us signed the petition and you ignored every one.");
crit("I'll be watching how you vote on {issue}, and so will everyone on my street.");

// --- keep-record: idioms that sound violent but are not ---------------------------------------------------
const idm = kind("benign-idiom", []);
idm("You absolutely smashed that debate{!| last night!|, well done {name}!}");
idm("Traffic on {road} is murder this morning, running late for the leaflet drop.");
idm("You nailed that interview on the radio{.|!| this morning.}");
idm("Killing it at the hustings {tonight|again|last night}! 🔥");
idm("I could murder a brew after that canvassing session{.| in {area}.}");
idm("Break a leg at the count {whenf}!");
idm("Knock 'em dead at the hustings {whenf}.");
idm("That new leaflet design is a {killer|knockout|proper killer}.");
idm("My feet are killing me after {n} hours of door-knocking in {area}.");
idm("You shot yourself in the foot with that post about {issue}.");
idm("The other lot got absolutely {slaughtered|murdered|battered} in that debate, brilliant stuff.");
idm("Go get 'em {whenf}, {name}!");
idm("You'll blow them away at {the Civic Hall|the hustings|the count}.");
idm("I'm dying to know the result, see you at the count{!| tonight!| on Thursday!}");
idm("My {nan|mum|wife} would kill me if I didn't vote for you 😂");
idm("That question about {issue} was a bit of a bombshell.");
idm("We're going to {crush|smash|murder} it on polling day, team!");
idm(
  "This heat is killing me, how are you {canvassing in a suit|doing the leaflet drop in that coat|still going}?",
);
idm("The council's taken a hatchet to the budget for {facility} again.");
idm("Over my dead body will they close {facility}. Count me in for the campaign.");
idm("You were on fire at the hustings {whenp}.");
idm("Honestly the leaflet drop in {area} was carnage, dogs everywhere 😂");
idm("The queue at {polling} was murder but I got my vote in!");
idm("You're a dead cert for {area} after that performance.");

// --- keep-record: quoting abuse in order to condemn it ----------------------------------------------------
const qc = kind("benign-quote-condemn", []);
qc("Just seen someone reply to you with '{quote}'. Vile. Reported it and I hope you do too.");
qc(
  "The bloke at the hustings who shouted '{quote}' should be banned from every future event. Nobody deserves that.",
);
qc("Reading the replies to your post, people saying '{quote}'. This is why good people stop standing.");
qc(
  "Can't believe someone sprayed '{graffiti}' on your office shutter. Hope the police catch whoever did it.",
);
qc("Someone called you a '{quoteinsult}' on the Facebook group. Disgusting, the admins should remove it.");
qc("To whoever wrote '{quote}' under Claire's video: the police have been sent a screenshot. Grow up.");
qc("'{quote}' is not political debate, it's a crime. Stand firm, {name}.");
qc("My daughter saw the comment '{quote}' on your page and was really upset. Please report it.");
qc("Nobody should be told '{quote}' for standing in an election. Solidarity from {area}.");
qc("That leaflet calling you a '{quoteinsult}' was shameful. I've passed a copy to the returning officer.");
qc("Heard a bloke in the pub say '{quote}' about you. Told him to wind his neck in.");
qc("Whoever keeps ringing your office saying '{quote}' needs locking up.");
qc("Screenshot of the '{quote}' message sent to the police as you asked. Crime number to follow.");

// --- keep-record: negated hate or negated threats ----------------------------------------------------------
const neg = kind("benign-negated", []);
neg("I don't hate {group}, I hate your housing policy.");
neg("Nobody is threatening you. We just want {facility} kept open.");
neg("I'd never wish harm on anyone, but I do wish you'd resign over {issue}.");
neg("Not a threat, just a promise: we'll vote you out {in May|on Thursday|at the next election}.");
neg(
  "I'm not against refugees at all, I just think the council handled the {hotel consultation|housing allocation|asylum centre plan} badly.",
);
neg("No one wants you hurt, we want you voted out. {There's a difference|Big difference|Simple as}.");
neg("I'm not going to tell you to go away. I'm going to tell you to fix {road}.");
neg(
  "Let me be clear, nobody should be abusing candidates, whatever their party. But your {policy} is rubbish.",
);
neg("This isn't about you being a woman, it's about your record on {issue}.");
neg("I'm not calling you a liar, but the figures on your leaflet about {issue} are wrong.");
neg(
  "Don't worry, I won't be turning up at your surgery to shout. I'll just vote for someone else{.| on Thursday.}",
);
neg("Nothing against gay people, my son's gay, but I disagree with you on {issue}.");
neg("I would never threaten anyone, but I will be writing to the paper about {issue}.");
neg("I'm not saying anyone should hurt you, I'm saying you should lose your deposit{.| in {area}.}");
neg("I don't think you're stupid, I think you're badly advised on {issue}.");

// --- keep-record: neutral or positive mention of a group ---------------------------------------------------
const grp = kind("benign-group-mention", []);
grp("As a {identity}, I'm voting for you because of your stance on {issue}.");
grp("Great to see the {community} community out in force at the hustings {whenp}.");
grp(
  "Thank you for visiting the {mosque during Eid|gurdwara for Vaisakhi|synagogue on Shabbat|mandir at Diwali|church on Easter Sunday}, it meant a lot to my family.",
);
grp("Will you be marching at Pride again this year{?|, {name}?| with the LGBT network?}");
grp("As {identity2} I found your surgery venue hard to get into. Could you look at step-free access?");
grp(
  "My wife is Muslim and my son is gay and we're all voting for you. {Keep going|Thank you for standing|Don't let the trolls get you down}.",
);
grp("Loved your speech at the {celebration} celebration in {area}.");
grp(
  "Refreshing to see a candidate who signs BSL at {the hustings|the residents' meeting|your surgery}. The deaf community noticed.",
);
grp("As a trans woman I really appreciated your answer on {healthcare waiting lists|housing|the bus cuts}.");
grp("Our mosque is hosting a hustings on {day}. Would you be able to come?");
grp(
  "The disabled parking at {the count venue|your surgery|the hustings venue} is a joke, as a blue badge holder I had to park half a mile away.",
);
grp("As a Jewish voter in {area} I want to thank you for condemning the graffiti at the synagogue.");
grp("Proud to see a woman of colour standing in {area}. My daughters are watching.");
grp("The {community} women's group would love to meet you before polling day.");
grp(
  "I'm {autistic|dyslexic|partially sighted} and your leaflet was the first one I could actually follow. Thank you.",
);
grp("As an immigrant who has lived in {area} for twenty years, I'm voting for the first time this year.");
grp("The gay and lesbian over-60s group in {area} would love you to drop in for a cuppa.");

// --- keep-record: news about violence or intimidation ------------------------------------------------------
const nws = kind("benign-news", []);
nws("A man from {town} has been jailed for {n} weeks for sending death threats to a local councillor.");
nws("Police have charged a {age}-year-old after a councillor's car was set alight in {town}.");
nws(
  "Did you see the survey saying nearly half of candidates faced abuse at the last election? {Stay safe out there|Look after yourself|Shameful}.",
);
nws("Awful news about the MP in {town} who was attacked at a surgery. Please make sure you've got security.");
nws("A knife was found near a polling station in {town} yesterday. Police say no one was hurt.");
nws("Court hears a man threatened to burn down an MP's constituency office in {town}.");
nws("Woman given a restraining order after stalking a parish councillor in {town}, says the local paper.");
nws(
  "The Electoral Commission has published new guidance on candidate safety, {worth a read|hope you've seen it|good to see}.",
);
nws("Local paper reports {n} election posters vandalised in {area} this week.");
nws("Man arrested after shouting threats at canvassers in {town} has been released on bail, police say.");
nws("Bomb scare closed the count in {town} last night, everyone safe apparently.");
nws("Two teenagers cautioned for throwing eggs at a candidate's campaign bus in {town}.");
nws("Stabbing in {area} last night, police appealing for witnesses. What's your plan on knife crime?");
nws("Parliament is debating new rules on the intimidation of candidates {today|this week|on Monday}.");
nws("{age}-year-old from {town} given a suspended sentence for threatening messages to an MP's staff.");

// --- keep-record: questions about the campaign and public office -----------------------------------------
const qst = kind("benign-question", []);
qst("What time is your surgery on {Saturday|Saturday morning|Friday}?");
qst("Where is the count being held on {Thursday night|polling night|election night}?");
qst("Is the hustings at {hvenue} open to the public?");
qst("How do I apply for a postal vote before the deadline{?| in {area}?}");
qst("When are you next canvassing in {area}? I'd like to join you.");
qst("Can I drop a letter about {issue} into your office?");
qst("What's your position on {issue}?");
qst("Do I need photo ID to vote at the polling station{?| in {area}?| on Thursday?}");
qst("Will you be at {eventq} on {day}?");
qst("How many leaflets do you need delivering in {area} this weekend?");
qst("Is the polling station still at Headingley High School or has it moved?");
qst("Knife crime in {area} is up again. What will you actually do about it?");
qst("What time does the count finish{?| on Thursday?} Want to know when to expect the result.");
qst("Who's your agent? I want to volunteer as a {teller|polling agent|counting agent} on polling day.");
qst("Are you doing a surgery in {area} before the election?");
qst(
  "Can you help with my {council tax band|housing benefit|blue badge renewal}? I don't understand the letter they sent.",
);
qst("Are you for or against the {policy}? Straight answer please.");

// --- keep-record: the candidate's PUBLIC details (profile.json "public") -----------------------------------
const pub = kind("benign-public-detail", []);
pub("Your office at {officeaddr} was shut when I went at 2pm. Are the opening hours still the same?");
pub("I rang {officephone} about my son's school transport and left a message, could someone call me back?");
pub(
  "Emailed {pubemail} about {the bin strike|the damp in my flat|my dad's care package} a week ago, no reply yet.",
);
pub("Saw the poster: {surgery}. I'll be there about the bus cuts.");
pub("For anyone asking, Claire's constituency office is {officeaddr}, phone {officephone}.");
pub("Is {officephone} the best number to ring about a housing problem?");
pub("Dropped a letter through the door at {officeaddr} about the planning application.");
pub("The number on your leaflet, {officephone}, just goes to voicemail.");
pub("Please put {pubemail} on your {website|leaflets|Facebook page}, I couldn't find it anywhere.");
pub("Will the {surgery} still be on over the bank holiday?");
pub("Thanks to the staff at {officeaddr} for sorting my dad's blue badge.");
pub(
  "Can I come to the surgery at Headingley Library without an appointment{?| on Saturday?| or do I need to book?}",
);
pub("Parking near {officeaddr} is a nightmare, any chance of moving surgeries somewhere with a car park?");
pub("I'll pop into {officeaddr} on {day} with the petition about {issue}.");
pub("Wrote to {pubemail} and rang {officephone}, still waiting on a reply about my damp flat.");

// --- keep-record: everything else (casework, thanks, volunteering, swearing not aimed at anyone) -----------
const oth = kind("benign-other", []);
oth("I live at {ownaddr} and the streetlight outside has been out for a month.");
oth("My number is {ophone} if your caseworker needs more details about the flooding.");
oth("Thanks for the leaflet, good luck on {Thursday|polling day|the night}!");
oth("Bloody potholes on {road} again. Can the council please sort it?");
oth("Happy to deliver leaflets in {area} this weekend, just tell me where to collect them.");
oth("Fair play for turning up to the hustings in that {weather|rain|heat}.");
oth("The state of {road}, it's a [fucking] disgrace. Been like that for two years.");
oth("Met you on the doorstep in {area} yesterday, thanks for listening to my mum about her care package.");
oth("Your volunteer was lovely, explained the postal vote thing to my {grandad|nan|dad}.");
oth("Congratulations on being selected! {area} is lucky to have you.");
oth(
  "Sorry I missed you when you knocked, I was {at work|at the shops|doing the school run}. Still voting for you.",
);
oth("My mum's been on a trolley at the LGI for {n} hours. What are you going to do about A&E?");
oth("Can your team help? I'm at {ownaddr} and the landlord won't fix the boiler.");
oth("Sending you a bit of love after a horrible {week|few days|campaign}. Keep your chin up.");
oth("Cracking turnout at the leaflet drop in {area}, we did {n} streets before lunch!");
oth(
  "Bins not collected for {three weeks|a fortnight|a month} on my street. Absolute joke. Sort it out please.",
);
oth(
  "Does anyone know if the Civic Hall car park is open for the count? I'm a {counting agent|teller|volunteer}.",
);
oth("Call me on {ophone} after 6, I want to help with the campaign in {area}.");
oth("Counting down the days till polling day{!| 🗳️|, can't wait to vote for you.}");
oth(
  "I've been following your campaign since {day one|the selection|the first hustings} and I'm really impressed.",
);

// ---------------------------------------------------------------------------------------------------------
// Second batch (v2): more varied wording of threats and of benign criticism, written to test whether rules
// generalise beyond the first batch's phrasings. Appended after the first batch: the first batch's records,
// ids, splits and order are unchanged; this batch has its own targets, split shuffle and order, and its ids
// follow on from the first batch's.

const FIRST_BATCH = TEMPLATES.length;

/** How many records of each kind the second batch adds (benign grows with harmful). */
const TARGET_V2: Partial<Record<Kind, number>> = {
  "imminent-threat": 40,
  fixation: 26,
  weapon: 28,
  threat: 36,
  "violence-wish": 28,
  "sexual-threat": 16,
  "self-harm": 18,
  abuse: 20,
  "benign-criticism": 60,
  "benign-idiom": 26,
  "benign-negated": 14,
  "benign-quote-condemn": 11,
  "benign-news": 12,
  "benign-question": 16,
  "benign-other": 12,
};

const imm2 = kind("imminent-threat", ["threat", "imminent"]);
imm2("My brother's going to {batter|hurt|deal with} you {venue} {when}.");
imm2("You're going to get hurt {when}. {venue}. Don't say nobody told you.");
imm2(
  "{day} night. {area}. You and your {volunteers|canvassers|leaflet lot} are getting {battered|done in|hurt}.",
);
imm2(
  "We'll be waiting {after the hustings|after your surgery|after the count} {when} and you won't be walking home.",
);
imm2("Turn up {venue} {when} and you'll leave in an ambulance.");
imm2("I'm going to hurt you {when}, {venue}, in front of everyone.");
imm2("Come {day} I'll have my hands round your throat{.|, {name}.}");
imm2("You'll be lying in the gutter {venue} {when}{.|, {ins}.}");
imm2("The lads are going to give you a proper hiding {venue} {when}.");
imm2("see you {when} {venue}. bring an ambulance");
imm2("I'll be at your surgery on {day}. You won't be leaving in one piece.");
imm2("Enjoy your last {day}. After the hustings I'm going to make you bleed.");
imm2("{when} in {area}. We'll drag you off that doorstep and you won't get up again.");
imm2("You're getting glassed {when} {venue}{.|, pass it on to your agent.}");

const fix2 = kind("fixation", []);
fix2(
  "I know where your {kids go to school|husband parks|daughter catches the bus}. I know when you're on your own.",
  ["fixation"],
);
fix2("Been watching your house for {hours} nights now. You leave the landing light on.", ["fixation"]);
fix2(
  "I know the route you walk home from {event}. {Every step of it|I've walked it myself|Same way every time}.",
  ["fixation"],
);
fix2("Everything is ready now. I've worked out exactly how and when. {You'll see|Soon|Not long now}.", [
  "threat",
  "plan",
]);
fix2("{n} days till polling day and then I do what I've planned for you.", ["threat", "plan"]);
fix2("I followed you home from {event} {whenp}. You didn't look back once.", ["fixation"]);
fix2("Your {husband|wife|agent} leaves the house at {clock} every morning. I've been keeping a note.", [
  "fixation",
]);
fix2(
  "I stood outside your {office|house|surgery} for {hours} hours {whenp}. I'll be back, and next time I'm coming in.",
  ["threat", "fixation"],
);
fix2(
  "I've drawn up a plan for you and it's nearly finished. {Just the date left to pick|Just need the right night|You're going to love it}.",
  ["threat", "plan"],
);

const wpn2 = kind("weapon", ["threat", "weapon"]);
wpn2(
  "I carry a {blade|shank|flick knife|stanley knife} everywhere I go. Remember that when you come canvassing.",
);
wpn2(
  "My {mate|brother|cousin} can get me a {gun|strap|shooter|piece} by the weekend. Think about that, {name}.",
);
wpn2("There's a {machete|crowbar|claw hammer|zombie knife} in my van with your name on it.");
wpn2("I've got a {shotgun|crossbow|rifle} at home and I'm not afraid to use it on you.");
wpn2("Used to be a firearms instructor. I could put one through your office window from the car park.");
wpn2("Keep pushing and you'll find out what my {blade|knife|machete} feels like{.|, {ins}.}");
wpn2("Next time you knock on my door I'll answer it with the {bat|axe|shotgun}.");
wpn2(
  "I spent {n} years in the Paras. I know how to kill someone {quietly|with my bare hands|without leaving a mark}.",
);
wpn2("Got a {knife|blade|machete} sharpened {whenp}. {Guess who for|You know who it's for|Just saying}.");

const thr2 = kind("threat", ["threat"]);
thr2("I'm going to hurt you{.|, {name}.| badly.| and your family.}");
thr2("We will find you and we will {make you pay|hurt you|break you}.");
thr2("My brother's going to {batter|deal with|sort} your husband. Count on it.");
thr2("You're going to get hurt, {name}. {Really hurt|Badly|Mark my words}.");
thr2("You'll end up in the canal if you carry on like this{.|, {ins}.}");
thr2("People round here will sort you out properly{.| and the police won't save you.}");
thr2("I'll make you bleed for what you did to {area}.");
thr2("The lads will deal with you. {Not at the ballot box either|You've been told|Properly}.");
thr2("You're going to need a new set of teeth after I'm finished with you.");
thr2("Carry on and you'll be eating through a straw{.|, {ins}.}");
thr2("I'll put you through a window{.|, {name}.| you {adj} {ins}.}");
thr2("We are going to make your life hell and then we're going to hurt you.");
thr2("One more lie from you and I'll wring your neck.");
thr2("Somebody is going to hurt you badly and it won't be me{.| you {ins}.}");
thr2("Your husband's going to get a beating he won't forget{.| and so are you.}");
thr2("I will personally make sure you never walk again.");

const vw2 = kind("violence-wish", ["violence-wish"]);
vw2("I hope you get hit by a bus{.| on the way to the count.| and your agent too.}");
vw2("I hope your house burns down with you in it.");
vw2("Someone ought to give you a good hiding{.|, {ins}.}");
vw2("Somebody needs to shut you up for good{.| and I hope they do.}");
vw2("I hope you end up in intensive care{.|, {ins}.}");
vw2("Someone should take a bat to your {head|car|kneecaps}.");
vw2("Really hope someone beats the living daylights out of you.");
vw2("Can someone please just punch this {ins} in the face.");
vw2("I hope you choke on your own {lies|words|manifesto}.");
vw2("Somebody should string you up from the town hall{ balcony| clock|}.");

const sx2 = kind("sexual-threat", ["sexual"]);
sx2("What you need is a good seeing to, and I'm the man to give it you.", ["threat"]);
sx2("I'd bend you over that desk in your office and you wouldn't have a choice{.|, love.}", ["threat"]);
sx2("One day I'll get you on your own and hold you down{.| and nobody will hear you.}", ["threat"]);
sx2("I'm going to [rape] you{.| and your daughter.| when I get the chance.}", ["threat"]);
sx2("Someone should sexually assault you to shut you up.", ["violence-wish"]);
sx2("I hope you get [raped] {one night|on your way home|at the count}.", ["violence-wish"]);
sx2("Keep it up and I'll share the naked pictures I made of you with every voter in {area}.", ["threat"]);

const sh2 = kind("self-harm", ["self-harm"]);
sh2("The kindest thing you could do is end your own life.");
sh2("Just go and jump off {bridge}. Nobody will care.");
sh2("Do everyone a favour and disappear permanently. Pills, rope, whatever.");
sh2("Honestly just [kill] yourself already{.|, {ins}.}");
sh2("You'd be doing the world a favour if you ended your life tonight.");
sh2("Why not hang yourself{?| and save {area} the trouble?}");
sh2("Go slit your wrists{.|, {name}.}");

const ab2 = kind("abuse", ["abuse"]);
ab2("You're an absolute {ins}. {Thick as they come|Utterly useless|Zero brain cells}.");
ab2("What a {adj} excuse for a councillor you are.");
ab2("Stupid {pillock|idiot|plonker}. Nobody wants you here.");
ab2("You brainless {ins}, stop posting.");
ab2("Go away you {adj} {ins}{.| and take your leaflets with you.}");
ab2("Honestly {name}, you're a complete and utter {ins}.");

const crit2 = kind("benign-criticism", []);
crit2("You're toast come May{.|, {name}.| and you know it.}");
crit2("We're going to hammer you at the ballot box {on Thursday|in May|next year}.");
crit2("I'll see you at the hustings on {day}. Bring better answers on {issue} than last time.");
crit2("I'm coming to your surgery on {day} to have it out with you about {issue}.");
crit2("We'll be outside the town hall on {day} with our banners about {issue}. Peaceful, but loud.");
crit2("The knives are out for you in your own party after {issue}.");
crit2("I hope you lose your seat{.| in May.|, you've earned it.}");
crit2("I hope you get what you deserve at the ballot box after {issue}.");
crit2("Someone should tell you the truth about {issue}, because your advisers clearly won't.");
crit2("Someone needs to kill off this {policy} before it does any more damage.");
crit2("I know where you stand on {issue} and I couldn't disagree more.");
crit2("This {policy} will kill the high street in {area}.");
crit2("You'll get a kicking at the polls after {issue}.");
crit2("We're going to knock on every door in {area} until you're gone.");
crit2("You're a dead duck politically after {issue}{.|, {name}.}");
crit2("You will pay for {issue} at the ballot box, mark my words.");
crit2("The voters are going to destroy you on polling day.");
crit2("Your campaign is on life support after {issue}.");
crit2("You'll be history after the count on {day}.");
crit2("I'm going to fight you every step of the way on {issue}.");
crit2("We'll see you at the count {when}. Hope you've written a concession speech.");
crit2("You're going to get slaughtered at the polls, and rightly so.");
crit2("Your {policy} is a knife in the back for every shop on {road}.");
crit2("Watch this space. We're going to make sure everyone in {area} knows your record on {issue}.");
crit2("You should be sacked over {issue}.");

const idm2 = kind("benign-idiom", []);
idm2("He took a real stab at answering the question on {issue}, fair play.");
idm2("The {policy} got shot down in flames at the council meeting{.| {whenp}.}");
idm2("You absolutely killed it {venue2} {whenp}.");
idm2("That reply to the heckler was a knockout punch{.| 🥊}");
idm2("The new bus timetable is a nightmare, it's killing me.");
idm2("My {nan|mum|dad} will murder me if I forget to post the ballot.");
idm2("The debate was a bloodbath for the other lot, well done.");
idm2("I'm dead on my feet after canvassing in {area} all day.");
idm2("Your leaflet hit the nail on the head about {issue}.");

const neg2 = kind("benign-negated", []);
neg2("Nobody wants to hurt you. We want you to listen about {issue}.");
neg2("I'm not threatening you, I'm telling you I'll vote against you.");
neg2("I would never lay a finger on anyone, but I'll be at your surgery to complain about {issue}.");
neg2("I don't hope anything bad happens to you, I just hope you lose.");
neg2("No one is coming for you, {name}, calm down. It's a petition about {issue}.");

const qc2 = kind("benign-quote-condemn", []);
qc2("Someone on the {Facebook group|forum} said you should be 'taken out'. Disgusting, I've reported it.");
qc2("Saw a reply saying 'I know where you live' under your post. That's not on, hope you told the police.");
qc2("Whoever wrote 'hope you get stabbed' on your poster in {area} should be locked up. Solidarity.");
qc2("People saying 'someone should shoot her' about you is vile. Stay safe, {name}.");

const nws2 = kind("benign-news", []);
nws2("Man jailed in {town} for threatening to stab his MP at a surgery, says the BBC.");
nws2("Police are investigating after a candidate's office in {town} was attacked with paint.");
nws2("A councillor in {town} was punched while canvassing, the local paper reports.");
nws2("Report out today says threats to candidates doubled since the last election.");

const qst2 = kind("benign-question", []);
qst2("Where's your surgery on {day} and what time does it start?");
qst2("Will you be at the hustings {after work|in the evening} on {day}? I want to ask about {issue}.");
qst2("Where will you be canvassing {when}? I'd like to help.");
qst2("How do I find out where the count is {when}?");
qst2("What time does the hustings at {hvenue} finish on {day}?");

const oth2 = kind("benign-other", []);
oth2("See you at the count {when}! Fingers crossed.");
oth2("We'll be outside your office at 9 on {day} with the leaflets, ready to go.");
oth2("I'll be waiting outside the library after the surgery if you want a lift back.");
oth2("Coming round to the campaign office {when} with cake for the volunteers.");

// ---------------------------------------------------------------------------------------------------------
// Third batch (v3): calm, indirect menace ("I've got something for you at the count", "enjoy your last
// campaign"), threats with UK times and places, fixation told as calm observation, weapons, and typos in the key
// word; and at least as many new benign near-misses (robust criticism, idioms with violent words, news,
// counter-speech). Appended after the second batch in the same way: earlier records, ids and splits unchanged.

const SECOND_BATCH = TEMPLATES.length;

/** How many records of each kind the third batch adds. */
const TARGET_V3: Partial<Record<Kind, number>> = {
  "imminent-threat": 40,
  fixation: 26,
  weapon: 18,
  "benign-criticism": 32,
  "benign-idiom": 24,
  "benign-news": 8,
  "benign-quote-condemn": 7,
  "benign-other": 22,
};

const imm3 = kind("imminent-threat", ["threat", "imminent"]);
imm3("I've got something for you {venue} {when}. You'll know it when you see it.");
imm3("There'll be a little surprise waiting for you {venue} {when}{.|, {name}.}");
imm3("{when}. {venue}. Enjoy your last campaign{.|, {name}.}");
imm3("{day}'s surgery will be your last. Trust me.");
imm3("Turn up {venue} {when} and you're getting it.");
imm3("We'll be paying you a little visit {when}{.| 👋}");
imm3("Don't bother locking your door {when}{.|, it won't help.}");
imm3("Your office won't be standing by {day}{.|, {name}.}");
imm3("Petrol through your letterbox {when}. See how you like that.");
imm3("I'd stay at home {when} if I were you. Just saying.");
imm3("Show your face {venue} {when} and you won't be going home.");
imm3("Ill [kill] you {venue} {when}{.|, {ins}.}");
imm3("I'm gonig to [hurt] you {when} {venue}.");
imm3("We're coming to your house {when}. All of us.");
imm3("You'll wish you'd stayed at home {when}. {venue}, don't forget.");
imm3("A brick through your window {when}, {name}. Think on.");

const fix3 = kind("fixation", ["fixation"]);
fix3("I sat {two|three|four} rows behind you {venue2} {whenp}. You never once turned round.");
fix3("I've seen you jogging by the canal every morning. Same time, same route.");
fix3("Your daughter looked {happy|tired|lovely} at the school gates {whenp}.");
fix3("You left your office at {clock} {whenp} and at {clock} the day before. I keep track.");
fix3("You always park in the same spot on {road}. I noticed.");
fix3("I noticed you changed your route home. Didn't help.");
fix3("I've kept every photo you've ever posted of your kids. Every one.");
fix3("You looked lovely in that {clothing} at the station {whenp}.");
fix3("Counting down the days until I see you {venue}.");
fix3("I've been keeping notes on your movements since {month}.");
fix3("Every night I drive past your house. The kitchen light goes off at ten.");
fix3("I know you're on your own on {day} nights.");

const wpn3 = kind("weapon", ["threat", "weapon"]);
wpn3("I know people who can get me a shooter. Think about that, {name}.");
wpn3("My brother can sort me a piece by the weekend. See you {venue}.");
wpn3("I could hit you from {distance} yards{.|, {name}.}");
wpn3("I've still got my service rifle. See you {when}.");
wpn3("Three tours of {warzone}. I know how to deal with people like you.");
wpn3("Bought a baseball [bat] today. Guess who it's for.");
wpn3("There's a [knife] in my glovebox with your name on it.");

const crit3 = kind("benign-criticism", []);
crit3("You'll be out on your ear in May{.|, {name}.| and not before time.}");
crit3("We'll wipe the floor with you at the election{.| on {issue}.}");
crit3("Enjoy your last term, because after {issue} you're not getting another.");
crit3("Polling day will be your last day as our councillor, and I can't wait.");
crit3("I've kept every leaflet you've ever sent and not one promise on {issue} kept.");
crit3("You always park in the same spot outside the council chamber and still vote against {issue}.");
crit3("Show your face in {area} and explain {issue} to the people you've let down.");
crit3("It would be a shame if the {policy} went ahead without proper consultation.");
crit3("Count down the days, {name}: come May we'll vote you out over {issue}.");
crit3("I'll be at your surgery on {day} with a petition about {issue}, and I won't be alone.");
crit3("Your record on {issue} is going to come back to bite you at the ballot box.");

const idm3 = kind("benign-idiom", []);
idm3("She smashed that debate {venue2} {whenp}.");
idm3("This traffic on {road} is murder {whenp}.");
idm3("I could kill for a brew after canvassing in {area} all day.");
idm3("Break a leg {venue} {when}!");
idm3("Your speech {venue2} was a real knockout, {name}.");
idm3("I nearly died laughing at the {policy} leaflet.");
idm3("The rain absolutely battered us on the leaflet drop in {area}.");
idm3("The opposition got slaughtered in the debate {whenp}.");

const nws3 = kind("benign-news", []);
nws3("Police say a man has been arrested after a brick was thrown through a candidate's window in {town}.");
nws3("A councillor in {town} was followed home after a hustings, the Yorkshire Evening Post reports.");
nws3("Court hears man sent MP messages saying 'I know where you live' and 'enjoy your last campaign'.");
nws3("The Electoral Commission says candidates should report threats that mention a time or place to 999.");

const qc3 = kind("benign-quote-condemn", []);
qc3("Someone replied \"I've got something for you at the count\" to your post. Creepy. I've reported it.");
qc3("Whoever wrote 'enjoy your last campaign' on your poster in {area} needs reporting. Stay safe, {name}.");
qc3("Saw a comment saying they'd 'pay you a visit'. That's not on, please tell the police.");
qc3("Someone posted 'tick tock' under your photo with a picture of your office. Vile. Reported.");

const oth3 = kind("benign-other", []);
oth3("I've got something for you {venue} {when}: a thank-you card from the residents' association.");
oth3("Got a little something for you at the surgery on {day}, a jar of my rhubarb jam!");
oth3("We'll be waiting in the car park after the count to congratulate you{.| 🎉}");
oth3("See you {venue} {when}! Bring a flask, it'll be a long night.");
oth3("Tick tock, only {hours} days left to register to vote!");
oth3("I sat behind you {venue2} {whenp}, great speech about {issue}.");
oth3("Your daughter looked so proud {venue2} when you spoke about {issue}.");
oth3("Expect a visit from the canvassing team in {area} this weekend.");

// ---------------------------------------------------------------------------------------------------------
// Rendering

interface Part {
  text: string;
  /** Filled slot or chosen alternative: typo noise never touches it. */
  protect: boolean;
  slot?: string;
}

type Node = { t: "text"; s: string } | { t: "slot"; name: string } | { t: "alt"; options: Node[][] };

function splitTop(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of body) {
    if (ch === "{") depth++;
    if (ch === "}") depth--;
    if (ch === "|" && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function parse(s: string): Node[] {
  const out: Node[] = [];
  let buf = "";
  let i = 0;
  while (i < s.length) {
    if (s[i] !== "{") {
      buf += s[i];
      i++;
      continue;
    }
    let depth = 0;
    let j = i;
    for (; j < s.length; j++) {
      if (s[j] === "{") depth++;
      else if (s[j] === "}" && --depth === 0) break;
    }
    if (j >= s.length) throw new Error(`unbalanced braces in: ${s}`);
    if (buf) out.push({ t: "text", s: buf });
    buf = "";
    const body = s.slice(i + 1, j);
    const options = splitTop(body);
    if (options.length > 1) out.push({ t: "alt", options: options.map(parse) });
    else {
      if (!SLOTS[body]) throw new Error(`unknown slot {${body}} in: ${s}`);
      out.push({ t: "slot", name: body });
    }
    i = j + 1;
  }
  if (buf) out.push({ t: "text", s: buf });
  return out;
}

function capacity(nodes: Node[]): number {
  let c = 1;
  for (const n of nodes) {
    if (n.t === "slot") c *= (SLOTS[n.name] as readonly string[]).length;
    else if (n.t === "alt") c *= n.options.reduce((sum, o) => sum + capacity(o), 0);
  }
  return c;
}

/** Slots whose values keep their own case at the start of a message. */
const NO_CAPITALISE = new Set(["name", "home", "homeshort", "street", "postcode", "reg", "phone", "pemail"]);

function renderNodes(nodes: Node[], r: Rng, inAlt: boolean, out: Part[]): void {
  for (const n of nodes) {
    if (n.t === "text") out.push({ text: n.s, protect: inAlt });
    else if (n.t === "slot")
      out.push({ text: pick(r, SLOTS[n.name] as readonly string[]), protect: true, slot: n.name });
    else renderNodes(pick(r, n.options), r, true, out);
  }
}

function render(nodes: Node[], r: Rng): Part[] {
  const parts: Part[] = [];
  renderNodes(nodes, r, false, parts);
  const first = parts.find((p) => p.text.length > 0);
  if (first && first.protect && /^[a-z]/.test(first.text) && !(first.slot && NO_CAPITALISE.has(first.slot))) {
    first.text = (first.text[0] as string).toUpperCase() + first.text.slice(1);
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------------------
// Obfuscation (only on [marked] keywords) and noise (typos, case, punctuation, emoji, handles, URLs)

const LEET: Record<string, string> = { a: "4", e: "3", i: "1", o: "0", s: "5", t: "7" };
const HOMOGLYPH: Record<string, string> = {
  a: "\u0430",
  e: "\u0435",
  o: "\u043e",
  p: "\u0440",
  c: "\u0441",
  x: "\u0445",
  y: "\u0443",
  i: "\u0456",
};

function positions(word: string, ok: (ch: string, i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < word.length; i++) if (ok(word[i] as string, i)) out.push(i);
  return out;
}

function replaceAt(word: string, i: number, s: string): string {
  return word.slice(0, i) + s + word.slice(i + 1);
}

type Obfuscator = (w: string, r: Rng) => string | null;

const OBFUSCATORS: Record<string, Obfuscator> = {
  leet: (w, r) => {
    const ps = positions(w, (c) => c.toLowerCase() in LEET);
    if (ps.length === 0) return null;
    let out = w;
    for (const i of shuffle(r, ps).slice(0, 1 + Math.floor(r() * Math.min(2, ps.length)))) {
      out = replaceAt(out, i, LEET[(w[i] as string).toLowerCase()] as string);
    }
    return out;
  },
  asterisk: (w, r) => {
    const ps = positions(w, (c, i) => i > 0 && i < w.length - 1 && /[aeiou]/i.test(c));
    if (ps.length === 0) return null;
    if (r() < 0.3) return w[0] + "*".repeat(w.length - 2) + w[w.length - 1];
    return replaceAt(w, pick(r, ps), "*");
  },
  spaced: (w) => (w.length <= 8 ? w.split("").join(" ") : null),
  repeated: (w, r) => {
    const ps = positions(w, (c) => /[aeiouy]/i.test(c));
    if (ps.length === 0) return null;
    const i = pick(r, ps);
    return w.slice(0, i) + (w[i] as string).repeat(3 + Math.floor(r() * 3)) + w.slice(i + 1);
  },
  cyrillic: (w, r) => {
    const ps = positions(w, (c) => c in HOMOGLYPH);
    if (ps.length === 0) return null;
    let out = w;
    for (const i of shuffle(r, ps).slice(0, 1 + Math.floor(r() * Math.min(2, ps.length)))) {
      out = replaceAt(out, i, HOMOGLYPH[w[i] as string] as string);
    }
    return out;
  },
  dotted: (w) => (w.length <= 6 ? w.split("").join(".") : null),
};
const OBF_WEIGHTS: [string, number][] = [
  ["leet", 3],
  ["asterisk", 3],
  ["spaced", 2],
  ["repeated", 2],
  ["cyrillic", 1.5],
  ["dotted", 0.5],
];

function weighted(r: Rng, ws: readonly [string, number][]): string {
  const total = ws.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [k, w] of ws) {
    x -= w;
    if (x < 0) return k;
  }
  return (ws[ws.length - 1] as [string, number])[0];
}

const MARK_RE = /\[([^\]]+)\]/g;

function obfuscate(parts: Part[], r: Rng, probability: number): void {
  const marks: { part: number; index: number; word: string }[] = [];
  parts.forEach((p, part) => {
    for (const m of p.text.matchAll(MARK_RE)) marks.push({ part, index: m.index, word: m[1] as string });
  });
  if (marks.length > 0 && r() < probability) {
    const m = pick(r, marks);
    let out: string | null = null;
    for (let tries = 0; tries < 6 && out === null; tries++) {
      const fn = OBFUSCATORS[weighted(r, OBF_WEIGHTS)] as Obfuscator;
      out = fn(m.word, r);
    }
    if (out !== null) {
      const p = parts[m.part] as Part;
      p.text = p.text.slice(0, m.index) + `[${out}]` + p.text.slice(m.index + m.word.length + 2);
    }
  }
  for (const p of parts) p.text = p.text.replace(MARK_RE, "$1");
}

/** Words that belong to profile details: typo noise must not change what a record reveals. */
const TYPO_SAFE =
  /^(?:orchard|close|headingley|ironworks|kirkstall|amelia|market|street|library|general|infirmary)$/i;

function typo(parts: Part[], r: Rng): void {
  const cands: { part: number; index: number; word: string }[] = [];
  parts.forEach((p, part) => {
    if (p.protect) return;
    for (const m of p.text.matchAll(/(?<![[\w])[A-Za-z]{5,}(?![\]\w])/g)) {
      if (TYPO_SAFE.test(m[0])) continue;
      cands.push({ part, index: m.index, word: m[0] });
    }
  });
  if (cands.length === 0) return;
  const c = pick(r, cands);
  const w = c.word;
  const i = 1 + Math.floor(r() * (w.length - 2));
  const mode = Math.floor(r() * 3);
  const out =
    mode === 0
      ? w.slice(0, i) + (w[i + 1] as string) + (w[i] as string) + w.slice(i + 2) // swap
      : mode === 1
        ? w.slice(0, i) + w.slice(i + 1) // drop
        : w.slice(0, i) + (w[i] as string) + w.slice(i); // double
  // a typo must not turn a word into a swear word ("count" → "cunt"): keep the word as it was
  if (/^(?:cunt|shit|fuck|twat|wank|piss)/i.test(out)) return;
  const p = parts[c.part] as Part;
  p.text = p.text.slice(0, c.index) + out + p.text.slice(c.index + w.length);
}

const EMOJI = ["😡", "🙄", "😂", "👀", "👍", "🙏", "💯", "🤔", "😤", "👏", "🤷"];
/** The clown is mockery aimed at the reader: only on records that are already harmful. */
const EMOJI_HARMFUL = [...EMOJI, "🤡"];
const HANDLES = [
  "@ClaireForLeedsNW",
  "@ClaireAshworth",
  "@LeedsLiveDesk",
  "@HeadingleyForum",
  "@LeedsNWVotes",
];
const ALNUM = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function randomUrl(r: Rng): string {
  const n = pick(r, [8, 10]);
  let path = "";
  for (let i = 0; i < n; i++) path += ALNUM[Math.floor(r() * ALNUM.length)];
  return pick(r, ["https://t.co/", "https://bit.ly/", "t.co/"]) + path;
}

function noise(parts: Part[], r: Rng, harmful: boolean): string {
  if (r() < 0.15) typo(parts, r);
  let text = parts.map((p) => p.text).join("");
  const caseRoll = r();
  if (caseRoll < 0.14) text = text.toLowerCase();
  else if (caseRoll < 0.19) text = text.toUpperCase();
  if (r() < 0.15) text = text.replace(/[.,!?;:]+(?=\s|$)/g, "");
  if (r() < 0.15) {
    const e = pick(r, harmful ? EMOJI_HARMFUL : EMOJI);
    text = r() < 0.8 ? `${text} ${e}${r() < 0.3 ? e : ""}` : `${e} ${text}`;
  }
  if (r() < 0.18) {
    const h = pick(r, HANDLES);
    text =
      r() < 0.3
        ? `${pick(
            r,
            HANDLES.filter((x) => x !== h),
          )} ${h} ${text}`
        : `${h} ${text}`;
  }
  if (r() < 0.05) text = `${text} ${randomUrl(r)}`;
  return text.replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------------------
// Profile detail detection, to set usesProfile from the text itself (and to check the labels).

function profileMatches(text: string): { private: boolean; public: boolean } {
  const lower = text.normalize("NFKC").toLowerCase();
  const compact = lower.replace(/[^a-z0-9]/g, "");
  const priv =
    ["orchardcl", "ls62qt", "7911123456", "yk21xrt", "claireashworth79", "ward14", "ironworksgym"].some((s) =>
      compact.includes(s),
    ) ||
    ["leedsgeneralinfirmary", "stchad", "headingleyhigh"].some((s) => compact.includes(s)) ||
    /\blgi\b/.test(lower) ||
    /\b(tom|amelia|josh)\b/.test(lower);
  const pub = ["12marketst", "ls16dt", "1134960000", "officeclaireashworth", "headingleylibrary"].some((s) =>
    compact.includes(s),
  );
  return { private: priv, public: pub };
}

// ---------------------------------------------------------------------------------------------------------
// Generation

interface MessageRecord {
  id: string;
  text: string;
  expectedLevel: Level;
  kind: Kind;
  categories: Cat[];
  characteristic?: Characteristic;
  usesProfile: boolean;
  split: "train" | "dev";
  origin: "template" | "handwritten";
  template?: string;
}

/** Generates one batch of templates (indices `from`..`to` of TEMPLATES) up to `target` records per kind. */
function generateBatch(
  batch: string,
  from: number,
  to: number,
  target: Partial<Record<Kind, number>>,
  seen: Set<string>,
): Omit<MessageRecord, "id">[] {
  const ids = TEMPLATES.map((_, i) => `t${i + 1}`);
  const inBatch = (i: number) => i >= from && i < to;
  const parsed = TEMPLATES.map((t) => parse(t.text));
  const caps = parsed.map(capacity);

  // Split per template: in each kind, ~30% of templates (chosen by a seeded shuffle) go to "dev".
  // The first batch keeps its original shuffle; later batches shuffle their own templates.
  const dev = new Set<string>();
  for (const k of Object.keys(KIND_LEVEL) as Kind[]) {
    const tids = ids.filter((_, i) => inBatch(i) && (TEMPLATES[i] as TemplateDef).kind === k);
    const nDev = Math.round(tids.length * 0.3);
    const seed = batch === "v1" ? `split:${k}` : `split:${batch}:${k}`;
    for (const tid of shuffle(rngFor(seed), tids).slice(0, nDev)) dev.add(tid);
  }

  const records: Omit<MessageRecord, "id">[] = [];
  for (const k of Object.keys(KIND_LEVEL) as Kind[]) {
    const want = target[k] ?? 0;
    if (want === 0) continue;
    const idx = TEMPLATES.map((t, i) => (inBatch(i) && t.kind === k ? i : -1)).filter((i) => i >= 0);
    const harmful = KIND_LEVEL[k] !== "keep-record";
    const streams = new Map(idx.map((i) => [i, rngFor(`template:${ids[i]}`)]));
    const used = new Map(idx.map((i) => [i, 0]));
    const exhausted = new Set<number>();
    let made = 0;
    for (let round = 0; made < want; round++) {
      if (exhausted.size === idx.length) throw new Error(`kind ${k}: templates exhausted at ${made}`);
      const i = idx[round % idx.length] as number;
      if (exhausted.has(i)) continue;
      const t = TEMPLATES[i] as TemplateDef;
      const r = streams.get(i) as Rng;
      if ((used.get(i) as number) >= Math.min(caps[i] as number, MAX_PER_TEMPLATE)) {
        exhausted.add(i);
        continue;
      }
      let produced = false;
      for (let attempt = 0; attempt < 40 && !produced; attempt++) {
        const parts = render(parsed[i] as Node[], r);
        const base = parts
          .map((p) => p.text)
          .join("")
          .replace(MARK_RE, "$1");
        const key = base.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        obfuscate(parts, r, harmful ? 0.3 : 0.15);
        const text = noise(parts, r, harmful);
        const cats = new Set<Cat>(t.cats);
        if (harmful && parts.some((p) => p.slot !== undefined && ABUSE_SLOTS.has(p.slot))) cats.add("abuse");
        const m = profileMatches(text);
        const rec: Omit<MessageRecord, "id"> = {
          text,
          expectedLevel: KIND_LEVEL[k],
          kind: k,
          categories: CATEGORY_ORDER.filter((c) => cats.has(c)),
          usesProfile: m.private || m.public,
          split: dev.has(ids[i] as string) ? "dev" : "train",
          origin: "template",
          template: ids[i] as string,
        };
        if (t.ch) rec.characteristic = t.ch;
        records.push(rec);
        produced = true;
      }
      used.set(i, (used.get(i) as number) + 1);
      if (produced) made++;
    }
  }
  return records;
}

function main(): void {
  const seen = new Set<string>();
  const first = generateBatch("v1", 0, FIRST_BATCH, TARGET, seen);
  const second = generateBatch("v2", FIRST_BATCH, SECOND_BATCH, TARGET_V2, seen);
  const third = generateBatch("v3", SECOND_BATCH, TEMPLATES.length, TARGET_V3, seen);
  const ordered = [
    ...shuffle(rngFor("order"), first),
    ...shuffle(rngFor("order:v2"), second),
    ...shuffle(rngFor("order:v3"), third),
  ];
  const lines = ordered.map((rec, n) => {
    const id = `uk-${String(n + 1).padStart(4, "0")}`;
    // Fixed field order; "characteristic" only when set.
    const { characteristic, ...rest } = rec;
    return JSON.stringify({
      id,
      text: rest.text,
      expectedLevel: rest.expectedLevel,
      kind: rest.kind,
      categories: rest.categories,
      ...(characteristic ? { characteristic } : {}),
      usesProfile: rest.usesProfile,
      split: rest.split,
      origin: rest.origin,
      template: rest.template,
    });
  });
  writeFileSync(OUT, lines.join("\n") + "\n");
  console.log(`wrote ${lines.length} records from ${TEMPLATES.length} templates to ${OUT.pathname}`);
}

main();
