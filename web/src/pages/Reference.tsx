// Guidance and platforms: what the official guidance says (when to call 999 and 101, protective steps,
// S.H.I.E.L.D), where to get help, and each platform's safety controls. Works signed out. The words
// and their sources come from the same data the verdicts use (src/core/triage), so they always agree.
import { Link } from "wouter";
import { Page } from "../components/Page.tsx";
import { useSession } from "../session.tsx";
import { PLATFORM_CONTROLS } from "../../../src/core/triage/advice.ts";
import {
  EMERGENCY,
  GET_SAFE_ONLINE,
  NON_EMERGENCY,
  SUZY_LAMPLUGH,
  VICTIM_SUPPORT,
  type Contact,
} from "../../../src/core/triage/contacts.ts";
import { GUIDANCE_SOURCES as S } from "../../../src/core/triage/sources.ts";
import type { Platform } from "../types.ts";
import "./account.css";

/** A source splits into where it is from and the guidance's own words, when it quotes them. */
function cited(source: string): { citation: string; quote?: string } {
  const match = /^(.*?): "(.*)"$/s.exec(source);
  return match ? { citation: match[1]!, quote: match[2]! } : { citation: source };
}

interface Item {
  title: string;
  source: string;
  /** The guidance's words in full, where the source shortens them with "…". */
  fullQuote?: string;
  /** Shield's own note, in plain English, when the guidance needs one. */
  note?: string;
  /** Where in Shield this step is done (shown when signed in). */
  app?: { href: string; label: string };
}

const RED_FLAGS: readonly Item[] = [
  { title: "A threat of violence soon", source: S.redFlagImminent },
  { title: "Fixated ideas or a plan", source: S.redFlagFixated },
  { title: "Access to weapons", source: S.redFlagWeapons },
  { title: "Your private details made public", source: S.redFlagPersonalInfo },
];

const WHEN_POLICE: readonly Item[] = [
  { title: "Abusive or threatening words", source: S.policeAbusiveOrThreatening },
  { title: "Repeated unwanted contact", source: S.policeRepeatedContact },
  { title: "Discriminatory abuse or threats", source: S.policeDiscriminatory },
  { title: "Fixation on you or your campaign", source: S.policeFixation },
];

// Titles as the verdicts' next steps name them (src/core/triage/advice.ts). Full quotes are from the
// Joint Guidance's "Protecting Yourself, Family, Friends and Colleagues" (shared/guidance/000).
const PROTECTIVE: readonly Item[] = [
  {
    title: "At hustings and public meetings",
    source: S.hustings,
    fullQuote:
      "When at hustings or public meetings, be aware of your surroundings and if something or someone causes you to be concerned for your safety, report it to the police using 999 if the threat or danger is immediate and 101 to report suspicious activity that has already occurred.",
  },
  {
    title: "On the doorstep",
    source: S.canvassing,
    fullQuote:
      "Consider your safety when canvassing and visiting voters at the door. While political debate is a key part of our democracy, if you feel unsafe then disengage. If possible, do visits accompanied, as a minimum tell someone where you are canvassing, and ensure you are making safe decisions on the doorstep.",
    app: { href: "/canvass", label: "Tell someone where you are canvassing" },
  },
  {
    title: "Keep records",
    source: S.keepRecords,
    app: { href: "/record", label: "Record an incident" },
  },
  { title: "Do not engage", source: S.doNotEngage },
  { title: "Report it to your provider", source: S.reportToProvider },
  { title: "Use the platform's report tools", source: S.reportAbuseTools },
  { title: "Block or report trolls", source: S.blockTrolls },
  {
    title: "Online health check",
    source: S.onlineHealthCheck,
    app: { href: "/health-check", label: "Do the online health check" },
  },
  { title: "Home and workplace security", source: S.securitySurvey },
  {
    title: "Your single point of contact",
    source: S.spoc,
    fullQuote:
      "You should have been provided with a single point of contact for your force in your candidate letter, if you need to discuss crime or security concerns as a candidate then please use the contact details provided. Always call 999 in an emergency.",
    app: { href: "/contacts", label: "Your police contact" },
  },
];

const SHIELD_PRINCIPLES: readonly Item[] = [
  { title: "Safeguard", source: S.shieldSafeguard },
  { title: "Help", source: S.shieldHelp },
  {
    title: "Inform",
    source: S.shieldInform,
    note: "Shield suggests this only for one-off abuse. Do not reply to anyone who is stalking or harassing you, or who threatens you: the Joint Guidance says not to engage with them.",
  },
  { title: "Evidence", source: S.shieldEvidence, app: { href: "/record", label: "Record an incident" } },
  { title: "Let people know", source: S.shieldLetPeopleKnow },
  { title: "Decide", source: S.shieldDecide },
];

