// The pattern engine: who is the same person, and what their incidents add up to.
export * from "./types.ts";
export {
  groupActorsIntoPeople,
  suggestedLinks,
  MIN_SHARED_DESCRIPTION_WORDS,
  type SuggestedLink,
} from "./people.ts";
export { themesOf, MAX_THEMES } from "./themes.ts";
export { markersOf } from "./markers.ts";
export { findingsAt, levelWithFindings, noActorFindings } from "./findings.ts";
export { recomputePatterns, currentFindings } from "./recompute.ts";
export {
  compareIncidents,
  DAY_MS,
  DEFAULT_PATTERN_OPTIONS,
  NO_FACTS,
  resolveOptions,
  type PatternOptions,
} from "./history.ts";
