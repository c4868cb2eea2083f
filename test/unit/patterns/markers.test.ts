import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { markersOf } from "../../../src/core/patterns/index.ts";

const cases: [string, string[]][] = [
  // pathway: questions about home, children, car or routine; surveillance; weapons bought
  ["Where do you live? I'll find out.", ["pathway"]],
  ["I know where you live", ["pathway"]],
  ["Which school do your kids go to?", ["pathway"]],
  ["What car do you drive these days", ["pathway"]],
  ["I've been watching your office all week", ["pathway"]],
  ["I know your routine", ["pathway"]],
  ["Just bought a crossbow.", ["pathway"]],
  // surgery and office times only when menacing
  ["What time is your surgery on Friday? I want to ask about the bypass.", []],
  ["What time is your surgery? Traitors like you get what's coming.", ["pathway"]],
  ["I've been following your campaign with interest", []],
  ["We'll be outside your office on Friday with the petition", []],
  ["I know your schedule is busy, but please read this", []],
  ["I've been following your husband home from work", ["pathway"]],
  ["I know when you leave the house", ["pathway"]],
  // identification
  ["Remember Jo Cox.", ["identification"]],
  ["You'll end up like what happened to Sir David", ["identification"]],
  ["I'm a soldier for the cause", ["identification"]],
  ["I'm the one who will stop you", ["identification"]],
  ["Proud to support the Jo Cox Foundation's Great Get Together", []],
  ["As Jo Cox said, we have more in common than that which divides us", []],
  ["Just like what happened to the high street, the bypass will ruin us", []],
  // last resort
  ["I've got nothing left to lose", ["last-resort"]],
  ["You've left me no choice", ["last-resort"]],
  ["This is your last warning", ["last-resort"]],
  ["There is no other way to fund the bypass", []],
  ["Vote now before it's too late for the NHS", []],
  ["Act before it's too late, traitor, or I'll kill you", ["last-resort"]],
  // leakage
  ["Someone should shoot her", ["leakage"]],
  ["somebody needs to stab him", ["leakage"]],
  ["I'm gonna get him.", ["leakage"]],
  ["She won't see the end of the campaign", ["leakage"]],
  ["We will kill them at the polls!", []],
  ["I'm going to get her elected", []],
  ["He won't last the week as leader", []],
  ["Someone should sort out the potholes", []],
  // several at once, in WARNING_MARKERS order
  [
    "Nothing left to lose. Someone should stab her. I know where you live.",
    ["pathway", "last-resort", "leakage"],
  ],
  ["", []],
];

describe("markersOf", () => {
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected.join(", ") || "none"}`, () =>
      assert.deepEqual(markersOf(text), expected));
  }
});