const PLATFORM_NAME: Partial<Record<Platform, string>> = {
  x: "X (formerly Twitter)",
  facebook: "Facebook",
  instagram: "Instagram",
  tiktok: "TikTok",
  youtube: "YouTube",
  whatsapp: "WhatsApp",
};

/** The Joint Guidance's Key Links (shared/guidance/000), and the LGA guide to handling intimidation (002). */
const KEY_LINKS: readonly { title: string; href: string; about: string; source: string }[] = [
  {
    title: "CPS guide: responding to intimidating behaviour in elections and public office",
    href: "https://www.cps.gov.uk/publication/responding-intimidating-behaviour-elections-and-public-office-cps-guide",
    about: "Which offences intimidation can be, and how the police and prosecutors deal with them.",
    source: S.cps,
  },
  {
    title: "Security guidance for elections (GOV.UK)",
    href: "https://www.gov.uk/government/publications/security-guidance-for-may-2021-elections",
    about: "Advice for candidates, including on cyber security.",
    source: S.keyLinks,
  },
  {
    title: "Electoral Commission: guidance for candidates and agents",
    href: "https://www.electoralcommission.org.uk/our-guidance/candidate-or-agent",
    about: "The rules for standing and campaigning.",
    source: S.keyLinks,
  },
  {
    title: "College of Policing: policing elections",
    href: "https://www.college.police.uk/app/policing-elections",
    about: "How the police approach elections.",
    source: S.keyLinks,
  },
  {
    title: "Local Government Association: handling abuse and intimidation",
    href: "https://www.local.gov.uk/our-support/guidance-and-resources/civility-public-life-resources-councillors/handling-abuse-and",
    about: "Advice for councillors that is also relevant to candidates, including online abuse.",
    source: S.keyLinks,
  },
  {
    title: "Local Government Association: social media guidance for councillors",
    href: "https://www.local.gov.uk/our-support/communications-and-community-engagement/social-media-guidance-councillors",
    about: "Using social media safely as a public figure.",
    source: S.keyLinks,
  },
  {
    title: "Local Government Association: councillors' guide to handling intimidation",
    href: "https://www.local.gov.uk/councillors-guide-handling-intimidation",
    about: "Practical steps, including the S.H.I.E.L.D principles.",
    source: "LGA #DebateNotHate: Councillors' guide to handling intimidation",
  },
];

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

function NewTab() {
  return <span className="visually-hidden"> (opens in a new tab)</span>;
}

