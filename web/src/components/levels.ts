// The four verdict levels in words: the app never relies on colour alone.
import type { VerdictLevel } from "../types.ts";

export const LEVEL_LABEL: Record<VerdictLevel, string> = {
  "call-999": "Call 999",
  "report-to-police": "Report to police",
  "report-to-platform": "Report to platform",
  "keep-record": "Keep a record",
};

export const LEVEL_MARK: Record<VerdictLevel, string> = {
  "call-999": "!!",
  "report-to-police": "!",
  "report-to-platform": "⚑",
  "keep-record": "✓",
};
