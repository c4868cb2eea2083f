// Planning a canvass session: where, who is going out, until when, how often they check in, and who is
// told if they don't. Canvassing alone is allowed but warned about (the guidance says go with someone).
// Team members come from the team list when this person may read it; otherwise they plan for themselves
// and add people by name. Problems found here or by the server are shown next to their field. Places can
// be marked on a map too (folded away, and its code loaded only when opened), always listed as text.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link } from "wouter";
import { ALONE_WARNING, CANVASS_DEFAULTS, CANVASS_LIMITS } from "../../../../src/core/canvass/plan.ts";
import { ApiError } from "../../api.ts";
import { createSession } from "../../canvass/api.ts";
import { currentLocation } from "../../canvass/location.ts";
import { duration, clockTime, inputTime, roundUpToFive, timeToInstant } from "../../canvass/time.ts";
import type { CanvassSessionView, Channels, LatLng, PlanRequest, TeamMember } from "../../canvass/types.ts";
import { TextAreaField, TextField } from "../forms/Field.tsx";
import { ProblemArea, SubmitButton } from "../forms/Form.tsx";
import { errorFor, problemOf, type Problem } from "../forms/problems.ts";
import { Checkbox } from "./Checkbox.tsx";
import { PlacesMap } from "./PlacesMap.tsx";
import "./canvass.css";

interface NamedPerson {
  key: number;
  name: string;
  phone: string;
}

interface NamedContact {
  key: number;
  name: string;
  email: string;
  phone: string;
}

interface MarkedPoint extends LatLng {
  key: number;
  label: string;
}

export interface PoliceContactSummary {
  name?: string;
  email?: string;
  phone?: string;
}

const EVERY_CHOICES = ["15", "30", "45", "60"] as const;
const EVERY_WORDS: Record<(typeof EVERY_CHOICES)[number], string> = {
  "15": "15 minutes",
  "30": "30 minutes",
  "45": "45 minutes",
  "60": "1 hour",
};

const PERMISSION_WORDS: Record<TeamMember["permission"], string> = {
  owner: "candidate",
  full: "full access",
  "log-only": "log only",
};

/** The labels of the plan's fields by API field name, for errors shown in words. */
const LABELS: Record<string, string> = {
  area: "Where you will be",
  people: "Who is going out",
  endsAt: "When you expect to finish",
  checkInEveryMinutes: "How often you check in",
  contacts: "Who is told",
  graceMinutes: "The first alert",
  stage2AfterMinutes: "The second alert",
  alertSpoc: "The police alert",
  stage3AfterMinutes: "The police alert",
  shareLocation: "Sharing your location",
  points: "The places on the route",
  notes: "Notes",
};

const ADVANCED = new Set([
  "graceMinutes",
  "stage2AfterMinutes",
  "alertSpoc",
  "stage3AfterMinutes",
  "shareLocation",
]);

const PHONE = /^\+?[\d\s()-]{6,}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "graceMinutes" in the middle of a server message, said in words. */
const inWords = (message: string) =>
  message.replace(/\s*\((\w+)\)/g, (whole, name: string) => (name in LABELS ? "" : whole));

/** A place's coordinates as people read them: 51.50123, -0.12345. */
const coordinates = (p: LatLng) => `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}`;
/** Six decimals is about 10 cm: more says nothing more. */
const sixDecimals = (value: number) => Math.round(value * 1e6) / 1e6;

const wholeNumber = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : NaN);

