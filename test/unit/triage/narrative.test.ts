// directSpeech: an incident account in the recorder's words → what the other person said or did, addressed
// to the reader, so that the message analyser can judge it. Unit checks of the rewriting, then behaviour
// through the real analyser: realistic accounts must reach their level, benign accounts must stay keep-record.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { directSpeech, type SpeechSegment } from "../../../src/core/triage/narrative.ts";
import { analyse, LEVEL_RANK, type Level } from "../../../src/core/analysis/index.ts";

/** The most serious level over every segment of the account. */
function levelOf(account: string): { level: Level; detail: string } {
  const segments = directSpeech(account);
  let level: Level = "keep-record";
  const lines: string[] = [];
  for (const s of segments) {
    const a = analyse(s.text);
    if (LEVEL_RANK[a.level] > LEVEL_RANK[level]) level = a.level;
    lines.push(`  ${s.kind} [${s.start},${s.end}) ${JSON.stringify(s.text)} → ${a.level}`);
  }
  return { level, detail: lines.join("\n") };
}

/** Every segment is well formed: in order, inside the account, quotes are exact slices. */
function assertWellFormed(account: string, segments: SpeechSegment[]): void {
  let previous = -1;
  for (const s of segments) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), JSON.stringify(s));
    assert.ok(0 <= s.start && s.start < s.end && s.end <= account.length, JSON.stringify(s));
    assert.ok(s.start >= previous, `segments out of order: ${JSON.stringify(segments)}`);
    previous = s.start;
    assert.ok(s.text.trim().length > 0, `empty segment: ${JSON.stringify(s)}`);
    if (s.kind === "quote") assert.equal(account.slice(s.start, s.end), s.text);
  }
}

