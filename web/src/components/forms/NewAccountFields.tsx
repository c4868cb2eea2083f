// What a new account is asked for besides its sign-in details (set-up and invitations): the person's
// name and, for a candidate, their campaign space: its name and where they are standing.
import { SelectField, TextField } from "./Field.tsx";
import { JURISDICTION_HINT, JURISDICTION_LABEL, type Jurisdiction } from "./words.ts";
import { errorFor, type Problem } from "./problems.ts";

/** The labels of a new account's fields by API field name, for the fields and their errors. */
export const NEW_ACCOUNT_LABELS = {
  displayName: "Your name",
  email: "Email address",
  password: "Password",
  campaignName: "Campaign name",
  jurisdiction: "Where you are standing",
} as const;

export function DisplayNameField({ hint, problem }: { hint: string; problem: Problem | undefined }) {
  return (
    <TextField
      id="displayName"
      label={NEW_ACCOUNT_LABELS.displayName}
      hint={hint}
      autoComplete="name"
      required
      maxLength={120}
      error={errorFor(problem, "displayName")}
    />
  );
}

export function CampaignFields({ problem }: { problem: Problem | undefined }) {
  return (
    <fieldset>
      <legend>Your campaign</legend>
      <p className="hint">
        Shield gives your campaign its own private space. Only you, and the people you invite, can see it.
      </p>
      <TextField
        id="campaignName"
        label={NEW_ACCOUNT_LABELS.campaignName}
        hint="For example, Sam Patel for Riverside ward"
        required
        maxLength={200}
        autoComplete="off"
        error={errorFor(problem, "campaignName")}
      />
      <SelectField
        id="jurisdiction"
        label={NEW_ACCOUNT_LABELS.jurisdiction}
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
