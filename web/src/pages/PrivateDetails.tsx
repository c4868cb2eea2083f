// The private-details register: what the candidate wants kept private (a message revealing it is a
// call-999 red flag) and what is public (never a warning). The candidate changes it; full team members
// read it; log-only members cannot see it.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { api, ApiError, errorMessage, OfflineError } from "../api.ts";
import { TextField } from "../components/forms/Field.tsx";
import { SubmitButton } from "../components/forms/Form.tsx";
import { Notice, Page } from "../components/Page.tsx";
import { useCampaign } from "../session.tsx";
import type { PrivateDetailsProfile } from "../../../src/core/analysis/types.ts";
import "./private.css";

/** GET /api/campaigns/:id/private-details (revision 0 and an empty body before anything is saved). */
interface Register {
  revision: number;
  updatedAt: string | null;
  body: PrivateDetailsProfile;
}

type PrivateList = "phones" | "emails" | "family" | "schools" | "vehicles" | "workplaces" | "other";
type PublicList = "offices" | "phones" | "emails" | "events";
type ListPath = `private.${PrivateList}` | `public.${PublicList}`;

interface ListSpec {
  path: ListPath;
  legend: string;
  /** Label of each row, numbered: "Phone number 1". */
  row: string;
  /** One entry, out of context, numbered in messages: "Personal phone number 1". */
  one: string;
  hint: string;
  add: string;
  type?: "tel" | "email";
}

/** Family names, schools, workplaces and other details only count with something else (see analyse.ts). */
const WITH_SOMETHING_ELSE =
  "On its own this is common, so Shield warns when the message also has another private detail, mentions your family, or is hostile.";

const PRIVATE_LISTS: readonly ListSpec[] = [
  {
    path: "private.phones",
    one: "Personal phone number",
    legend: "Personal phone numbers",
    row: "Phone number",
    hint: "Your mobile and home landline, in any format. For example: 07911 123456.",
    add: "Add a phone number",
    type: "tel",
  },
  {
    path: "private.emails",
    one: "Personal email address",
    legend: "Personal email addresses",
    row: "Email address",
    hint: "Addresses you do not use for the campaign. For example: rachel.home@example.com.",
    add: "Add an email address",
    type: "email",
  },
  {
    path: "private.family",
    one: "Family member's name",
    legend: "Family members' names",
    row: "First name",
    hint: `First names of your partner, children and others close to you, one per row. For example: Amara. ${WITH_SOMETHING_ELSE}`,
    add: "Add a name",
  },
  {
    path: "private.schools",
    one: "School",
    legend: "Children's schools and nurseries",
    row: "School",
    hint: `The name as people would write it. For example: St Chad's Primary School. ${WITH_SOMETHING_ELSE}`,
    add: "Add a school",
  },
  {
    path: "private.vehicles",
    one: "Vehicle registration",
    legend: "Vehicle registrations",
    row: "Registration",
    hint: "Number plates of cars you or your family use. For example: YK19 ABC.",
    add: "Add a registration",
  },
  {
    path: "private.workplaces",
    one: "Workplace",
    legend: "Workplaces",
    row: "Workplace",
    hint: `Where you or your family work, if that is not public. Separate the parts with commas. For example: Wrenfield Medical Practice, Station Road. ${WITH_SOMETHING_ELSE}`,
    add: "Add a workplace",
  },
  {
    path: "private.other",
    one: "Private detail",
    legend: "Anything else private",
    row: "Detail",
    hint: `Such as a club your children go to, or a second home. For example: Marsh Ley Juniors Football Club. ${WITH_SOMETHING_ELSE}`,
    add: "Add a detail",
  },
];

const PUBLIC_LISTS: readonly ListSpec[] = [
  {
    path: "public.offices",
    one: "Office address",
    legend: "Office addresses",
    row: "Office address",
    hint: "Your campaign or constituency office, and where you hold surgeries. For example: 12 Market Street, Wrenfield WF1 2AB.",
    add: "Add an office address",
  },
  {
    path: "public.phones",
    one: "Public phone number",
    legend: "Public phone numbers",
    row: "Phone number",
    hint: "Your office or campaign number. For example: 0113 496 0000.",
    add: "Add a phone number",
    type: "tel",
  },
  {
    path: "public.emails",
    one: "Public email address",
    legend: "Public email addresses",
    row: "Email address",
    hint: "For example: rachel@wrenfield-campaign.example.",
    add: "Add an email address",
    type: "email",
  },
  {
    path: "public.events",
    one: "Public event",
    legend: "Public events",
    row: "Event",
    hint: "Surgeries, hustings and meetings you have announced. For example: Surgery at Wrenfield Library, Saturdays 10am to 12 noon.",
    add: "Add an event",
  },
];

