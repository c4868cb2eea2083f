// The version of the triage rule set (questions, offences, advice, contacts and pattern rules).
// Stored with every verdict; bump it whenever a rule, a level or a wording that changes meaning changes.
export const RULESET_VERSION = "triage-2026.11.3";
