// A deterministic, realistic mixture of messages a candidate receives, for the `shield analyse` benchmark:
// mostly ordinary political chatter of varied length, some insults, some threats, some with phone numbers
// or addresses (a few of them the candidate's registered private ones), ~2% long (1–4 KB), some non-ASCII.
import { createRng, type Rng } from "../src/core/demo/prng.ts";

/** The candidate's private-details register that the benchmark passes with --profile. */
export const BENCH_PROFILE = {
  name: "Alex Morgan",
  private: {
    homeAddress: "12 Acacia Avenue, Leeds LS6 2AB",
    phones: ["07911 123456"],
    emails: ["alex.morgan.home@example.org"],
    family: ["Sam Morgan"],
    schools: ["Headingley Primary School"],
    vehicles: ["YA19 KZT"],
  },
  public: {
    offices: ["1 Civic Square, Leeds LS1 1AA"],
    phones: ["0113 496 0000"],
    emails: ["alex@party.example.org"],
    events: ["Hustings at Leeds Town Hall"],
  },
};

const PLACES = ["Headingley", "Armley", "Roundhay", "Kirkstall", "Chapel Allerton", "Beeston", "Otley"];
const STREETS = ["Station Road", "Church Lane", "Victoria Street", "Mill Hill", "Park Avenue", "The Green"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "polling day"];
const ISSUES = [
  "bus cuts",
  "new housing estate",
  "library closure",
  "potholes",
  "GP waiting times",
  "bin collections",
  "school places",
  "clean air zone",
];
const PARTIES = ["Labour", "Conservative", "Lib Dem", "Green", "Reform", "independent"];
const INSULTS = ["idiot", "clown", "muppet", "disgrace", "liar", "joke", "waste of space", "fraud"];

const BENIGN = [
  "Will you be at the hustings in {place} on {day}?",
  "Thanks for the leaflet, I'll read it properly later.",
  "What is your position on the {issue}?",
  "The bins on {street} haven't been collected for three weeks.",
  "Great turnout at the street stall in {place} today!",
  "I've voted {party} all my life but your stance on the {issue} worries me.",
  "Can you sign our petition about the {issue}?",
  "Who do I contact about a postal vote?",
  "The bus to {place} has been cancelled again, what will you actually do about it?",
  "Congratulations on being selected, good luck in the campaign.",
  "Your canvassers were very polite on {street} this morning.",
  "I disagree with almost everything your party stands for, but thanks for replying.",
  "Is there a surgery in {place} before {day}? I'd like to talk about the {issue}.",
  "The council has ignored {street} for years. Prove you're different.",
  "Saw your interview on local radio, you made some fair points on the {issue}.",
  "Please stop sending leaflets to {street}, we get four a week.",
  "How will you vote on the {issue} if you're elected?",
  "Lovely to meet you at the community centre in {place}.",
];
const THREATS = [
  "I know where you live.",
  "You'll get what's coming to you at the count on {day}.",
  "Watch your back, I'll be waiting outside your office on {street}.",
  "Someone should put a brick through your window.",
  "Keep campaigning and see what happens to your family.",
  "I've got a knife and I know your route home from {place}.",
  "People like you end up hurt. Think about it before {day}.",
];
const CONTACT = [
  "Call me on 07700 900{nnn} about the planning meeting.",
  "My address is {n} {street}, {place} LS6 {n}AB if you want to visit.",
  "His home number is 0113 496 0{nnn}, tell him what you think.",
  "She lives at {n} {street}, {place}, everyone round here knows it.",
  "You can reach the office on 0113 496 0000 on {day}.",
];
const REVEALING = [
  "ring him on +44 7911 123456 tonight",
  "Everyone should know Alex lives at 12 Acacia Avenue, Leeds LS6 2AB.",
  "Nice car, YA19 KZT. Parked outside Headingley Primary School again I see.",
];
const NON_ASCII = [
  "Diolch am eich gwaith caled yn {place} 👏🏽",
  "Très bien dit ! On vous soutient 🇫🇷🇬🇧",
  "Dziękuję za pomoc z {issue} 🙏",
  "Brilliant work on the {issue} 💪🔥",
  "Ymgyrch wych — pob lwc ddydd Iau ✨",
  "آپ کی محنت کا شکریہ، {place}",
  "谢谢你为{place}做的一切 🌟",
  "Shame on you 🤡🤡🤡 total {insult}",
];

function fill(template: string, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case "place":
        return rng.pick(PLACES);
      case "street":
        return rng.pick(STREETS);
      case "day":
        return rng.pick(DAYS);
      case "issue":
        return rng.pick(ISSUES);
      case "party":
        return rng.pick(PARTIES);
      case "insult":
        return rng.pick(INSULTS);
      case "n":
        return String(rng.int(1, 99));
      case "nnn":
        return String(rng.int(0, 999)).padStart(3, "0");
      default:
        return slot;
    }
  });
}

function benign(rng: Rng, sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(fill(rng.pick(BENIGN), rng));
  return parts.join(" ");
}

function insult(rng: Rng): string {
  const insultWord = rng.pick(INSULTS);
  return rng.pick([
    `You are a useless ${insultWord}.`,
    `Absolute ${insultWord}, resign now.`,
    `Nobody will vote for a ${insultWord} like you. ${benign(rng, 1)}`,
    `shut up you ${insultWord}`,
    `${benign(rng, 1)} Honestly you're a ${insultWord}.`,
  ]);
}

function longMessage(rng: Rng): string {
  const target = rng.int(1024, 4096);
  let text = "";
  while (text.length < target) text += `${benign(rng, 1)}${rng.chance(0.2) ? "\n\n" : " "}`;
  return text.trim();
}

/** Successive message texts: the same sequence for the same seed. */
export function messageGenerator(seed: number): () => string {
  const rng = createRng(seed);
  return () => {
    const draw = rng.next();
    if (draw < 0.02) return longMessage(rng);
    if (draw < 0.1) return insult(rng);
    if (draw < 0.14) return fill(rng.pick(THREATS), rng);
    if (draw < 0.18) return fill(rng.pick(CONTACT), rng);
    if (draw < 0.185) return rng.pick(REVEALING);
    if (draw < 0.24) return fill(rng.pick(NON_ASCII), rng);
    return benign(rng, rng.chance(0.7) ? 1 : rng.int(2, 4));
  };
}