describe("directSpeech: rewriting the recorder's account", () => {
  const cases: Array<[string, string[]]> = [
    ["He said he would kill me tonight.", ["I will kill you tonight."]],
    ["A man shouted that he knows where I live.", ["I know where you live."]],
    ["She told me I should kill myself.", ["You should kill yourself."]],
    ["He threatened to burn my house down.", ["I will burn your house down."]],
    ["He called me a stupid cow.", ["You stupid cow."]],
    [
      "He was waiting outside my house when I got home.",
      ["I am waiting outside your house when you got home."],
    ],
    ["He told me to kill myself.", ["Kill yourself."]],
    [
      "Man on the doorstep told me to go back where I came from.",
      ["On the doorstep. Go back where you came from."],
    ],
    ["He said he knew where I lived.", ["I know where you live."]],
    ["She said she'd been watching my house.", ["I've been watching your house."]],
    ["He said I'd be out on my ear in May.", ["You'll be out on your ear in May."]],
    ["He said I was a traitor and should hang.", ["You are a traitor and you should hang."]],
    ["He said he was going to punch my lights out.", ["I am going to punch your lights out."]],
    ["They said the bypass plan is daylight robbery.", ["The bypass plan is daylight robbery."]],
    ["He said the traffic was murder.", ["The traffic is murder."]],
    ["I told him I would call the police.", ["You told me you would call the police."]],
    ["I told him to go away.", ["You told me to go away."]],
    ["We delivered leaflets on Elm Street.", ["You delivered leaflets on Elm Street."]],
    ["The weather was awful all day.", ["The weather was awful all day."]],
    ["She grabbed her bag and walked off.", ["I grabbed my bag and walked off."]],
    ["I gave her a leaflet and she tore it up.", ["You gave me a leaflet and I tore it up."]],
    ["He followed me home from the station.", ["I followed you home from the station."]],
    ["Two lads followed me from the station.", ["I followed you from the station."]],
    ["He's been following me for weeks.", ["I've been following you for weeks."]],
    ["He said he'd better not see me again.", ["I'd better not see you again."]],
    [
      "The caller said he had my address and was coming round tonight.",
      ["I have your address and I am coming round tonight."],
    ],
    ["When I opened the door he said he'd kill me.", ["When you opened the door. I'll kill you."]],
    [
      "A man came to the door and said he knows where I live.",
      ["I came to the door. I know where you live."],
    ],
    [
      "At the count one of their supporters said I'd get my head kicked in.",
      ["At the count. You'll get your head kicked in."],
    ],
    ["He called me and said he would hurt me.", ["I called you. I will hurt you."]],
    ["She kept saying she hated me.", ["I hate you."]],
    ["told me id better watch my back", ["You'd better watch your back"]],
    ["I was told I would be sorry.", ["You will be sorry."]],
    ["He warned me not to come back.", ["Do not come back."]],
    ["He asked if I lived alone.", ["If you live alone."]],
    ["Mr. Jones at no. 8 said he knows my kids.", ["At no. 8. I know your kids."]],
    ["Dave Hughes from number 12 followed me down the road.", ["I followed you down the road."]],
    [
      "Someone replied to my tweet calling me a useless lying bitch.",
      ["I replied to your tweet. You useless lying bitch."],
    ],
    ["He said: I will kill you.", ["I will kill you."]],
    ["He said I know where you live.", ["I know where you live."]],
    ["He said, i'm going to kill you.", ["I'm going to kill you."]],
    ["1. He said he would kill me.", ["1. I will kill you."]],
    ["he said hed kill me", ["I'll kill you"]],
    [
      "A group of men followed me back to my car and one of them said they'd be seeing me soon.",
      ["I followed you back to your car. I'll be seeing you soon."],
    ],
    [
      "She said she'd been following my campaign on Facebook.",
      ["I've been following your campaign on Facebook."],
    ],
    ["He said that if I win he'll buy me a pint.", ["If you win I'll buy you a pint."]],
    ["A woman emailed saying she hoped my children got cancer.", ["I hope your children get cancer."]],
    ["I'm worried someone will hurt my kids.", ["I'm worried someone will hurt my kids."]],
    [
      "He said that I'd better watch out because he knew where my kids went to school.",
      ["You'd better watch out because I know where your kids go to school."],
    ],
    [
      "The bloke said he would come to my house tonight and kill me.",
      ["I will come to your house tonight and I will kill you."],
    ],
    ["He said that people like me deserved to be shot.", ["People like you deserve to be shot."]],
    [
      "He said he was watching the office and knew what time I leave.",
      ["I am watching the office and I know what time you leave."],
    ],
  ];
  for (const [account, expected] of cases) {
    it(account, () => {
      const segments = directSpeech(account);
      assertWellFormed(account, segments);
      assert.deepEqual(
        segments.map((s) => s.text),
        expected,
      );
      for (const s of segments) assert.equal(s.kind, "reported");
    });
  }

  it("splits sentences and keeps the offsets of each", () => {
    const account =
      "Knocked on a door in Elm Road. The man who answered said he'd smash my face in!\nThen he left.";
    const segments = directSpeech(account);
    assertWellFormed(account, segments);
    assert.deepEqual(
      segments.map((s) => account.slice(s.start, s.end)),
      ["Knocked on a door in Elm Road.", "The man who answered said he'd smash my face in!", "Then he left."],
    );
    assert.equal(segments[1]!.text, "The man who answered. I'll smash your face in!");
    assert.equal(segments[2]!.text, "Then I left.");
  });

  it("does not split at Mr. St. e.g. or times", () => {
    const account = "Mr. Smith said he'd see me at St. Mary's hall at 7.30pm, e.g. after the hustings.";
    assert.equal(directSpeech(account).length, 1);
  });

  it("returns sentences that mention no one unchanged", () => {
    const account = "Leafleting on the Fernhill estate.  Rain all afternoon!";
    const segments = directSpeech(account);
    assert.deepEqual(
      segments.map((s) => [s.text, account.slice(s.start, s.end)]),
      [
        ["Leafleting on the Fernhill estate.", "Leafleting on the Fernhill estate."],
        ["Rain all afternoon!", "Rain all afternoon!"],
      ],
    );
  });

  it("is deterministic and returns nothing for an empty account", () => {
    assert.deepEqual(directSpeech(""), []);
    assert.deepEqual(directSpeech("   \n\n "), []);
    const account = "He said he would kill me. She said 'go home'.";
    assert.deepEqual(directSpeech(account), directSpeech(account));
  });
});