const ALL_LISTS = [...PRIVATE_LISTS, ...PUBLIC_LISTS];
const MAX_ROWS = 200;
const MAX_LENGTH = 500;

interface Row {
  key: number;
  value: string;
}

interface Form {
  name: string;
  homeAddress: string;
  lists: Record<ListPath, Row[]>;
}

/** Where a server error belongs: an input (by element id) or a whole list (by its path). */
interface FieldError {
  inputId?: string;
  list?: ListPath;
  label: string;
  message: string;
}

const inputIdOf = (path: ListPath, key: number) => `pd-${path.replace(".", "-")}-${key}`;
const listIdOf = (path: ListPath) => `pd-${path.replace(".", "-")}`;

const rowIdsOf = (form: Form) =>
  ALL_LISTS.flatMap((spec) => form.lists[spec.path].map((row) => inputIdOf(spec.path, row.key)));

function listValues(profile: PrivateDetailsProfile, path: ListPath): readonly string[] {
  const [group, key] = path.split(".") as ["private" | "public", string];
  const lists = (profile[group] ?? {}) as Record<string, unknown>;
  const values = lists[key];
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === "string") : [];
}

function formOf(profile: PrivateDetailsProfile, nextKey: () => number): Form {
  const lists = {} as Record<ListPath, Row[]>;
  for (const spec of ALL_LISTS)
    lists[spec.path] = listValues(profile, spec.path).map((value) => ({ key: nextKey(), value }));
  return { name: profile.name ?? "", homeAddress: profile.private?.homeAddress ?? "", lists };
}

/** The body to save (trimmed, empty rows left out) and, for each list, which row each entry came from. */
function profileOf(form: Form): { body: PrivateDetailsProfile; rowKeys: Record<ListPath, number[]> } {
  const rowKeys = {} as Record<ListPath, number[]>;
  const values = (path: ListPath) => {
    const kept = form.lists[path].filter((row) => row.value.trim() !== "");
    rowKeys[path] = kept.map((row) => row.key);
    return kept.map((row) => row.value.trim());
  };
  const name = form.name.trim();
  const homeAddress = form.homeAddress.trim();
  const body: PrivateDetailsProfile = {
    ...(name ? { name } : {}),
    private: {
      ...(homeAddress ? { homeAddress } : {}),
      phones: values("private.phones"),
      emails: values("private.emails"),
      family: values("private.family"),
      schools: values("private.schools"),
      vehicles: values("private.vehicles"),
      workplaces: values("private.workplaces"),
      other: values("private.other"),
    },
    public: {
      offices: values("public.offices"),
      phones: values("public.phones"),
      emails: values("public.emails"),
      events: values("public.events"),
    },
  };
  return { body, rowKeys };
}