export function PlanForm({
  campaignId,
  you,
  members,
  membersHidden,
  channels,
  policeContact,
  onStarted,
}: {
  campaignId: string;
  you: { id: string; displayName: string };
  /** The team, when this person may read it. */
  members: TeamMember[] | undefined;
  /** True when the server said this person may not read the team (a "log only" member). */
  membersHidden: boolean;
  channels: Channels | undefined;
  policeContact: PoliceContactSummary | undefined;
  onStarted: (view: CanvassSessionView) => void;
}) {
  const nextKey = useRef(1);
  const [area, setArea] = useState("");
  const [going, setGoing] = useState<ReadonlySet<string>>(() => new Set([you.id]));
  const [namedPeople, setNamedPeople] = useState<NamedPerson[]>([]);
  const [endTime, setEndTime] = useState(() => inputTime(roundUpToFive(Date.now() + 2 * 3_600_000)));
  const [every, setEvery] = useState<string>(String(CANVASS_DEFAULTS.checkInEveryMinutes));
  const [customEvery, setCustomEvery] = useState("");
  const [tellChoice, setTellChoice] = useState<Readonly<Record<string, boolean>>>({});
  const [namedContacts, setNamedContacts] = useState<NamedContact[]>([]);
  const [grace, setGrace] = useState(String(CANVASS_DEFAULTS.graceMinutes));
  const [stage2, setStage2] = useState(String(CANVASS_DEFAULTS.stage2AfterMinutes));
  const [alertSpoc, setAlertSpoc] = useState(false);
  const [stage3, setStage3] = useState(String(CANVASS_DEFAULTS.stage3AfterMinutes));
  const [shareLocation, setShareLocation] = useState(false);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [points, setPoints] = useState<MarkedPoint[]>([]);
  const [mapOpen, setMapOpen] = useState(false);
  const [mapCentre, setMapCentre] = useState<LatLng>();
  const [mapNews, setMapNews] = useState("");
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const focusAfterAdd = useRef<string | undefined>(undefined);
  const pointsNow = useRef<MarkedPoint[]>([]);

  // The "when" hint says how long is left, so it follows the clock.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    pointsNow.current = points;
  }, [points]);

  // A row that was just added gets the focus (its name box).
  useEffect(() => {
    if (!focusAfterAdd.current) return;
    document.getElementById(focusAfterAdd.current)?.focus();
    focusAfterAdd.current = undefined;
  });

  const team: TeamMember[] = members ?? [
    { userId: you.id, displayName: you.displayName, email: "", permission: "log-only" },
  ];
  const goingMembers = team.filter((m) => going.has(m.userId));
  const peopleCount = goingMembers.length + namedPeople.length;
  const alone = peopleCount === 1;
  const stayingMembers = members ? members.filter((m) => !going.has(m.userId)) : [];
  const tells = (m: TeamMember) => tellChoice[m.userId] ?? m.permission !== "log-only";
  const endsAtMs = timeToInstant(endTime, now);
  const everyMinutes = every === "custom" ? wholeNumber(customEvery) : Number(every);

  function endHint(): string {
    if (endsAtMs === undefined) return "For example 17:30.";
    if (endsAtMs <= now) return "That time has passed: say when you expect to finish.";
    const day = clockTime(endsAtMs, now).includes(" on ") ? "Tomorrow" : "Today";
    return `${day} at ${inputTime(endsAtMs)}, in ${duration(endsAtMs - now)}.`;
  }

  // Where a problem with a field of the request belongs in this form, by API field path.
  function placeOf(field: string, people: string[], contacts: string[]): string | undefined {
    const [head, index, sub] = field.split(".");
    if (head === "people") {
      const row = index !== undefined ? people[Number(index)] : undefined;
      return row
        ? row.startsWith("person-")
          ? `${row}-${sub === "phone" ? "phone" : "name"}`
          : row
        : "people";
    }
    if (head === "contacts") {
      const row = index !== undefined ? contacts[Number(index)] : undefined;
      if (!row) return "contacts";
      if (!row.startsWith("contact-")) return row;
      return `${row}-${sub === "name" || sub === "phone" ? sub : "email"}`;
    }
    if (head === "checkInEveryMinutes") return every === "custom" ? "checkInEveryCustom" : "checkInEvery";
    if (head && head in LABELS) return head;
    return undefined;
  }

  function problemFrom(error: unknown, people: string[], contacts: string[]): Problem {
    if (error instanceof ApiError && error.field) {
      const place = placeOf(error.field, people, contacts);
      if (place) {
        const head = error.field.split(".")[0]!;
        let rest = error.message;
        if (rest.startsWith(`${error.field}: `)) rest = rest.slice(error.field.length + 2);
        else if (rest.startsWith(`${head}: `)) rest = rest.slice(head.length + 2);
        const first = rest.charAt(0);
        // A whole contact or person ("an alert could not reach Tom…") says who it is about itself.
        const message =
          /^(contact|person)-\d+-/.test(place) && !error.field.split(".")[2]
            ? first.toUpperCase() + rest.slice(1)
            : first === first.toLowerCase()
              ? `${labelOfPlace(place)} ${rest}`
              : `${labelOfPlace(place)}: ${rest}`;
        return { field: place, message: inWords(message) };
      }
    }
    return problemOf(error, {});
  }

  function labelOfPlace(place: string): string {
    const person = /^person-(\d+)-(name|phone)$/.exec(place);
    if (person) {
      const p = namedPeople.find((n) => n.key === Number(person[1]));
      const who = p?.name.trim() || "the person you added";
      return person[2] === "phone" ? `The mobile number of ${who}` : "The name of the person you added";
    }
    const contact = /^contact-(\d+)-(name|email|phone)$/.exec(place);
    if (contact) {
      const c = namedContacts.find((n) => n.key === Number(contact[1]));
      const who = c?.name.trim() || "the person to tell";
      return contact[2] === "name"
        ? "The name of the person to tell"
        : who.charAt(0).toUpperCase() + who.slice(1);
    }
    if (place === "checkInEvery" || place === "checkInEveryCustom") return LABELS.checkInEveryMinutes!;
    return LABELS[place] ?? place;
  }

  /** Checks that need no server, in the order of the form. */
  function localProblem(now: number, endsAtMs: number | undefined): Problem | undefined {
    if (!area.trim())
      return { field: "area", message: "Say where you will be, for example the streets or the ward." };
    if (peopleCount === 0) return { field: "people", message: "Say who is going out: at least one person." };
    for (const p of namedPeople) {
      if (!p.name.trim())
        return {
          field: `person-${p.key}-name`,
          message: "Enter the name of the person you added, or remove them.",
        };
      if (p.phone.trim() && !PHONE.test(p.phone.trim()))
        return {
          field: `person-${p.key}-phone`,
          message: `The mobile number of ${p.name.trim()} must be a phone number, e.g. 07700 900123.`,
        };
    }
    if (endsAtMs === undefined)
      return { field: "endsAt", message: "Enter when you expect to finish, like 17:30." };
    if (endsAtMs <= now)
      return {
        field: "endsAt",
        message: "When you expect to finish has passed: say when you expect to finish.",
      };
    if (endsAtMs - now > CANVASS_LIMITS.maxHours * 3_600_000)
      return {
        field: "endsAt",
        message: `When you expect to finish is more than ${CANVASS_LIMITS.maxHours} hours away: plan one session per outing.`,
      };
    if (
      !Number.isInteger(everyMinutes) ||
      everyMinutes < CANVASS_LIMITS.minCheckInMinutes ||
      everyMinutes > CANVASS_LIMITS.maxCheckInMinutes
    )
      return {
        field: every === "custom" ? "checkInEveryCustom" : "checkInEvery",
        message: `Check in every 1 to ${CANVASS_LIMITS.maxCheckInMinutes} minutes (a whole number).`,
      };
    for (const c of namedContacts) {
      if (!c.name.trim())
        return {
          field: `contact-${c.key}-name`,
          message: "Enter the name of the person to tell, or remove them.",
        };
      if (!c.email.trim() && !c.phone.trim())
        return {
          field: `contact-${c.key}-email`,
          message: `${c.name.trim()} needs an email address or a phone number, so an alert can reach them.`,
        };
      if (c.email.trim() && !EMAIL.test(c.email.trim()))
        return {
          field: `contact-${c.key}-email`,
          message: `The email address of ${c.name.trim()} must be an email address, like name@example.org.`,
        };
      if (c.phone.trim() && !PHONE.test(c.phone.trim()))
        return {
          field: `contact-${c.key}-phone`,
          message: `The phone number of ${c.name.trim()} must be a phone number, e.g. 07700 900123.`,
        };
      const byEmail = Boolean(c.email.trim()) && channels?.email !== false;
      const byPhone = Boolean(c.phone.trim()) && channels?.sms !== false;
      if (!byEmail && !byPhone)
        return {
          field: `contact-${c.key}-${c.email.trim() ? "email" : "phone"}`,
          message: `An alert could not reach ${c.name.trim()}: this Shield cannot send ${
            c.email.trim() ? "email" : "text messages"
          } yet. Add another way to reach them, or choose a team member.`,
        };
    }
    // Without the team list, nobody added means the server's default (the candidate and full members).
    const told = members ? stayingMembers.filter(tells).length : 1;
    if (told + namedContacts.length === 0)
      return {
        field: "contacts",
        message: "Choose at least one person to tell, so that someone knows if you do not check in.",
      };
    const g = wholeNumber(grace);
    const s2 = wholeNumber(stage2);
    const s3 = wholeNumber(stage3);
    if (!(g >= 0 && g <= CANVASS_LIMITS.maxGraceMinutes))
      return {
        field: "graceMinutes",
        message: `The first alert must be 0 to ${CANVASS_LIMITS.maxGraceMinutes} minutes.`,
      };
    if (!(s2 > g && s2 <= CANVASS_LIMITS.maxStageMinutes))
      return {
        field: "stage2AfterMinutes",
        message: "The second alert must come later than the first alert.",
      };
    if (alertSpoc && policeContact && !policeContact.email && !policeContact.phone)
      return {
        field: "alertSpoc",
        message:
          "Your police single point of contact has no email or phone saved yet. Add them on the Police contact page first, or leave this off.",
      };
    if (alertSpoc && !(s3 > s2 && s3 <= CANVASS_LIMITS.maxStageMinutes))
      return {
        field: "stage3AfterMinutes",
        message: "The police alert must come later than the second alert.",
      };
    return undefined;
  }

  function show(found: Problem) {
    if (found.field && ADVANCED.has(found.field)) setAdvancedOpen(true);
    if (found.field === "points") setMapOpen(true);
    setProblem(found);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The clock at the moment of sending, not when the hint was last refreshed.
    const sentAt = Date.now();
    const endsAt = timeToInstant(endTime, sentAt);
    const found = localProblem(sentAt, endsAt);
    if (found) return show(found);
    setProblem(undefined);

    // The request, and where each of its people and contacts is in the form (for the server's errors).
    const peopleRows: string[] = [];
    const people: PlanRequest["people"] = [];
    for (const m of goingMembers) {
      people.push({ userId: m.userId });
      peopleRows.push("people");
    }
    for (const p of namedPeople) {
      people.push({ name: p.name.trim(), ...(p.phone.trim() ? { phone: p.phone.trim() } : {}) });
      peopleRows.push(`person-${p.key}`);
    }
    const contactRows: string[] = [];
    let contacts: PlanRequest["contacts"];
    const named = namedContacts.map((c) => ({
      name: c.name.trim(),
      ...(c.email.trim() ? { email: c.email.trim() } : {}),
      ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
    }));
    if (members) {
      contacts = [];
      for (const m of stayingMembers.filter(tells)) {
        contacts.push({ userId: m.userId });
        contactRows.push("contacts");
      }
    } else if (named.length === 0) {
      contacts = undefined; // the server's default: the candidate and full members not going out
    } else {
      contacts = [];
    }
    if (contacts) {
      for (const [i, c] of named.entries()) {
        contacts.push(c);
        contactRows.push(`contact-${namedContacts[i]!.key}`);
      }
    }
    const body: PlanRequest = {
      area: area.trim(),
      people,
      endsAt: new Date(endsAt!).toISOString(),
      checkInEveryMinutes: everyMinutes,
      graceMinutes: wholeNumber(grace),
      stage2AfterMinutes: wholeNumber(stage2),
      alertSpoc,
      ...(alertSpoc ? { stage3AfterMinutes: wholeNumber(stage3) } : {}),
      shareLocation,
      ...(points.length
        ? {
            points: points.map((p) => ({
              lat: p.lat,
              lng: p.lng,
              ...(p.label.trim() ? { label: p.label.trim() } : {}),
            })),
          }
        : {}),
      ...(contacts ? { contacts } : {}),
      start: true,
    };
    setBusy(true);
    try {
      onStarted(await createSession(campaignId, body));
    } catch (error) {
      show(problemFrom(error, peopleRows, contactRows));
      setBusy(false);
    }
  }

  const forget = (changed: Node) => {
    const place = problem?.field ? document.getElementById(problem.field) : null;
    if (place?.contains(changed)) setProblem(undefined);
  };

  const addPerson = () => {
    const key = nextKey.current++;
    setNamedPeople((rows) => [...rows, { key, name: "", phone: "" }]);
    focusAfterAdd.current = `person-${key}-name`;
  };
  const addContact = () => {
    const key = nextKey.current++;
    setNamedContacts((rows) => [...rows, { key, name: "", email: "", phone: "" }]);
    focusAfterAdd.current = `contact-${key}-name`;
  };
  const updatePerson = (key: number, change: Partial<NamedPerson>) =>
    setNamedPeople((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const updateContact = (key: number, change: Partial<NamedContact>) =>
    setNamedContacts((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const markPoint = (place: LatLng) => {
    // The places now, not when this function was made (it may have waited for the device's location).
    const count = pointsNow.current.length;
    if (count >= CANVASS_LIMITS.maxPoints) {
      setMapNews(`You have marked ${CANVASS_LIMITS.maxPoints} places, the most a plan can hold.`);
      return;
    }
    const key = nextKey.current++;
    const point = { key, lat: sixDecimals(place.lat), lng: sixDecimals(place.lng), label: "" };
    pointsNow.current = [...pointsNow.current, point];
    setPoints((rows) => [...rows, point]);
    setMapNews(`Place ${count + 1} marked at ${coordinates(point)}.`);
  };
  const updatePoint = (key: number, label: string) =>
    setPoints((rows) => rows.map((r) => (r.key === key ? { ...r, label } : r)));
  const removePoint = (key: number, index: number) => {
    setPoints((rows) => rows.filter((r) => r.key !== key));
    setMapNews(`Place ${index + 1} removed.`);
    removeRow("use-my-location");
  };
  async function markMyLocation() {
    setLocating(true);
    setMapNews("Finding where you are…");
    const here = await currentLocation(10_000);
    setLocating(false);
    if (!here) {
      setMapNews(
        "Your location could not be read: check that your browser may use it, or tap the map to mark a place.",
      );
      return;
    }
    setMapCentre({ lat: here.lat, lng: here.lng });
    markPoint(here);
  }

  const removeRow = (after: string) => setTimeout(() => document.getElementById(after)?.focus(), 0);

  const noEmail = channels && !channels.email;
  const noSms = channels && !channels.sms;
  const policeWho = policeContact?.name
    ? `${policeContact.name}${policeContact.email ? ` (${policeContact.email})` : ""}`
    : policeContact?.email;

  return (
    <form
      onSubmit={(e) => void submit(e)}
      // A problem shown next to a field goes once that field is changed.
      onInput={(e) => forget(e.target as Node)}
      onChange={(e) => forget(e.target as Node)}
      noValidate
      className="canvass-plan"
    >
      <ProblemArea problem={problem} />

      <TextAreaField
        id="area"
        label="Where will you be?"
        hint="The streets, estate or ward, so that someone could find you. For example: Riverside ward, Mill Lane and the Oaks estate."
        rows={2}
        maxLength={2000}
        required
        value={area}
        onChange={(e) => setArea(e.target.value)}
        error={errorFor(problem, "area")}
      />

      <details
        className="more-details canvass-map-section"
        open={mapOpen}
        onToggle={(e) => setMapOpen(e.currentTarget.open)}
      >
        <summary>
          Mark places on a map{" "}
          <span className="optional">(optional{points.length ? `, ${points.length} marked` : ""})</span>
        </summary>
        <div
          id="points"
          tabIndex={-1}
          aria-describedby={errorFor(problem, "points") ? "points-error" : undefined}
        >
          <p className="hint">
            For example where you will start, or the ends of the streets. Your team sees them on this
            session&rsquo;s page.
          </p>
          {errorFor(problem, "points") ? (
            <FieldError id="points-error">{errorFor(problem, "points")}</FieldError>
          ) : null}
          {mapOpen ? (
            <PlacesMap
              id="plan-map"
              label="Map for marking places"
              places={points.map((p, i) => ({
                lat: p.lat,
                lng: p.lng,
                kind: "point",
                text: `${i + 1}${p.label.trim() ? ` ${p.label.trim()}` : ""}`,
              }))}
              onMark={markPoint}
              centre={mapCentre}
              note={(hasTiles) =>
                `${
                  hasTiles
                    ? "Tap the map to mark a place, or use your location."
                    : "No background map: this Shield does not send your location to a map service. Tap to mark a place, or use your location."
                } With a keyboard, move the map with the arrow keys and press Enter to mark its centre.`
              }
            />
          ) : null}
          <div className="actions">
            <button
              type="button"
              id="use-my-location"
              className="secondary"
              disabled={locating}
              onClick={() => void markMyLocation()}
            >
              {locating ? "Finding you…" : "Use my location"}
            </button>
          </div>
          <p role="status" className="canvass-map-news">
            {mapNews}
          </p>
          {points.length ? (
            <ol className="plain canvass-points" aria-label="Places marked">
              {points.map((p, i) => (
                <li key={p.key} className="canvass-point">
                  <p className="canvass-point-where">
                    <strong>Place {i + 1}</strong>: {coordinates(p)}
                  </p>
                  <TextField
                    id={`point-${p.key}-label`}
                    label={`Label for place ${i + 1}`}
                    optional
                    autoComplete="off"
                    maxLength={200}
                    value={p.label}
                    onChange={(e) => updatePoint(p.key, e.target.value)}
                  />
                  <button type="button" className="secondary small" onClick={() => removePoint(p.key, i)}>
                    Remove place {i + 1}
                  </button>
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      </details>

      <fieldset
        id="people"
        tabIndex={-1}
        aria-describedby={errorFor(problem, "people") ? "people-error" : undefined}
      >
        <legend>Who is going out?</legend>
        {errorFor(problem, "people") ? (
          <FieldError id="people-error">{errorFor(problem, "people")}</FieldError>
        ) : null}
        {membersHidden ? (
          <p className="hint">
            Only the candidate and full team members can see the whole team, so add anyone else going with you
            by name.
          </p>
        ) : null}
        {team.map((m) => (
          <Checkbox
            key={m.userId}
            id={`going-${m.userId}`}
            checked={going.has(m.userId)}
            onChange={(on) =>
              setGoing((set) => {
                const next = new Set(set);
                if (on) next.add(m.userId);
                else next.delete(m.userId);
                return next;
              })
            }
            label={m.userId === you.id ? `${m.displayName} (you)` : m.displayName}
          />
        ))}
        {namedPeople.map((p, i) => (
          <div key={p.key} className="named-row" role="group" aria-label={`Person ${i + 1} added by name`}>
            <TextField
              id={`person-${p.key}-name`}
              label="Their name"
              autoComplete="off"
              maxLength={120}
              value={p.name}
              onChange={(e) => updatePerson(p.key, { name: e.target.value })}
              error={errorFor(problem, `person-${p.key}-name`)}
            />
            <TextField
              id={`person-${p.key}-phone`}
              type="tel"
              label="Their mobile number"
              optional
              hint="So the people told can ring them."
              autoComplete="off"
              inputMode="tel"
              maxLength={40}
              value={p.phone}
              onChange={(e) => updatePerson(p.key, { phone: e.target.value })}
              error={errorFor(problem, `person-${p.key}-phone`)}
            />
            <button
              type="button"
              className="secondary small"
              onClick={() => {
                setNamedPeople((rows) => rows.filter((r) => r.key !== p.key));
                removeRow("add-person");
              }}
            >
              Remove {p.name.trim() || "this person"}
            </button>
          </div>
        ))}
        <div className="actions">
          <button type="button" id="add-person" className="secondary" onClick={addPerson}>
            Add someone without a Shield account
          </button>
        </div>
      </fieldset>

      {alone ? (
        <div className="canvass-alone" role="note" aria-labelledby="alone-heading">
          <p id="alone-heading" className="canvass-alone-title">
            <span aria-hidden="true">⚠ </span>Going alone
          </p>
          <p>{ALONE_WARNING}</p>
          <p>
            <a href="#contacts">Choose who will know where you are</a>, below.
          </p>
        </div>
      ) : null}

      <TextField
        id="endsAt"
        type="time"
        label="When do you expect to finish?"
        hint={endHint()}
        required
        value={endTime}
        onChange={(e) => setEndTime(e.target.value)}
        error={errorFor(problem, "endsAt")}
        className="time-input"
      />

      <fieldset
        id="checkInEvery"
        tabIndex={-1}
        aria-describedby={`checkInEvery-hint${errorFor(problem, "checkInEvery") ? " checkInEvery-error" : ""}`}
      >
        <legend>How often will you check in?</legend>
        <span className="hint" id="checkInEvery-hint">
          You press &ldquo;I&rsquo;m OK&rdquo; in Shield this often. Shield reminds you shortly before each
          check-in.
        </span>
        {errorFor(problem, "checkInEvery") ? (
          <FieldError id="checkInEvery-error">{errorFor(problem, "checkInEvery")}</FieldError>
        ) : null}
        <div className="choices-inline">
          {[...EVERY_CHOICES, "custom" as const].map((value) => (
            <label key={value} className="choice" htmlFor={`every-${value}`}>
              <input
                type="radio"
                id={`every-${value}`}
                name="checkInEvery"
                value={value}
                checked={every === value}
                onChange={() => setEvery(value)}
              />
              {value === "custom" ? "Other" : EVERY_WORDS[value]}
            </label>
          ))}
        </div>
        {every === "custom" ? (
          <TextField
            id="checkInEveryCustom"
            type="number"
            inputMode="numeric"
            min={CANVASS_LIMITS.minCheckInMinutes}
            max={CANVASS_LIMITS.maxCheckInMinutes}
            step={1}
            label="Minutes between check-ins"
            value={customEvery}
            onChange={(e) => setCustomEvery(e.target.value)}
            error={errorFor(problem, "checkInEveryCustom")}
            className="number-input"
          />
        ) : null}
      </fieldset>

      <fieldset
        id="contacts"
        tabIndex={-1}
        aria-describedby={`contacts-hint${errorFor(problem, "contacts") ? " contacts-error" : ""}`}
        className={alone ? "canvass-contacts-alone" : undefined}
      >
        <legend>{alone ? "Who will know where you are?" : "Who is told if you do not check in?"}</legend>
        <span className="hint" id="contacts-hint">
          Shield alerts them if a check-in is missed, if the session runs past its end, or if a safety button
          is pressed.
          {members && stayingMembers.length
            ? " If you change nothing, that is the candidate and the team members with full access who are not going out."
            : ""}
        </span>
        {errorFor(problem, "contacts") ? (
          <FieldError id="contacts-error">{errorFor(problem, "contacts")}</FieldError>
        ) : null}
        {noEmail ? (
          <p className="canvass-warning">
            <span aria-hidden="true">⚠ </span>This Shield cannot send email yet; team members still see alerts
            in the app.
            {noSms
              ? " It cannot send text messages either, so people added by name only see a phone number if someone passes it on: tell them your plan yourself too."
              : ""}
          </p>
        ) : noSms && namedContacts.some((c) => c.phone.trim() && !c.email.trim()) ? (
          <p className="canvass-warning">
            <span aria-hidden="true">⚠ </span>This Shield cannot send text messages, so people with only a
            phone number cannot be alerted: add an email address for them.
          </p>
        ) : null}
        {members ? (
          stayingMembers.length ? (
            stayingMembers.map((m) => (
              <Checkbox
                key={m.userId}
                id={`tell-${m.userId}`}
                checked={tells(m)}
                onChange={(on) => setTellChoice((c) => ({ ...c, [m.userId]: on }))}
                label={
                  <>
                    {m.userId === you.id ? `${m.displayName} (you)` : m.displayName}{" "}
                    <span className="meta">({PERMISSION_WORDS[m.permission]})</span>
                  </>
                }
              />
            ))
          ) : (
            <p>Everyone in the team is going out, so add someone by name who will know where you are.</p>
          )
        ) : (
          <p>
            {namedContacts.length
              ? "The people you add below are told first. The candidate and the team members with full access are told at the second alert."
              : "If you add nobody, Shield tells the candidate and the team members with full access (it looks them up for you)."}
          </p>
        )}
        {namedContacts.map((c, i) => (
          <div key={c.key} className="named-row" role="group" aria-label={`Person to tell ${i + 1}`}>
            <TextField
              id={`contact-${c.key}-name`}
              label="Their name"
              autoComplete="off"
              maxLength={120}
              value={c.name}
              onChange={(e) => updateContact(c.key, { name: e.target.value })}
              error={errorFor(problem, `contact-${c.key}-name`)}
            />
            <TextField
              id={`contact-${c.key}-email`}
              type="email"
              label="Their email address"
              hint="An email address or a mobile number (or both), so an alert can reach them."
              autoComplete="off"
              inputMode="email"
              maxLength={320}
              value={c.email}
              onChange={(e) => updateContact(c.key, { email: e.target.value })}
              error={errorFor(problem, `contact-${c.key}-email`)}
            />
            <TextField
              id={`contact-${c.key}-phone`}
              type="tel"
              label="Their mobile number"
              autoComplete="off"
              inputMode="tel"
              maxLength={40}
              value={c.phone}
              onChange={(e) => updateContact(c.key, { phone: e.target.value })}
              error={errorFor(problem, `contact-${c.key}-phone`)}
            />
            <button
              type="button"
              className="secondary small"
              onClick={() => {
                setNamedContacts((rows) => rows.filter((r) => r.key !== c.key));
                removeRow("add-contact");
              }}
            >
              Remove {c.name.trim() || "this person"}
            </button>
          </div>
        ))}
        <div className="actions">
          <button type="button" id="add-contact" className="secondary" onClick={addContact}>
            Add a person to tell
          </button>
        </div>
      </fieldset>

      <details
        className="more-details"
        open={advancedOpen}
        onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}
      >
        <summary>More settings: when alerts go out, the police, your location</summary>
        <TextField
          id="graceMinutes"
          type="number"
          inputMode="numeric"
          min={0}
          max={CANVASS_LIMITS.maxGraceMinutes}
          step={1}
          label="First alert: minutes after a missed check-in"
          hint="Shield waits this long for a late check-in before it alerts the people told."
          value={grace}
          onChange={(e) => setGrace(e.target.value)}
          error={errorFor(problem, "graceMinutes")}
          className="number-input"
        />
        <TextField
          id="stage2AfterMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={CANVASS_LIMITS.maxStageMinutes}
          step={1}
          label="Second alert: minutes after a missed check-in"
          hint="If nobody has said they are dealing with it by then, Shield alerts the candidate and the team members with full access who are not out (or, if there is nobody else, the people told again)."
          value={stage2}
          onChange={(e) => setStage2(e.target.value)}
          error={errorFor(problem, "stage2AfterMinutes")}
          className="number-input"
        />
        <Checkbox
          id="alertSpoc"
          checked={alertSpoc}
          onChange={setAlertSpoc}
          label="Also alert our police single point of contact"
          hint={
            <>
              A third alert, if still nobody has said they are dealing with it, goes to your force&rsquo;s
              single point of contact for candidates
              {policeWho ? `: ${policeWho}` : ""}. Choose this only if they have agreed to it. It is not a 999
              call: in an emergency, call 999 yourself.
              {policeContact && !policeContact.email && !policeContact.phone ? (
                <>
                  {" "}
                  Their details are not saved yet: add them on <Link href="/contacts">Police contact</Link>.
                </>
              ) : null}
            </>
          }
        />
        {alertSpoc ? (
          <TextField
            id="stage3AfterMinutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={CANVASS_LIMITS.maxStageMinutes}
            step={1}
            label="Police alert: minutes after a missed check-in"
            value={stage3}
            onChange={(e) => setStage3(e.target.value)}
            error={errorFor(problem, "stage3AfterMinutes")}
            className="number-input"
          />
        ) : null}
        <Checkbox
          id="shareLocation"
          checked={shareLocation}
          onChange={setShareLocation}
          label="Share my location when I check in"
          hint="Each time you check in or press a safety button, your phone's location goes with it. Only the people alerted see it, in the alert, and your team sees the last one on this session's page. Shield does not follow you between check-ins. Your browser will ask you first."
        />
      </details>

      <div className="actions">
        <SubmitButton busy={busy} sending="Starting…" className="canvass-start">
          Start canvassing
        </SubmitButton>
      </div>
      <p className="hint">
        The session starts now.
        {Number.isInteger(everyMinutes) && everyMinutes > 0
          ? ` Your first check-in is due in ${duration(everyMinutes * 60_000)}.`
          : ""}
      </p>
    </form>
  );
}

function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="field-error" id={id}>
      <span aria-hidden="true">⚠ </span>
      <span className="visually-hidden">Error: </span>
      {children}
    </p>
  );
}
