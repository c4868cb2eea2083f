// The message analyser: `analyse(text, profile?)` → level, categories, reasons with spans, scores.
// Pure and deterministic; no Node-only APIs, so it runs in the browser bundle too. Browser code that wants
// the model weights loaded lazily imports `loadAnalyser` from "./lazy.ts" instead of this module.
import { createAnalyser, type Analyser } from "./analyse.ts";
import { decodeModel } from "./model.ts";
import { MODEL_WEIGHTS } from "./model-weights.ts";
import type { CompiledProfile } from "./private-details.ts";
import type { Analysis } from "./types.ts";

export * from "./types.ts";
export { parseProfile, ProfileError, privateDetailsProfileSchema } from "./profile-schema.ts";
export {
  compileProfile,
  createAnalyser,
  createAnalyserFromEncoded,
  RULES_VERSION,
  type Analyser,
  type CompiledProfile,
} from "./analyse.ts";

let shipped: Analyser | undefined;

/** The analyser with the shipped rules and model, decoded on first use. */
export function shippedAnalyser(): Analyser {
  shipped ??= createAnalyser(MODEL_WEIGHTS ? decodeModel(MODEL_WEIGHTS) : null);
  return shipped;
}

/** Analyses one message with the shipped rules and model. */
export function analyse(text: string, profile?: CompiledProfile): Analysis {
  return shippedAnalyser().analyse(text, profile);
}