/** The server's message ("private.phones.1: must not be empty") in words for the field it sits beside. */
function plainMessage(message: string, field: string): string {
  const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  if (/must not be empty/i.test(text)) return "This is empty. Fill it in or remove it.";
  const most = /<=\s*(\d+)/.exec(text);
  if (most && /character/i.test(text)) return `This is too long: ${most[1]} characters at most.`;
  if (most && /item/i.test(text)) return `There are too many here: ${most[1]} at most.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fieldErrorOf(
  error: ApiError,
  form: Form,
  rowKeys: Record<ListPath, number[]>,
): FieldError | undefined {
  const field = error.field;
  if (!field) return undefined;
  const message = plainMessage(error.message, field);
  if (field === "name") return { inputId: "pd-name", label: "Your name", message };
  if (field === "private.homeAddress") return { inputId: "pd-homeAddress", label: "Home address", message };
  const [group, key, index] = field.split(".");
  const spec = ALL_LISTS.find((s) => s.path === `${group}.${key}`);
  if (!spec) return undefined;
  const rowKey = index === undefined ? undefined : rowKeys[spec.path]?.[Number(index)];
  if (rowKey === undefined) return { list: spec.path, label: spec.legend, message };
  const position = form.lists[spec.path].findIndex((row) => row.key === rowKey);
  return {
    inputId: inputIdOf(spec.path, rowKey),
    label: `${spec.one} ${position + 1}`,
    message,
  };
}

const SAVED_AT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  dateStyle: "long",
  timeStyle: "short",
});

/** The saved body of a register with nothing in it. */
const EMPTY = JSON.stringify(profileOf(formOf({}, () => 0)).body);

/** One kind of detail: a row per entry, each with its own label, and buttons to add and remove rows. */
function ListEditor({
  spec,
  rows,
  error,
  newRow,
  onChange,
  focusLater,
}: {
  spec: ListSpec;
  rows: Row[];
  error: FieldError | undefined;
  newRow: () => Row;
  onChange: (rows: Row[]) => void;
  focusLater: (id: string) => void;
}) {
  const listId = listIdOf(spec.path);
  const listError = error?.list === spec.path ? error : undefined;
  const add = () => {
    const row = newRow();
    onChange([...rows, row]);
    focusLater(inputIdOf(spec.path, row.key));
  };
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    // Focus what took its place, or the row before, or the add button.
    const neighbour = next[index] ?? next[index - 1];
    focusLater(neighbour ? inputIdOf(spec.path, neighbour.key) : `${listId}-add`);
  };
  return (
    <fieldset
      id={listId}
      className="pd-list"
      aria-describedby={`${listId}-hint${listError ? ` ${listId}-error` : ""}`}
    >
      <legend>{spec.legend}</legend>
      <p className="hint" id={`${listId}-hint`}>
        {spec.hint}
      </p>
      {listError ? (
        <p className="field-error" id={`${listId}-error`}>
          {listError.message}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="plain pd-rows">
          {rows.map((row, index) => {
            const id = inputIdOf(spec.path, row.key);
            const rowError = error?.inputId === id ? error : undefined;
            const label = `${spec.row} ${index + 1}`;
            return (
              <li key={row.key} className="pd-row">
                <label htmlFor={id}>{label}</label>
                <div className="pd-row-line">
                  <input
                    id={id}
                    type={spec.type ?? "text"}
                    inputMode={spec.type}
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={MAX_LENGTH}
                    value={row.value}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={rowError ? `${id}-error` : undefined}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      onChange(rows.map((r) => (r.key === row.key ? { ...r, value } : r)));
                    }}
                  />
                  <button type="button" className="secondary" onClick={() => remove(index)}>
                    Remove<span className="visually-hidden"> {`${spec.one.toLowerCase()} ${index + 1}`}</span>
                  </button>
                </div>
                {rowError ? (
                  <p className="field-error" id={`${id}-error`}>
                    {rowError.message}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="meta">None added.</p>
      )}
      <button
        type="button"
        id={`${listId}-add`}
        className="secondary pd-add"
        onClick={add}
        disabled={rows.length >= MAX_ROWS}
      >
        {spec.add}
      </button>
    </fieldset>
  );
}

/** What the candidate can change. */
function Editor({ register, campaignId }: { register: Register; campaignId: string }) {
  const keys = useRef(0);
  const nextKey = () => ++keys.current;
  const [form, setForm] = useState<Form>(() => formOf(register.body, nextKey));
  const [baseline, setBaseline] = useState(() => JSON.stringify(profileOf(form).body));
  const [updatedAt, setUpdatedAt] = useState(register.updatedAt);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<FieldError>();
  const [saved, setSaved] = useState<string>();
  const [focusTarget, setFocusTarget] = useState<string>();

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(undefined);
  }, [focusTarget]);

  const changed = JSON.stringify(profileOf(form).body) !== baseline;
  const edit = (next: Form) => {
    setForm(next);
    setSaved(undefined);
    // An error about a row that has just been removed no longer applies.
    const id = fieldError?.inputId;
    if (id && rowIdsOf(form).includes(id) && !rowIdsOf(next).includes(id)) setFieldError(undefined);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { body, rowKeys } = profileOf(form);
    setBusy(true);
    setError(undefined);
    setFieldError(undefined);
    setSaved(undefined);
    try {
      const result = await api<{ revision: number; updatedAt: string }>(
        `/api/campaigns/${campaignId}/private-details`,
        { method: "PUT", body },
      );
      const next = formOf(body, nextKey);
      setForm(next);
      setBaseline(JSON.stringify(profileOf(next).body));
      setUpdatedAt(result.updatedAt);
      setSaved("Saved. Shield will now warn you if a message reveals any of your private details.");
    } catch (e) {
      const inField = e instanceof ApiError ? fieldErrorOf(e, form, rowKeys) : undefined;
      if (inField) setFieldError(inField);
      else setError(`Your changes were not saved. ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }

  const singleError = (id: string) => (fieldError?.inputId === id ? fieldError : undefined);
  const nameError = singleError("pd-name");
  const addressError = singleError("pd-homeAddress");
  const list = (spec: ListSpec) => (
    <ListEditor
      key={spec.path}
      spec={spec}
      rows={form.lists[spec.path]}
      error={fieldError}
      newRow={() => ({ key: nextKey(), value: "" })}
      onChange={(rows) => edit({ ...form, lists: { ...form.lists, [spec.path]: rows } })}
      focusLater={setFocusTarget}
    />
  );

  return (
    <form onSubmit={submit} noValidate className="pd-form">
      {baseline === EMPTY ? (
        <p className="notice notice-status">
          Nothing has been added yet. Start with your home address and your personal phone number.
        </p>
      ) : null}

      <h2 id="pd-private-heading">What is private</h2>
      <p>If a message reveals any of these, Shield tells you to call 999.</p>

      <TextField
        id="pd-homeAddress"
        label="Home address"
        hint="With the postcode. For example: 27 Orchard Close, LS6 2QT."
        error={addressError?.message}
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_LENGTH}
        value={form.homeAddress}
        onChange={(e) => edit({ ...form, homeAddress: e.currentTarget.value })}
      />
      {PRIVATE_LISTS.map(list)}

      <h2 id="pd-public-heading">What is public</h2>
      <p>These never raise a warning, so messages about your office or a surgery are not flagged.</p>
      <TextField
        id="pd-name"
        label="Your name"
        hint="As people write it in messages. For example: Rachel Adeyemi. Shield uses it to read messages about you; it is not treated as private."
        error={nameError?.message}
        autoComplete="off"
        maxLength={200}
        value={form.name}
        onChange={(e) => edit({ ...form, name: e.currentTarget.value })}
      />
      {PUBLIC_LISTS.map(list)}

      <div className="pd-save">
        {fieldError ? (
          <div className="notice notice-error" role="alert">
            <p>
              Your changes were not saved. {fieldError.label}: {fieldError.message}
            </p>
            <p>
              <a
                href={`#${fieldError.inputId ?? listIdOf(fieldError.list!)}`}
                onClick={(e) => {
                  e.preventDefault();
                  const target = document.getElementById(
                    fieldError.inputId ?? `${listIdOf(fieldError.list!)}-add`,
                  );
                  target?.focus();
                }}
              >
                Go to {fieldError.label.toLowerCase()}
              </a>
            </p>
          </div>
        ) : null}
        <Notice>{error}</Notice>
        {/* Always in the page, so screen readers announce "Saved" when it appears. */}
        <p role="status" className={saved ? "notice notice-status" : "pd-quiet"}>
          {saved}
        </p>
        {changed && !busy ? <p className="meta">You have changes that are not saved yet.</p> : null}
        <div className="actions">
          <SubmitButton busy={busy} sending="Saving…">
            Save private details
          </SubmitButton>
        </div>
        {updatedAt ? <p className="meta">Last saved {SAVED_AT.format(new Date(updatedAt))}.</p> : null}
      </div>
    </form>
  );
}

