// Evidence packs (DESIGN.md capability 8): the manifest and its signature, offline verification, and
// the platform report texts. Pure: the server loads the records and writes the ZIP and PDF.
export {
  PACK_FORMAT,
  MANIFEST_PATH,
  SIGNATURE_PATH,
  PACK_CONTROL_FILES,
  isSafePackPath,
  manifestBytes,
  normaliseManifest,
  parseManifest,
  type Manifest,
  type ManifestFile,
  type PackScope,
  type ParsedManifest,
} from "./manifest.ts";
export {
  SIGNATURE_ALGORITHM,
  ED25519_PKCS8_PREFIX,
  ED25519_SPKI_PREFIX,
  ed25519Verify,
  keyFingerprint,
  keyMatches,
  normaliseFingerprint,
  parseSignature,
  type PackSignature,
  type VerifySignature,
} from "./signature.ts";
export {
  verifyPack,
  type PackProblem,
  type PackProblemKind,
  type PackReport,
  type VerifyOptions,
} from "./verify.ts";
export {
  concernsOf,
  hasPlatformReport,
  platformReport,
  ukDateTime,
  type PlatformReport,
  type PlatformReportInput,
} from "./platform-report.ts";
export {
  CONCERNS,
  PLATFORM_RULES,
  type Concern,
  type PlatformRule,
  type PlatformRules,
} from "./platform-rules.ts";
export {
  PackScopeSchema,
  dateRangeBounds,
  isRangeBound,
  packScopeOf,
  startOfLondonDay,
  type PackScopeInput,
} from "./scope.ts";