describe("directSpeech: quotations", () => {
  const quoteCases: Array<[string, string[]]> = [
    ['He shouted "I know where you live" as I walked back to the car.', ["I know where you live"]],
    [
      "She leaned out of her car and screamed \u201cyou\u2019re dead, you hear me?\u201d",
      ["you\u2019re dead, you hear me?"],
    ],
    [
      "He wrote on my page: \u2018I\u2019ll be waiting for you at the count\u2019.",
      ["I\u2019ll be waiting for you at the count"],
    ],
    ["He said 'I'm going to hurt you' and walked off.", ["I'm going to hurt you"]],
    ["He said 'you're all liars' and Jones' dog barked.", ["you're all liars"]],
    ["'You lot are all liars' he said. 'Go away' he shouted.", ["You lot are all liars", "Go away"]],
    ["She said Jones' leaflet was rubbish and it's a shame, don't you think?", []],
    ["We knocked in the '90s and the 2000s.", []],
    [
      'A note through the door said "we know where you live. We know your car."',
      ["we know where you live. We know your car."],
    ],
    ["He said \"my son said 'you're finished'\" to me.", ["my son said 'you're finished'"]],
    ['An unmatched " quote and then nothing.', []],
  ];
  for (const [account, expected] of quoteCases) {
    it(account, () => {
      const segments = directSpeech(account);
      assertWellFormed(account, segments);
      const quotes = segments.filter((s) => s.kind === "quote");
      assert.deepEqual(
        quotes.map((s) => s.text),
        expected,
      );
      for (const q of quotes) assert.equal(account.slice(q.start, q.end), q.text);
    });
  }

  it("leaves the quoted words out of the reported sentence around them", () => {
    const account = 'He shouted "I know where you live" as I walked back to the car.';
    const reported = directSpeech(account).filter((s) => s.kind === "reported");
    assert.equal(reported.length, 1);
    assert.equal(reported[0]!.text, 'I shouted "…" as you walked back to the car.');
    assert.equal(reported[0]!.start, 0);
    assert.equal(reported[0]!.end, account.length);
  });
});

// ── behaviour through the analyser ────────────────────────────────────────────────────────────────────
// Written from how people describe incidents, before the code. `todo` marks what the analyser itself gets
// wrong even given the direct words; those still run, and say so when they start to pass.
interface Account {
  text: string;
  level: Level;
  todo?: string;
}

