// Police contact: 999, 101 and Victim Support always, then the campaign's police force and its single
// point of contact (SPOC) for candidates, which the candidate and full members can change.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, errorMessage } from "../api.ts";
import { Notice, Page } from "../components/Page.tsx";
import { useResource } from "../components/useResource.ts";
import { SelectField, TextAreaField, TextField } from "../components/forms/Field.tsx";
import { firstProblem, ProblemArea, SubmitButton } from "../components/forms/Form.tsx";
import { errorFor, problemOf, type Problem } from "../components/forms/problems.ts";
import { formValues } from "../components/forms/words.ts";
import { useCampaign } from "../session.tsx";
import type { Campaign } from "../types.ts";
import { EMERGENCY, NON_EMERGENCY, VICTIM_SUPPORT, type Contact } from "../../../src/core/triage/contacts.ts";
import { GUIDANCE_SOURCES } from "../../../src/core/triage/sources.ts";
import "./account.css";

interface PoliceContact {
  forceId?: string;
  name?: string;
  phone?: string;
  email?: string;
  notes?: string;
}

interface PoliceContactSetting {
  revision: number;
  updatedAt: string | null;
  body: PoliceContact;
}

interface Force {
  id: string;
  name: string;
  nation: string;
  jurisdiction: string;
  kind: string;
  website: string | null;
}

const NATIONS: readonly [string, string][] = [
  ["england", "England"],
  ["wales", "Wales"],
  ["scotland", "Scotland"],
  ["northern-ireland", "Northern Ireland"],
  ["great-britain", "Across Great Britain"],
];

const LABELS = {
  forceId: "Your police force",
  name: "Their name",
  phone: "Phone number",
  email: "Email address",
  notes: "Notes",
} as const;

/** The guidance's own note on briefings (Joint Guidance, "How will this guide help you?"). */
const BRIEFINGS_NOTE =
  'Joint Guidance for Candidates in Elections – When it goes too far (NPCC, College of Policing, Electoral Commission, May 2024): "Personal safety and cyber security briefings are available to all candidates – please contact your election force single point of contact (SPOC) for more information."';

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });

/** Where advice comes from: one tap away, as in the verdicts. */
function SourceList({ sources }: { sources: readonly string[] }) {
  return (
    <details className="source">
      <summary>{sources.length === 1 ? "Source" : "Sources"}</summary>
      {sources.length === 1 ? (
        <p>{sources[0]}</p>
      ) : (
        <ul className="sources">
          {sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    </details>
  );
}

function CallCard({ contact, big = false }: { contact: Contact; big?: boolean }) {
  return (
    <li className="card">
      <strong>{contact.name}</strong>
      {contact.phone ? (
        <a className={big ? "call-link call-999" : "call-link"} href={telHref(contact.phone)}>
          <span aria-hidden="true">☎ </span>Call {contact.phone}
        </a>
      ) : null}
      <span>{contact.when}</span>
      {contact.url ? (
        <a href={contact.url} target="_blank" rel="noreferrer">
          {contact.name} website<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : null}
      <SourceList sources={[contact.source]} />
    </li>
  );
}

function ContactDetails({ contact, force }: { contact: PoliceContact; force: Force | undefined }) {
  return (
    <dl className="definition-list">
      <dt>Police force</dt>
      <dd>
        {force ? (
          <>
            {force.name}
            {force.website ? (
              <>
                {" "}
                (
                <a href={force.website} target="_blank" rel="noreferrer">
                  website<span className="visually-hidden"> of {force.name}, opens in a new tab</span>
                </a>
                )
              </>
            ) : null}
          </>
        ) : (
          "Not chosen yet"
        )}
      </dd>
      <dt>Single point of contact</dt>
      <dd>{contact.name || "Name not added yet"}</dd>
      <dt>Phone</dt>
      <dd>
        {contact.phone ? (
          <a className="call-link" href={telHref(contact.phone)}>
            <span aria-hidden="true">☎ </span>Call {contact.phone}
          </a>
        ) : (
          "Not added yet"
        )}
      </dd>
      <dt>Email</dt>
      <dd>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : "Not added yet"}</dd>
      {contact.notes ? (
        <>
          <dt>Notes</dt>
          <dd className="quote">{contact.notes}</dd>
        </>
      ) : null}
    </dl>
  );
}

function ContactForm({
  campaignId,
  current,
  forces,
  onSaved,
  onCancel,
}: {
  campaignId: string;
  current: PoliceContact;
  forces: Force[] | undefined;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  // Controlled, so the saved force is chosen even when the list of forces arrives after the form opens.
  const [forceId, setForceId] = useState(current.forceId ?? "");

  useEffect(() => {
    document.getElementById("forceId")?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const body: PoliceContact = {};
    for (const key of ["forceId", "name", "phone", "email", "notes"] as const) {
      const value = values[key]?.trim();
      if (value) body[key] = value;
    }
    const found = firstProblem([
      [
        "phone",
        Boolean(body.phone && !/^[+\d][\d\s()-]{2,}$/.test(body.phone)),
        "Enter the phone number in digits, like 01632 960 123.",
      ],
      [
        "email",
        Boolean(body.email && !body.email.includes("@")),
        "Enter an email address, like name@example.org.",
      ],
    ]);
    if (found) return setProblem(found);
    setProblem(undefined);
    setBusy(true);
    try {
      await api(`/api/campaigns/${campaignId}/police-contact`, { method: "PUT", body });
      onSaved();
    } catch (e) {
      setProblem(problemOf(e, LABELS));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ProblemArea problem={problem} />
      <SelectField
        id="forceId"
        label={LABELS.forceId}
        hint="The force for the area where you are standing. It also tells Shield which nation's law applies to your incidents."
        value={forceId}
        onChange={(e) => setForceId(e.currentTarget.value)}
        error={errorFor(problem, "forceId")}
      >
        <option value="">{forces ? "Choose your force" : "Loading the list of forces…"}</option>
        {NATIONS.map(([nation, label]) => {
          const inNation = (forces ?? []).filter((f) => f.nation === nation);
          return inNation.length ? (
            <optgroup key={nation} label={label}>
              {inNation.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </optgroup>
          ) : null;
        })}
      </SelectField>
      <fieldset>
        <legend>Your single point of contact</legend>
        <p className="hint">Your candidate letter from the police gives these details.</p>
        <TextField
          id="name"
          label={LABELS.name}
          defaultValue={current.name ?? ""}
          autoComplete="off"
          maxLength={200}
          error={errorFor(problem, "name")}
        />
        <TextField
          id="phone"
          type="tel"
          label={LABELS.phone}
          hint="For example, 01632 960 123"
          defaultValue={current.phone ?? ""}
          autoComplete="off"
          maxLength={40}
          error={errorFor(problem, "phone")}
        />
        <TextField
          id="email"
          type="email"
          label={LABELS.email}
          defaultValue={current.email ?? ""}
          autoComplete="off"
          maxLength={320}
          error={errorFor(problem, "email")}
        />
        <TextAreaField
          id="notes"
          label={LABELS.notes}
          hint="For example, when they work, who covers for them, or a reference number they gave you."
          defaultValue={current.notes ?? ""}
          maxLength={2000}
          error={errorFor(problem, "notes")}
        />
      </fieldset>
      <div className="actions">
        <SubmitButton busy={busy} sending="Saving…">
          Save
        </SubmitButton>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export default function Contacts() {
  const campaign = useCampaign();
  const canEdit = campaign.permission !== "log-only";
  const setting = useResource<PoliceContactSetting>(`/api/campaigns/${campaign.id}/police-contact`);
  const forces = useResource<{ forces: Force[] }>("/api/forces");
  // The campaign may have a force already (set when it was created) before any SPOC details are saved.
  const details = useResource<Campaign>(`/api/campaigns/${campaign.id}`);
  const [editing, setEditing] = useState(false);
  const [news, setNews] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  const contact = setting.data?.body ?? {};
  const forceId = contact.forceId ?? details.data?.forceId ?? undefined;
  const force = forces.data?.forces.find((f) => f.id === forceId);
  const hasDetails = Boolean(forceId || contact.name || contact.phone || contact.email);

  function saved() {
    setEditing(false);
    setNews("Saved. Shield now shows these details with its advice.");
    setting.reload();
    details.reload();
    heading.current?.focus();
  }

  function cancel() {
    setEditing(false);
    setTimeout(() => editButton.current?.focus(), 0);
  }

  return (
    <Page
      title="Police contact"
      intro="Who to call, and your police force's single point of contact for candidates."
    >
      <section aria-labelledby="numbers-heading">
        <h2 id="numbers-heading">Numbers to call</h2>
        <ul className="plain call-list">
          <CallCard contact={EMERGENCY} big />
          <CallCard contact={NON_EMERGENCY} />
          <CallCard contact={VICTIM_SUPPORT} />
        </ul>
      </section>

      <section aria-labelledby="spoc-heading">
        <h2 id="spoc-heading" ref={heading} tabIndex={-1}>
          Your single point of contact
        </h2>
        <Notice kind="status">{news}</Notice>
        <Notice>{setting.error ? errorMessage(setting.error) : null}</Notice>
        {setting.loading && !setting.data ? (
          <p role="status" className="loading">
            Loading your police contact…
          </p>
        ) : null}
        {setting.data && !editing ? (
          hasDetails ? (
            <div className="card">
              <ContactDetails contact={contact} force={force} />
              {!contact.phone && !contact.email ? (
                <p>
                  Your candidate letter from the police gives your single point of contact&apos;s details.{" "}
                  {canEdit ? "Add them here. " : "Ask the candidate or the election agent to add them here. "}
                  Until then, call 101 for anything that is not an emergency.
                </p>
              ) : null}
              {setting.data.updatedAt ? (
                <p className="meta">Last changed {WHEN.format(new Date(setting.data.updatedAt))}.</p>
              ) : null}
            </div>
          ) : (
            <p>
              <strong>Not added yet.</strong> Your candidate letter from the police gives your single point of
              contact&apos;s details.{" "}
              {canEdit
                ? "Add them here, so they show with every piece of advice Shield gives."
                : "Ask the candidate or the election agent to add them here."}{" "}
              Until then, call 101 for anything that is not an emergency.
            </p>
          )
        ) : null}
        {canEdit && setting.data && !editing ? (
          <div className="actions">
            <button ref={editButton} type="button" onClick={() => setEditing(true)}>
              {contact.name || contact.phone || contact.email ? "Change these details" : "Add their details"}
            </button>
          </div>
        ) : null}
        {!canEdit && hasDetails ? (
          <p className="meta">Only the candidate and members with full access can change these details.</p>
        ) : null}
        {editing && setting.data ? (
          <ContactForm
            campaignId={campaign.id}
            current={forceId ? { ...contact, forceId } : contact}
            forces={forces.data?.forces}
            onSaved={saved}
            onCancel={cancel}
          />
        ) : null}
        {forces.error && editing ? <Notice>{errorMessage(forces.error)}</Notice> : null}

        <h3>What your single point of contact is for</h3>
        <p>
          Every police force has a single point of contact (SPOC) for candidates. Use them for crime or
          security concerns about your candidacy, and ask them for a personal safety and security briefing:
          every force offers one. Always call 999 in an emergency.
        </p>
        <SourceList sources={[GUIDANCE_SOURCES.spoc, BRIEFINGS_NOTE, GUIDANCE_SOURCES.briefings]} />
      </section>
    </Page>
  );
}
