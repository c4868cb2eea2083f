// A new candidate's campaign space: its name and where they are standing (set-up and invitations).
import { SelectField, TextField } from "./Field.tsx";
import { JURISDICTION_HINT, JURISDICTION_LABEL, type Jurisdiction } from "./words.ts";
import { errorFor, type Problem } from "./problems.ts";

export const CAMPAIGN_LABELS = {
  campaignName: "Campaign name",
  jurisdiction: "Where you are standing",
} as const;

export function CampaignFields({ problem }: { problem: Problem | undefined }) {
  return (
    <fieldset>
      <legend>Your campaign</legend>
      <p className="hint">
        Shield gives your campaign its own private space. Only you, and the people you invite, can see it.
      </p>
      <TextField
        id="campaignName"
        label={CAMPAIGN_LABELS.campaignName}
        hint="For example, Sam Patel for Riverside ward"
        required
        maxLength={200}
        autoComplete="off"
        error={errorFor(problem, "campaignName")}
      />
      <SelectField
        id="jurisdiction"
        label={CAMPAIGN_LABELS.jurisdiction}
        hint={JURISDICTION_HINT}
        defaultValue="england-wales"
        error={errorFor(problem, "jurisdiction")}
      >
        {(Object.keys(JURISDICTION_LABEL) as Jurisdiction[]).map((j) => (
          <option key={j} value={j}>
            {JURISDICTION_LABEL[j]}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
