// Runs the analyser on every text of an incident. Evidence text is the message exactly as received
// and is analysed as it is. The summary and description are the recorder's own account ("he said he
// would…"), so they are first turned into what the other person said (./narrative.ts), and each
// reason's span is mapped back onto the account.
import type { Analyser, CompiledProfile } from "../analysis/index.ts";
import type { Reason, Span } from "../analysis/types.ts";
import type { AnalysedText } from "./facts.ts";
import { directSpeech, type SpeechSegment } from "./narrative.ts";

export interface IncidentTexts {
  summary: string;
  description: string;
  evidence: readonly { id: string; text: string }[];
}

function spanInAccount(account: string, segment: SpeechSegment, span: Span): Span {
  if (segment.kind === "quote") {
    const start = segment.start + span.start;
    return { start, end: segment.start + span.end, text: account.slice(start, segment.start + span.end) };
  }
  // A rewritten sentence has other offsets: point at the whole sentence of the account.
  return { start: segment.start, end: segment.end, text: account.slice(segment.start, segment.end) };
}

function analyseAccount(
  analyser: Analyser,
  field: "summary" | "description",
  account: string,
  profile: CompiledProfile | undefined,
): AnalysedText[] {
  if (!account.trim()) return [];
  return directSpeech(account).map((segment) => {
    const analysis = analyser.analyse(segment.text, profile);
    return {
      field,
      analysis,
      reasons: analysis.reasons.map((r): Reason => ({ ...r, span: spanInAccount(account, segment, r.span) })),
      words: segment.text,
      spoken: segment.kind === "quote",
    };
  });
}

export function analyseIncidentTexts(
  analyser: Analyser,
  texts: IncidentTexts,
  profile: CompiledProfile | undefined,
): AnalysedText[] {
  const evidence = texts.evidence.map((e): AnalysedText => {
    const analysis = analyser.analyse(e.text, profile);
    return {
      field: "evidence",
      evidenceId: e.id,
      analysis,
      reasons: analysis.reasons,
      words: e.text,
      spoken: true,
    };
  });
  return [
    ...analyseAccount(analyser, "summary", texts.summary, profile),
    ...analyseAccount(analyser, "description", texts.description, profile),
    ...evidence,
  ];
}