const INCIDENTS: Account[] = [
  // call-999
  { text: "He said he would kill me tonight.", level: "call-999" },
  { text: "A man shouted that he knows where I live.", level: "call-999" },
  { text: "He was waiting outside my house when I got home.", level: "call-999" },
  { text: 'He shouted "I know where you live" as I walked back to the car.', level: "call-999" },
  {
    text: "Phone call to the constituency office at 4.15pm from a withheld number. The caller said I'd be dead by Friday.",
    level: "call-999",
  },
  {
    text: "While I was canvassing on Oak Avenue a man came out of number 14 and said that if I knocked on his door again he would stab me.",
    level: "call-999",
  },
  {
    text: "A man in a red van pulled up next to me while I was leafleting and said he knew which school my kids go to.",
    level: "call-999",
  },
  {
    text: "Got a message on Facebook from a man I've never met saying he's been following me for weeks.",
    level: "call-999",
  },
  {
    text: "She said she'd been watching my house and knew what time my husband leaves for work.",
    level: "call-999",
  },
  {
    text: "My agent took a call from a man who said he would be waiting for me after the count.",
    level: "call-999",
  },
  {
    text: "Dave Hughes from number 12 followed me down the road shouting that he'd get me one night.",
    level: "call-999",
  },
  { text: "The caller said he had my address and was coming round tonight.", level: "call-999" },
  {
    text: "Got home to find a note pushed through the door saying 'we know where you live now'.",
    level: "call-999",
  },
  {
    text: "When I left the surgery a man was standing by my car and told me he would be watching me.",
    level: "call-999",
  },
  {
    text: "At the hustings a man stood up and said he'd be waiting for me in the car park afterwards.",
    level: "call-999",
  },
  {
    text: "He told me he has a knife and he'll use it on me if I come back to his street.",
    level: "call-999",
  },
  {
    text: "Someone posted my home address under my campaign video and wrote 'pay her a visit'.",
    level: "call-999",
  },
  {
    text: "The same man has been sitting in his car across the road from my house every evening this week.",
    level: "call-999",
  },
  { text: "Two lads followed me from the station all the way to my front door.", level: "call-999" },
  {
    text: "A man on a bike stopped me in the street and told me he knows where my daughter goes to school.",
    level: "call-999",
  },
  {
    text: "Letter arrived at my home address. It said that he knew my routine and I would never see it coming.",
    level: "call-999",
  },
  {
    text: "He wrote on my Facebook page: \u2018I\u2019ll be waiting for you at the count\u2019.",
    level: "call-999",
  },
  {
    text: "He's been ringing the office 20 times a day and says he won't stop until I'm gone.",
    level: "call-999",
  },
  // report-to-police
  { text: "She told me I should kill myself.", level: "report-to-police" },
  { text: "He threatened to burn my house down.", level: "report-to-police" },
  { text: "He told me to kill myself.", level: "report-to-police" },
  {
    text: "Knocked on a door in Elm Road. The man who answered said he'd smash my face in if I came back.",
    level: "report-to-police",
  },
  { text: "Someone commented on my post saying they hope I get raped.", level: "report-to-police" },
  {
    text: "a bloke in the pub said women like me should stay in the kitchen and keep out of politics",
    level: "report-to-police",
  },
  {
    text: "Man on the doorstep told me to go back where I came from.",
    level: "report-to-police",
  },
  { text: "He told me to go back to where I came from and slammed the door.", level: "report-to-police" },
  {
    text: "Letter came to the office, unsigned. It said that traitors like me should be hanged.",
    level: "report-to-police",
  },
  { text: "He said he was going to punch my lights out.", level: "report-to-police" },
  {
    text: "At the count one of their supporters said I'd get my head kicked in.",
    level: "report-to-police",
  },
  { text: "He kept saying people like me deserve a bullet.", level: "report-to-police" },
  {
    text: "The email said I was a traitor and should be hung from a lamppost.",
    level: "report-to-police",
  },
  { text: "He said Muslims like me have no place in this country.", level: "report-to-police" },
  {
    text: "Door 34, Mill Lane. Resident became aggressive, said he'd knock my teeth out if I ever came back.",
    level: "report-to-police",
  },
  {
    text: "Voicemail left on my mobile overnight: a man saying he's going to torch my office.",
    level: "report-to-police",
  },
  { text: "Graffiti sprayed on my campaign office: 'traitor, you're next'.", level: "report-to-police" },
  {
    text: "He said if I didn't drop out of the race he would make sure I regretted it.",
    level: "report-to-police",
  },
  {
    text: "A man in the audience shouted that I was a paedophile protector and should be strung up.",
    level: "report-to-police",
  },
  {
    text: "A group of lads outside the Co-op started chanting that they would burn my car.",
    level: "report-to-police",
  },
  {
    text: "I was handing out leaflets outside the station when a woman spat at me and said I deserved to be raped.",
    level: "report-to-police",
  },
  { text: "He grabbed my arm and said he would break my neck.", level: "report-to-police" },
  { text: "Bloke in the pub car park said I'd better watch my back.", level: "report-to-police" },
  { text: "told me id better watch my back or else", level: "report-to-police" },
  {
    text: "Received a DM on Instagram from an account with no followers saying they'd put me in the ground.",
    level: "report-to-police",
  },
  { text: "He said he hoped I would die of cancer.", level: "report-to-police" },
  { text: "he said hed kill me", level: "report-to-police" },
  { text: "He said: I will kill you.", level: "report-to-police" },
  {
    text: "A group of men followed me back to my car and one of them said they'd be seeing me soon.",
    level: "call-999",
  },
  {
    text: "Caller said he'd been outside my house last night and seen my kids in the garden.",
    level: "call-999",
  },
  { text: "He tweeted that someone should put a bullet in my head.", level: "report-to-police" },
  { text: "A woman emailed saying she hoped my children got cancer.", level: "report-to-police" },
  {
    text: "He punched me in the face outside the polling station.",
    level: "report-to-police",
  },
  {
    text: "He pulled a knife on me outside the Co-op.",
    level: "call-999",
  },
  {
    text: "The bloke said he would come to my house tonight and kill me.",
    level: "call-999",
  },
  {
    text: "My office manager took a call at 3pm. The caller wouldn't give his name. He said he was watching the office and knew what time I leave.",
    level: "call-999",
  },
  {
    text: "She kept telling me she'd make me pay.",
    level: "report-to-police",
  },
  {
    text: "He told me I was going to end up in hospital.",
    level: "report-to-police",
  },
  {
    text: "Someone sent a letter to my home saying that my family would be next.",
    level: "report-to-police",
  },
  {
    text: "She leaned out of her car window and screamed \u201cyou\u2019re dead, you hear me?\u201d",
    level: "report-to-police",
  },
  // report-to-platform
  { text: "He called me a stupid cow.", level: "report-to-platform" },
  { text: "Someone replied to my tweet calling me a useless lying bitch.", level: "report-to-platform" },
  { text: "She called me a fat ugly cow in front of my volunteers.", level: "report-to-platform" },
  { text: "A man shouted at me to fuck off back to London.", level: "report-to-platform" },
  { text: "He told me to shut my mouth.", level: "report-to-platform" },
  { text: "On the phone he said I was a useless waste of space.", level: "report-to-platform" },
  { text: "At the hustings a man called me a liar and a disgrace.", level: "report-to-platform" },
  {
    text: "Surgery, Sat 10am. Man came in, refused to sit down, told me I was a thick useless cow and walked out.",
    level: "report-to-platform",
  },
];