/** What full team members see: the register, without changing it. */
function ReadOnly({ register }: { register: Register }) {
  const profile = register.body;
  const section = (spec: ListSpec) => {
    const values = listValues(profile, spec.path);
    return (
      <div key={spec.path}>
        <h3>{spec.legend}</h3>
        {values.length > 0 ? (
          <ul>
            {values.map((value, i) => (
              <li key={i}>{value}</li>
            ))}
          </ul>
        ) : (
          <p className="meta">None added.</p>
        )}
      </div>
    );
  };
  return (
    <>
      <p className="notice notice-status">
        Only the candidate can change these details. If something is missing or out of date, tell them.
      </p>
      {register.updatedAt ? (
        <p className="meta">Last changed {SAVED_AT.format(new Date(register.updatedAt))}.</p>
      ) : null}
      <h2>What is private</h2>
      <p>If a message reveals any of these, Shield tells you to call 999.</p>
      <h3>Home address</h3>
      {profile.private?.homeAddress ? (
        <p>{profile.private.homeAddress}</p>
      ) : (
        <p className="meta">None added.</p>
      )}
      {PRIVATE_LISTS.map(section)}
      <h2>What is public</h2>
      <p>These never raise a warning.</p>
      <h3>The candidate's name</h3>
      {profile.name ? <p>{profile.name}</p> : <p className="meta">None added.</p>}
      {PUBLIC_LISTS.map(section)}
    </>
  );
}

