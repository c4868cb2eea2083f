// The first page: 999 before anything else, then the three big actions.
import { Link } from "wouter";
import { DangerLink } from "../components/DangerLink.tsx";
import { Page } from "../components/Page.tsx";
import { useSession } from "../session.tsx";
import { Notices } from "./Notices.tsx";
import { CanvassAlarms } from "../components/canvass/CanvassAlarms.tsx";

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
      <Page title={`Hello, ${session.user.displayName.split(" ")[0]}`}>
        <DangerLink big />
        <p>
          Your account is not part of a campaign team. The screens for police, analyst and administrator
          accounts are not in the app yet; until they are, their work is done through Shield's API
          (documentation at <a href="/docs">/docs</a>).
        </p>
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