const BENIGN: Account[] = [
  { text: "He said he disagreed with my housing policy.", level: "keep-record" },
  { text: "She told me she would vote for someone else.", level: "keep-record" },
  { text: "A man asked when my next surgery is.", level: "keep-record" },
  { text: "He said I'd be out on my ear in May.", level: "keep-record" },
  { text: "They said the bypass plan is daylight robbery.", level: "keep-record" },
  { text: "I told him I would call the police.", level: "keep-record" },
  { text: "We delivered leaflets on Elm Street.", level: "keep-record" },
  { text: "He said the traffic was murder.", level: "keep-record" },
  { text: "I told him to go away.", level: "keep-record" },
  {
    text: "A woman on Church Lane said she'd never vote for my party and shut the door.",
    level: "keep-record",
  },
  { text: "He said my party was killing the high street.", level: "keep-record" },
  {
    text: "Canvassed 40 houses on the Fernhill estate with Sarah and Tom. Mostly positive, two posters up.",
    level: "keep-record",
  },
  { text: "A man told me he was going to vote us out at the next election.", level: "keep-record" },
  {
    text: "She said we'd get slaughtered in May.",
    level: "keep-record",
  },
  { text: "The caller wanted to know why the bins hadn't been collected on Monday.", level: "keep-record" },
  { text: "He shouted 'you're getting my vote!' from across the road.", level: "keep-record" },
  { text: "Somebody wrote 'Vote Green' on our poster.", level: "keep-record" },
  { text: "A resident complained that the council had let the park go to ruin.", level: "keep-record" },
  {
    text: "The chair of the residents' association said they would invite me to speak at their next meeting.",
    level: "keep-record",
  },
  {
    text: "He told me his son was killed in a crash on the bypass and he wants a speed camera.",
    level: "keep-record",
  },
  { text: "She said Jones' leaflet was full of lies and I shouldn't trust him.", level: "keep-record" },
  {
    text: "A man came up to me at the station and said he'd seen me on the news and wished me luck.",
    level: "keep-record",
  },
  { text: "Mrs. Patel at no. 8 said she'd been waiting three months for a new bin.", level: "keep-record" },
  {
    text: "He was angry about the potholes and said someone is going to get killed on that junction.",
    level: "keep-record",
  },
  { text: "My agent said the count would finish at about 3am.", level: "keep-record" },
  {
    text: "We knocked on 120 doors today and had some great conversations about the library.",
    level: "keep-record",
  },
  { text: "He said he'd fight my plans for the bypass every step of the way.", level: "keep-record" },
  {
    text: "A man at the hustings said I was wrong about the hospital and he'd be voting Labour.",
    level: "keep-record",
  },
  {
    text: "He told me I'd have his vote if I sorted out the parking on St. John's Road.",
    level: "keep-record",
  },
  {
    text: "The man at number 9 said he'd been following the campaign closely and liked our leaflet.",
    level: "keep-record",
  },
  { text: "I told him I'd be back next week with the survey results.", level: "keep-record" },
  {
    text: "She said she knows where I live because she's my neighbour, and asked me to fix the streetlight.",
    level: "keep-record",
  },
  {
    text: "Two women were waiting outside the hall to ask me about the school closures.",
    level: "keep-record",
  },
  { text: "He said he'd been watching the debate on TV and thought I did well.", level: "keep-record" },
  { text: "I'm worried someone will hurt my kids if this carries on.", level: "keep-record" },
  { text: "He said he would kill for a cup of tea after all that canvassing.", level: "keep-record" },
  {
    text: "She told me her husband would kill her if he found out she voted for me.",
    level: "keep-record",
  },
  { text: "They told us to get off their property.", level: "keep-record" },
  { text: "He said he'd be watching the count on TV.", level: "keep-record" },
  { text: "We were told the hall would be locked at 9pm.", level: "keep-record" },
  {
    text: "A woman told me she was scared to walk home at night because of the streetlights.",
    level: "keep-record",
  },
  { text: "I knocked and a man answered, said he was busy and closed the door.", level: "keep-record" },
  {
    text: "He said we should hang our posters in the window.",
    level: "keep-record",
  },
  {
    text: "They said they're going to beat us in May.",
    level: "keep-record",
  },
];

