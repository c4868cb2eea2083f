// A verdict as a person reads it: what to do now and who to call, why, and the words that show it.
import type { Analysis, Level, Reason } from "../core/analysis/index.ts";

const WIDTH = 78;
const QUOTE_LIMIT = 160;

const ADVICE: Record<Level, { headline: string; nextStep: string }> = {
  "call-999": {
    headline: "Call 999 now if you are in immediate danger.",
    nextStep:
      "This message suggests you could be at risk of harm. If you are not in immediate danger, report it " +
      "to the police today: call 101 or your force's single point of contact (SPOC) for candidates. " +
      "Keep the message; do not delete it.",
  },
  "report-to-police": {
    headline: "Report this message to the police.",
    nextStep:
      "Call 101, the police non-emergency number, or your force's single point of contact (SPOC) for " +
      "candidates. Keep the message as evidence. If you ever feel in immediate danger, call 999.",
  },
  "report-to-platform": {
    headline: "Report this message to the platform it was sent on.",
    nextStep:
      "Use the site's or app's report button, and keep a screenshot that shows the sender and the date. " +
      "If it turns threatening, call 101, or 999 if you are in immediate danger.",
  },
  "keep-record": {
    headline: "Keep a record of this message.",
    nextStep:
      "Nothing in it needs reporting on its own, but keep it: several messages together can show a " +
      "pattern worth reporting. If anything makes you feel unsafe, call 101, or 999 in an emergency.",
  },
};

export function verdictText(analysis: Analysis): string {
  const advice = ADVICE[analysis.level];
  const lines = [advice.headline, ...wrap(advice.nextStep, ""), ""];
  if (analysis.reasons.length === 0) {
    lines.push(
      ...wrap("Why: nothing in this message matched the rules for threats, abuse or private details.", ""),
    );
  } else {
    lines.push("Why:");
    // Two rules can fire on the same words with the same explanation: a person needs to read it once.
    const shown = new Set<string>();
    for (const reason of analysis.reasons) {
      const key = `${reason.explanation}\u0000${reason.span.start}:${reason.span.end}`;
      if (shown.has(key)) continue;
      shown.add(key);
      lines.push(...reasonLines(reason));
    }
  }
  lines.push("", `Categories: ${analysis.categories.join(", ") || "none"}`);
  if (analysis.characteristics.length > 0)
    lines.push(`Protected characteristics: ${analysis.characteristics.join(", ")}`);
  return lines.join("\n");
}

function reasonLines(reason: Reason): string[] {
  const words = reason.span.text.replace(/\s+/g, " ").trim();
  const quoted = words.length > QUOTE_LIMIT ? `${words.slice(0, QUOTE_LIMIT - 1)}…` : words;
  return [...wrap(`• ${reason.explanation}`, "  "), ...(quoted ? wrap(`“${quoted}”`, "    ", "    ") : [])];
}

/** Word-wraps text to WIDTH columns; continuation lines get `indent`, the first gets `first`. */
function wrap(text: string, indent: string, first = ""): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(" ")) {
    const candidate = line.trim() === "" ? `${line}${word}` : `${line} ${word}`;
    if (candidate.length > WIDTH && line.trim() !== "") {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = candidate;
  }
  lines.push(line);
  return lines;
}