type Loaded =
  { state: "loading" } | { state: "ready"; register: Register } | { state: "failed"; message: string };

const NOT_FOR_YOU = "Only the candidate and full team members can see this register.";

export default function PrivateDetails() {
  const campaign = useCampaign();
  const mayRead = campaign.permission !== "log-only";
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!mayRead) return;
    const controller = new AbortController();
    setLoaded({ state: "loading" });
    api<Register>(`/api/campaigns/${campaign.id}/private-details`, { signal: controller.signal })
      .then((register) => setLoaded({ state: "ready", register: { ...register, body: register.body ?? {} } }))
      .catch((e: unknown) => {
        if ((e as Error).name === "AbortError") return;
        if (e instanceof ApiError && e.status === 403) setLoaded({ state: "failed", message: NOT_FOR_YOU });
        else
          setLoaded({
            state: "failed",
            message:
              e instanceof OfflineError
                ? `${e.message} Your private details are not kept on this device, so they cannot be shown offline.`
                : `Shield could not load your private details just now. ${errorMessage(e)}`,
          });
      });
    return () => controller.abort();
  }, [campaign.id, mayRead, attempt]);

  const isOwner = campaign.permission === "owner";
  return (
    <Page
      title="Private details"
      intro="The details you want kept private, so Shield can warn you if someone reveals them, and the details that are public."
    >
      {!mayRead ? (
        <p className="notice notice-status">
          {NOT_FOR_YOU} If you think something private about the candidate has been posted, tell them or{" "}
          <Link href="/record">record an incident</Link>.
        </p>
      ) : null}
      <h2>How Shield uses these</h2>
      <ul>
        <li>
          <strong>What is private here is never shown to anyone outside your team.</strong> Only the candidate
          and full team members can see it, and Shield stores it encrypted.
        </li>
        <li>
          If a message you check or record reveals any private detail, Shield tells you to{" "}
          <strong>call 999</strong>. The police guidance lists this as a red flag:{" "}
          <q>If the person releases personal information about you not already in the public domain.</q>
        </li>
        <li>
          <strong>What is public</strong> (your office address, office phone, public email and public events)
          never raises a warning.
        </li>
      </ul>
      {mayRead ? (
        <p>
          Not sure what to add? The <Link href="/health-check">online health check</Link> helps you find where
          your details appear online.
        </p>
      ) : null}

      {!mayRead ? null : loaded.state === "loading" ? (
        <p role="status" className="loading">
          Loading your private details…
        </p>
      ) : loaded.state === "failed" && loaded.message === NOT_FOR_YOU ? (
        <p className="notice notice-status">{NOT_FOR_YOU}</p>
      ) : loaded.state === "failed" ? (
        <div className="notice notice-error" role="alert">
          <p>{loaded.message}</p>
          <button type="button" className="secondary" onClick={() => setAttempt((a) => a + 1)}>
            Try again
          </button>
        </div>
      ) : isOwner ? (
        <Editor register={loaded.register} campaignId={campaign.id} />
      ) : (
        <ReadOnly register={loaded.register} />
      )}
    </Page>
  );
}