describe("directSpeech: incident accounts reach at least their level through the analyser", () => {
  for (const account of INCIDENTS) {
    const options = account.todo ? { todo: account.todo } : {};
    it(`${account.level}: ${account.text}`, options, () => {
      const { level, detail } = levelOf(account.text);
      assertWellFormed(account.text, directSpeech(account.text));
      assert.ok(
        LEVEL_RANK[level] >= LEVEL_RANK[account.level],
        `expected at least ${account.level}, got ${level}:\n${detail}`,
      );
    });
  }
});

describe("directSpeech: benign accounts stay keep-record", () => {
  for (const account of BENIGN) {
    const options = account.todo ? { todo: account.todo } : {};
    it(account.text, options, () => {
      const { level, detail } = levelOf(account.text);
      assert.equal(level, "keep-record", `expected keep-record, got ${level}:\n${detail}`);
    });
  }
});

describe("directSpeech: any text", () => {
  const fragments = [
    "He said ",
    "she told me ",
    "I ",
    "my ",
    "me ",
    "they'd ",
    "hed ",
    "a man in a red van ",
    "Mr. ",
    "Jones' ",
    "don't ",
    "'",
    "\u2018",
    "\u2019",
    '"',
    "\u201c",
    "\u201d",
    ". ",
    "! ",
    "?",
    "\n",
    "\r\n",
    ", ",
    ": ",
    "kill ",
    "would ",
    "that ",
    "and ",
    "to ",
    "called me a ",
    "threatened to ",
    "1. ",
    "\u{1F600}",
    "\u00e9t\u00e9 ",
    "   ",
  ];
  const accounts = fc
    .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })), { maxLength: 40 })
    .map((parts) => parts.join(""));

  it("segments are in order, inside the account, quotes exact, and the same every time", () => {
    fc.assert(
      fc.property(accounts, (account) => {
        const segments = directSpeech(account);
        assertWellFormed(account, segments);
        assert.deepEqual(directSpeech(account), segments);
        for (const s of segments) if (s.kind === "reported") assert.ok(!s.text.includes("\n"), s.text);
      }),
      { numRuns: 500, seed: 20260501 },
    );
  });
});

describe("directSpeech: size and speed", () => {
  /** The fastest of a few runs, after warming up: the time the function itself needs. */
  const fastest = (text: string): number => {
    for (let i = 0; i < 8; i++) directSpeech(text);
    let best = Infinity;
    for (let i = 0; i < 8; i++) {
      const started = performance.now();
      directSpeech(text);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };

  it("handles a 20,000-character account in a few milliseconds", () => {
    const paragraph =
      "Knocked on doors on Elm Road with Sarah. A man at number 14 said he'd vote for us. " +
      'Then a man in a red van pulled up and shouted "I know where you live" at me. ' +
      "He said he would be waiting for me after the count, and his mate called me a stupid cow.\n";
    let account = "";
    while (account.length < 20_000) account += paragraph;
    const segments = directSpeech(account);
    assertWellFormed(account, segments);
    assert.ok(segments.length > 300);
    const elapsed = fastest(account);
    assert.ok(elapsed < 25, `took ${elapsed.toFixed(1)} ms`);
  });

  it("does not blow up on pathological input", () => {
    const units = [
      "'a ",
      "\u2018x ",
      "he said ",
      "a man in a ",
      '"',
      "Mr. ",
      "and said that ",
      "x",
      "told me to ",
      "and ",
      "he said just ",
      "he'd never ",
      "? ",
      "\n",
    ];
    for (const unit of units) {
      const text = unit.repeat(Math.ceil(20_000 / unit.length));
      const elapsed = fastest(text);
      assert.ok(
        elapsed < 60,
        `${JSON.stringify(unit)} × ${text.length / unit.length} took ${elapsed.toFixed(1)} ms`,
      );
    }
  });
});