/** Where a group of items comes from, said once under the group. */
function Sources({ sources }: { sources: readonly string[] }) {
  const citations = [...new Set(sources.map((s) => cited(s).citation))];
  if (citations.length === 1) return <p className="source">Source: {citations[0]}</p>;
  return (
    <div className="source">
      Sources:
      <ul className="sources">
        {citations.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}

function QuotedList({ items, className }: { items: readonly Item[]; className?: string }) {
  const { session } = useSession();
  return (
    <>
      <ul className={`plain ${className ?? ""}`}>
        {items.map((item) => {
          const { quote } = cited(item.source);
          return (
            <li key={item.title} className="card">
              <strong>{item.title}</strong>
              <blockquote className="guidance-quote">
                <p>{item.fullQuote ?? quote}</p>
              </blockquote>
              {item.note ? <p>{item.note}</p> : null}
              {item.app && session ? (
                <p>
                  <Link href={item.app.href}>{item.app.label}</Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Sources sources={items.map((i) => i.source)} />
    </>
  );
}

function ContactCard({ contact }: { contact: Contact }) {
  return (
    <li className="card">
      <strong>{contact.name}</strong>
      <br />
      {contact.phone ? (
        <>
          <a className="call-link" href={telHref(contact.phone)}>
            <span aria-hidden="true">☎ </span>Call {contact.phone}
          </a>
          <br />
        </>
      ) : null}
      {contact.when}
      {contact.url ? (
        <>
          <br />
          <a href={contact.url} target="_blank" rel="noreferrer">
            {contact.url.replace(/^https:\/\//, "")}
            <NewTab />
          </a>
        </>
      ) : null}
    </li>
  );
}

const SECTIONS: readonly [id: string, title: string][] = [
  ["danger", "In danger now: call 999"],
  ["red-flags", "Red flags: call 999"],
  ["when-police", "When to contact the police"],
  ["protect", "Protecting yourself and the people around you"],
  ["shield", "S.H.I.E.L.D: handling intimidation"],
  ["platforms", "Each platform's safety controls"],
  ["support", "Support and advice"],
  ["links", "Key links"],
];
const title = (id: string) => SECTIONS.find(([s]) => s === id)![1];

export default function Reference() {
  const danger = cited(EMERGENCY.source);
  const redFlagsIntro = cited(S.redFlagsDial999);
  const platforms = (Object.keys(PLATFORM_CONTROLS) as Platform[]).filter((p) => PLATFORM_CONTROLS[p]);

  return (
    <Page
      title="Guidance and platforms"
      intro="What the official guidance for candidates says to do, where to get help, and how to use each platform's safety controls. Every piece of advice says where it comes from."
    >
      <nav aria-labelledby="toc-heading">
        <h2 id="toc-heading">On this page</h2>
        <ul className="toc">
          {SECTIONS.map(([id, text]) => (
            <li key={id}>
              <a href={`#${id}`}>{text}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="danger">
        <h2 id="danger">{title("danger")}</h2>
        <p>
          <strong>If you feel you or anyone else is in immediate danger, call 999 now.</strong>{" "}
          {EMERGENCY.when}
        </p>
        <p>
          <a className="danger-link" href={telHref(EMERGENCY.phone!)}>
            <span aria-hidden="true">☎ </span>Call 999
          </a>
        </p>
        <blockquote className="guidance-quote">
          <p>&ldquo;{danger.quote}&rdquo;</p>
        </blockquote>
        <p className="source">Source: {danger.citation}</p>
      </section>

      <section aria-labelledby="red-flags">
        <h2 id="red-flags">{title("red-flags")}</h2>
        <p>
          The guidance names four warning signs (&ldquo;red flags&rdquo;) that things may be escalating. It
          says they &ldquo;{redFlagsIntro.quote}&rdquo;. If you see any of them,{" "}
          <a href="tel:999">call 999</a>.
        </p>
        <QuotedList items={RED_FLAGS} className="red-flags" />
      </section>

      <section aria-labelledby="when-police">
        <h2 id="when-police">{title("when-police")}</h2>
        <p>
          These may be a criminal offence and should be brought to the attention of your local police: call{" "}
          <a href={telHref(NON_EMERGENCY.phone!)}>{NON_EMERGENCY.phone}</a> or your force&apos;s single point
          of contact for candidates. Only the police and the courts decide whether an offence was committed.
        </p>
        <QuotedList items={WHEN_POLICE} />
      </section>

      <section aria-labelledby="protect">
        <h2 id="protect">{title("protect")}</h2>
        <p>
          Harassment and intimidation can be aimed at your family, friends and co-workers too, so these steps
          are for them as well.
        </p>
        <QuotedList items={PROTECTIVE} />
      </section>

      <section aria-labelledby="shield">
        <h2 id="shield">{title("shield")}</h2>
        <p>
          The Local Government Association&apos;s six principles for handling intimidation, written for
          councillors and just as useful for candidates.
        </p>
        <QuotedList items={SHIELD_PRINCIPLES} />
      </section>

      <section aria-labelledby="platforms">
        <h2 id="platforms">{title("platforms")}</h2>
        <p>
          <strong>Capture the evidence first.</strong> Before you report or block anything, take screenshots
          that show the sender, the date and time, and the full web address: reported content may be removed.
        </p>
        <p className="source">Source: {S.captureBeforeBlocking}</p>
        <p>
          Then use the platform&apos;s own tools. The guidance says: <q>{cited(S.reportAbuseTools).quote}</q>{" "}
          and <q>{cited(S.blockTrolls).quote}</q>
        </p>
        <p className="source">Source: {cited(S.blockTrolls).citation}</p>
        {platforms.map((p) => (
          <div key={p}>
            <h3>{PLATFORM_NAME[p] ?? p}</h3>
            <p>{PLATFORM_CONTROLS[p]}</p>
          </div>
        ))}
        <p>On any other platform, look for its Report and Block options on the post or the account.</p>
        <p className="source">Source: {S.platformControls}</p>
      </section>

      <section aria-labelledby="support">
        <h2 id="support">{title("support")}</h2>
        <ul className="plain">
          <ContactCard contact={NON_EMERGENCY} />
          <ContactCard contact={VICTIM_SUPPORT} />
          <ContactCard contact={SUZY_LAMPLUGH} />
          <ContactCard contact={GET_SAFE_ONLINE} />
        </ul>
        <Sources sources={[NON_EMERGENCY.source, VICTIM_SUPPORT.source]} />
      </section>

      <section aria-labelledby="links">
        <h2 id="links">{title("links")}</h2>
        <ul className="plain">
          {KEY_LINKS.map((link) => (
            <li key={link.href} className="card">
              <a href={link.href} target="_blank" rel="noreferrer">
                {link.title}
                <NewTab />
              </a>
              <br />
              {link.about}
            </li>
          ))}
        </ul>
        <Sources sources={KEY_LINKS.map((l) => l.source)} />
      </section>
    </Page>
  );
}
