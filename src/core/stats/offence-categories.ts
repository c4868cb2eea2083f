// Offence categories for national statistics: the possible offences of a verdict (src/core/triage/offences.ts)
// grouped into a few kinds that read the same in every nation. Rows follow the CPS guide's headings
// (shared/research/domain-rules.md §1), with the Scottish and Northern Irish offences placed beside their
// England and Wales counterparts. A verdict says an incident "may constitute" these: the statistics count
// what the verdicts said, not charges or convictions.

export interface OffenceCategory {
  id: string;
  label: string;
  /** Offence ids (OFFENCES[].id) in this category. */
  offences: readonly string[];
  source: string;
}

const CPS =
  "CPS guide to offences against candidates (headings), shared/research/domain-rules.md §1; offences as in src/core/triage/offences.ts";

export const OFFENCE_CATEGORIES: readonly OffenceCategory[] = [
  {
    id: "threats",
    label: "Threats (to kill, of serious harm, or to sway a vote)",
    offences: ["OAPA16", "OSA181", "SC-THREATS", "RPA114A"],
    source: `${CPS}: "Threats to kill", "Communications" (OSA 2023 s181), "Election offences" (RPA 1983 s114A, violence or threats)`,
  },
  {
    id: "harassment-stalking",
    label: "Harassment and stalking",
    offences: [
      "PHA2",
      "PHA1A",
      "PHA2A",
      "PHA4",
      "PHA4A",
      "CJPA42A",
      "TULR241",
      "NI-PHO4",
      "NI-PSA1",
      "SC-CJL39",
    ],
    source: `${CPS}: "Harassment", "Stalking", "Harassment in the home", "Intimidation"`,
  },
  {
    id: "communications",
    label: "Offensive or menacing communications",
    offences: ["MCA1", "NI-MCO3", "CA127"],
    source: `${CPS}: "Communications" (Malicious Communications Act 1988, Communications Act 2003 s127)`,
  },
  {
    id: "public-order",
    label: "Public order, threatening or abusive behaviour",
    offences: ["POA4", "POA4A", "POA5", "SC-BOTP", "SC-CJL38", "NI-PSA2"],
    source: `${CPS}: "Public order"; Scotland and Northern Ireland: threatening or abusive behaviour, breach of the peace`,
  },
  {
    id: "hate",
    label: "Hate crime (aggravated by hostility)",
    offences: ["CDA28-32", "SA66", "SC-HCPO", "NI-HOSTILITY"],
    source: `${CPS}: "Hate crime"`,
  },
  {
    id: "criminal-damage",
    label: "Criminal damage",
    offences: ["CD1", "CD2", "NI-CD", "SC-VANDALISM"],
    source: `${CPS}: "Criminal damage"`,
  },
  {
    id: "assault",
    label: "Assault",
    offences: ["ASLT", "NI-ASLT", "SC-ASSAULT"],
    source: `${CPS}: "Assaults"`,
  },
  {
    id: "other",
    label: "Other offences",
    offences: [],
    source: "Any offence added to the rules later and not yet placed in a category above",
  },
];

const CATEGORY_OF: ReadonlyMap<string, string> = new Map(
  OFFENCE_CATEGORIES.flatMap((c) => c.offences.map((id) => [id, c.id] as const)),
);

/** The category an offence (by id) is counted in. */
export const offenceCategoryOf = (offenceId: string): string => CATEGORY_OF.get(offenceId) ?? "other";
