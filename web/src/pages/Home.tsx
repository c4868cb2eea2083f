// The first page: 999 before anything else, then the three big actions (or, for police, analyst and
// administrator accounts, which have no campaign, the screens for their work).
import { Link } from "wouter";
import { DangerLink } from "../components/DangerLink.tsx";
import { Page } from "../components/Page.tsx";
import { useSession } from "../session.tsx";
import { Notices } from "./Notices.tsx";
import { CanvassAlarms } from "../components/canvass/CanvassAlarms.tsx";
import { forceName } from "../components/police/words.ts";
import type { Role } from "../types.ts";

export function Home() {
  const { session, campaign } = useSession();
  if (session === null)
    return (
      <Page title="Shield">
        <DangerLink big />
        <p>
          Shield helps election candidates, their families and campaign teams record intimidation and abuse,
          see what the official guidance says to do, and share evidence with the police.
        </p>
        <p>
          If you are not in immediate danger but want to report something, call 101 or contact your force's
          single point of contact for candidates.
        </p>
        <div className="actions">
          <Link href="/sign-in" className="button">
            Sign in
          </Link>
          <Link href="/reference" className="button secondary">
            Read the guidance
          </Link>
        </div>
      </Page>
    );
  if (session && !campaign)
    return (
      <StaffHome role={session.user.role} name={session.user.displayName} forceId={session.user.forceId} />
    );
  return (
    <Page title={session ? `Hello, ${session.user.displayName.split(" ")[0]}` : "Shield"}>
      {campaign && session ? <CanvassAlarms campaignId={campaign.id} youId={session.user.id} /> : null}
      <div className="big-actions">
        <Link href="/danger" className="big-action danger">
          I'm in danger
          <small>Call 999 first, then tell your team</small>
        </Link>
        <Link href="/record" className="big-action primary">
          Record an incident
          <small>About 30 seconds. Works offline.</small>
        </Link>
        <Link href="/canvass" className="big-action">
          Start canvassing
          <small>Tell someone where you are going</small>
        </Link>
      </div>
      {campaign ? <Notices campaignId={campaign.id} /> : null}
      <h2>Also here</h2>
      <ul>
        <li>
          <Link href="/check">Check a message</Link> without saving it
        </li>
        <li>
          <Link href="/incidents">Your incidents</Link>
        </li>
        <li>
          <Link href="/health-check">Online health check</Link>: where your details might leak
        </li>
      </ul>
    </Page>
  );
}

interface StaffLink {
  href: string;
  title: string;
  what: string;
}

const STAFF_LINKS: Partial<Record<Role, { intro: string; links: StaffLink[] }>> = {
  spoc: {
    intro:
      "You are a single point of contact for candidates. You see only what candidates in your force share with you.",
    links: [
      {
        href: "/police/queue",
        title: "Shared incidents",
        what: "The queue: highest level first. Acknowledge, and record crime references, actions and outcomes.",
      },
      {
        href: "/police/briefings",
        title: "Security briefings",
        what: "Briefings offered and delivered to each candidate in your force.",
      },
      {
        href: "/police/repeat-actors",
        title: "Repeat actors",
        what: "The same person behind incidents shared with your force and another, and whom to contact.",
      },
    ],
  },
  analyst: {
    intro:
      "You see national figures, with small numbers hidden, and alerts about the same person in several forces. Never a record or an identifier.",
    links: [
      {
        href: "/analyst",
        title: "Statistics",
        what: "Shared incidents by force, week, channel, level, offence and who was targeted. Tables, charts, CSV.",
      },
      {
        href: "/analyst/repeat-actors",
        title: "Repeat actors",
        what: "Identifiers behind incidents shared in two or more forces: which forces, and when.",
      },
    ],
  },
  admin: {
    intro: "You run this Shield service. You never see incident content.",
    links: [
      {
        href: "/admin",
        title: "Accounts",
        what: "Invite police, analyst and administrator accounts and candidates; suspend and reinstate accounts.",
      },
    ],
  },
};

function StaffHome({ role, name, forceId }: { role: Role; name: string; forceId: string | null }) {
  const screens = STAFF_LINKS[role];
  const force = forceName(forceId);
  return (
    <Page title={`Hello, ${name}`}>
      <DangerLink big />
      {screens ? (
        <>
          <p>
            {screens.intro}
            {force ? ` Your force: ${force}.` : ""}
          </p>
          <ul className="plain staff-links">
            {screens.links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="big-action">
                  {l.title}
                  <small>{l.what}</small>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Your account is not part of a campaign team.</p>
      )}
      <h2>Also here</h2>
      <ul>
        <li>
          <Link href="/reference">Guidance and platforms</Link>
        </li>
        <li>
          <Link href="/settings">Settings</Link>: password, two-factor sign-in and devices
        </li>
      </ul>
    </Page>
  );
}
