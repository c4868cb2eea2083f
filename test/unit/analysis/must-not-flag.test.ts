// keep-record: robust political criticism, quotes condemning abuse, negated hate, mentions of identity,
// idioms, news about violence, questions about the office or surgery, swearing at no one, kind words.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertLevel, run, show } from "./support.ts";

const groups: Record<string, string[]> = {
  "robust political criticism, including violent-sounding metaphors": [
    "You'll be out on your ear in May.",
    "We'll wipe the floor with you at the election.",
    "This plan is daylight robbery.",
    "Your cuts are strangling the high street.",
    "We're going to destroy you at the ballot box.",
    "Your party is going to get slaughtered in May.",
    "This budget is a massacre for public services.",
    "Your housing policy is killing this town.",
    "You should resign over the bus lane fiasco.",
    "I'll fight your plans for the bypass every step of the way.",
    "We're coming for your seat and we're going to take it.",
    "Your council tax rise is a kick in the teeth for pensioners.",
    "You're toast at the next election, mate.",
    "Your figures don't add up and you know it. I won't be voting for you.",
    "We'll be outside the town hall on Saturday to protest against your housing plan.",
    "The council is bleeding this town dry and you've done nothing to stop it.",
  ],
  "quoting abuse in order to condemn it": [
    'Someone shouted "go back to your own country" at you on Saturday. That is disgusting and I have reported it.',
    "I saw the tweet calling you a \u201cstupid bitch\u201d. Whoever wrote it should be ashamed of themselves.",
    'Telling a candidate to "kill yourself" is vile and it has no place in our politics.',
    'The man who wrote "someone should shoot you" under your post has been reported to the police. Stay safe.',
    "Saying 'I hope you get raped' to any woman in public life is appalling. Sorry you had to read that.",
  ],
  "negated hate": [
    "I don't hate Muslims, I just think your housing policy is wrong.",
    "I'm not homophobic and I'd never abuse anyone for being gay.",
    "Nobody should be abused because of their race, and I'm sorry it happened to you.",
    "I would never wish harm on you, even though I disagree with you on everything.",
    "There is no excuse for racism or sexism in this campaign.",
    "I'm not going to threaten anyone; I'm going to vote you out.",
  ],
  "neutral or positive mention of a group or identity": [
    "I am a gay man.",
    "Being Muslim is wonderful.",
    "You are a kind African.",
    "Great to see the Sikh community at the hustings.",
    "As a disabled resident, I'd like to know how you'll improve bus access.",
    "My wife and I are a lesbian couple and we'd like to know your position on adoption.",
    "The Jewish community centre would love you to visit.",
    "Trans people in Leeds need better healthcare. What will you do about it?",
    "As a Black woman I was delighted to see you at the mosque open day.",
    "Women make up half the electorate, so what's your plan for childcare?",
  ],
  idioms: [
    "She smashed that debate.",
    "This traffic is murder.",
    "He nailed the interview.",
    "You absolutely killed it at the hustings last night!",
    "Break a leg at the count tonight!",
    "My feet are killing me after that leaflet drop.",
    "I could murder a bacon sandwich after all that canvassing.",
    "You knocked them dead at the debate on Saturday.",
    "Your speech blew everyone away.",
    "That question really shot down his argument.",
  ],
  "news and reports about violence": [
    "A man was stabbed in Leeds city centre on Saturday night. Will you push for more police patrols?",
    "Police are investigating a shooting near the station last week.",
    "Jo Cox was murdered in 2016 and candidates still face threats. What will you do to protect your staff?",
    "The BBC reports that a councillor's car was set on fire in Bradford.",
    "A man has been charged with threatening to kill an MP, according to the Yorkshire Post.",
    "There was a knife attack outside the Co-op last night, my kids are scared to walk to school.",
  ],
  "questions about the candidate's public office, surgery and events": [
    "What time is your surgery on Saturday?",
    "Where is your constituency office?",
    "Will you be at the count tonight?",
    "Are you speaking at the hustings at St Mary's church on Thursday?",
    "Can I bring my neighbour to your surgery next week?",
    "Which polling station should I use if I've moved house?",
    "When's the next leaflet drop? I'd love to help out.",
    "Is your office open on bank holidays?",
  ],
  "kind words and ordinary constituent mail": [
    "Thank you for sorting out the potholes on Otley Road.",
    "I've been following your campaign closely and I'm really impressed.",
    "Counting down the days until polling day, good luck!",
    "I've planned a coffee morning for your campaign on Saturday.",
    "You're a skilled debater, you'll do great.",
    "I'll be at the count tonight to cheer you on.",
    "My number is 07700 900123 if you want to call me back about the flooding.",
    "I live at 4 Beech Grove, Leeds LS6 3AB and our bins haven't been collected for three weeks.",
  ],
  "weapons and blows not aimed at the reader, and figures of speech": [
    "The chef pulled a knife from the block.",
    "She waved a flag at you from the crowd.",
    "Someone pulled a knife on me outside the Co-op last night, what are you doing about knife crime?",
    "I heard he pulled a knife on you. Are you OK?",
    "I'm so sorry someone punched you at the hustings. I hope they catch him.",
    "She stabbed you in the back at the council meeting.",
    "He pushed you for an answer on housing.",
    "They attacked you in the press.",
    "They hit you with a parking fine.",
    "That speech knocked you down a peg.",
  ],
  "an election result in violent words": [
    "You'll get slaughtered in May.",
    "I'm going to beat you in May.",
    "We're going to beat you at the ballot box.",
    "Your lot will get hammered at the polls.",
  ],
  "everyday hang, pay, next and dead": [
    "You should hang your posters in the window.",
    "You should hang a banner from the balcony.",
    "You should be hung out to dry over this.",
    "We'll make the council pay for the new road.",
    "I'll make you pay for the coffee next time.",
    "Your son is next on the list for the school trip.",
    "You're dead right about the buses.",
    "You're dead to me.",
  ],
  "neighbours, constituents and the candidate's public details": [
    "I know where you live because I'm your neighbour, and I'd like you to fix the streetlight.",
    "We're neighbours, so I know where you live. Can you look at the streetlight?",
    "I've rung your office five times this week about the bins and nobody answers.",
    "I've been ringing your office every day about the flooding and nobody calls back.",
    "I've shared your office address with the residents' group.",
    "I posted a letter to your address.",
    "Whoever has been posting your home address online, it has been reported to the police.",
    "We were parked outside your office for the leaflet drop.",
    "A woman said she'd never vote for your party and shut the door.",
    "They had to shut the library down and nobody asked us.",
  ],
  "swearing not aimed at anyone": [
    "Bloody hell, the trains were late again.",
    "Damn, I missed the hustings. Is there a recording?",
    "The new parking charges are a load of bollocks.",
  ],
  "campaign talk that sounds like watching, visiting or counting down (written blind to the rules)": [
    "Your campaign is going up in flames after that interview.",
    "You'll wish you'd stayed at home on election night when the results come in.",
    "You're getting it in the neck from every voter on this estate.",
    "I sat two rows behind you at the hustings last night and thought you answered well.",
    "I see you jogging past every morning, keep it up!",
    "You always park in the same spot outside the surgery and block my drive, please stop.",
    "We'll settle this at the ballot box on Thursday.",
    "Let's see how brave you are at the hustings when the housing question comes up.",
    "Your party won't be standing a candidate here next time, mark my words.",
    "The pub will be your last chance to talk to voters before polling day.",
    "This will be your last term as councillor if you keep ignoring us.",
    "I've got something for you at the count, a bottle of fizz from the team.",
    "Counting down the days until polling day!",
    "I noticed you changed your route for the leaflet drop, good idea.",
    "I've kept every leaflet you've posted through my door.",
    "Tick tock, only three days left to register to vote.",
    "Don't bother locking your door, nobody round here steals anything.",
    "Every night I drive past your office and the lights are still on, you work hard.",
    "Don't say you weren't warned about the potholes on Kirkstall Road.",
    "Bring a brolly to the count tonight, it's going to pour.",
  ],
};

for (const [group, texts] of Object.entries(groups)) {
  describe(`keep-record: ${group}`, () => {
    for (const text of texts) it(text, () => assertLevel(run(text), "keep-record"));
  });
}

describe("keep-record: strong swearing not aimed at anyone is recorded as profanity without raising the level", () => {
  for (const text of [
    "Fucking hell, the bins still haven't been collected on our street.",
    "The state of the roads round here is shit.",
    "Absolute shitshow at the council meeting, fucking unbelievable.",
  ]) {
    it(text, () => {
      const a = run(text);
      assertLevel(a, "keep-record");
      assert.ok(
        a.categories.includes("profanity"),
        `expected the swearing to be recorded as profanity: ${show(a)}`,
      );
    });
  }
});
