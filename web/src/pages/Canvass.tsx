// Canvassing safely: who is out now, and planning a session before you knock on doors, with check-ins
// that alert your contacts if you miss one. The guidance's own advice and its source stay on the page.
import { Link, useLocation } from "wouter";
import { ApiError, errorMessage } from "../api.ts";
import { CHANNELS_PATH, sessionsPath } from "../canvass/api.ts";
import type { CanvassSessionView, Channels, TeamMember } from "../canvass/types.ts";
import { Notice, Page } from "../components/Page.tsx";
import { useResource } from "../components/useResource.ts";
import { PlanForm, type PoliceContactSummary } from "../components/canvass/PlanForm.tsx";
import { SessionList } from "../components/canvass/SessionList.tsx";
import { useCampaign, useSession } from "../session.tsx";
import "../components/canvass/canvass.css";

export default function Canvass() {
  const campaign = useCampaign();
  const { session } = useSession();
  const [, navigate] = useLocation();
  const open = useResource<{ sessions: CanvassSessionView[] }>(sessionsPath(campaign.id, true));
  const team = useResource<{ members: TeamMember[] }>(`/api/campaigns/${campaign.id}/members`);
  const channels = useResource<Channels>(CHANNELS_PATH);
  const police = useResource<{ body: PoliceContactSummary }>(`/api/campaigns/${campaign.id}/police-contact`);
  const membersHidden = team.error instanceof ApiError && team.error.status === 403;
  const teamReady = Boolean(team.data) || Boolean(team.error);
  const sessions = open.data?.sessions ?? [];

  return (
    <Page title="Canvass safely" intro="Before you go out, make sure someone knows where you will be.">
      {open.loading && !open.data ? (
        <p role="status" className="loading">
          Loading who is out…
        </p>
      ) : null}
      {open.error ? <Notice>{errorMessage(open.error)}</Notice> : null}
      {sessions.length ? (
        <section aria-labelledby="out-now">
          <h2 id="out-now">Out now</h2>
          <SessionList sessions={sessions} youId={session?.user.id ?? ""} />
        </section>
      ) : null}

      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">{sessions.length ? "Plan another session" : "Plan a canvassing session"}</h2>
        <p>
          Say where you are going, who is going, and when you will be back. While you are out, you check in
          with one tap; if a check-in is missed, Shield alerts the people you choose.
        </p>
        {!teamReady ? (
          <p role="status" className="loading">
            Loading your team…
          </p>
        ) : team.error && !membersHidden ? (
          <Notice>{errorMessage(team.error)}</Notice>
        ) : session ? (
          <PlanForm
            campaignId={campaign.id}
            you={{ id: session.user.id, displayName: session.user.displayName }}
            members={team.data?.members}
            membersHidden={membersHidden}
            channels={channels.data}
            policeContact={police.data?.body}
            onStarted={(view) => navigate(`/canvass/${view.id}`)}
          />
        ) : null}
      </section>

      <section aria-labelledby="before-heading">
        <h2 id="before-heading">Before you go</h2>
        <ul>
          <li>If you can, canvass with someone else rather than alone.</li>
          <li>As a minimum, tell someone where you are canvassing, and when you expect to finish.</li>
          <li>
            Save your force&rsquo;s single point of contact for candidates in your phone (see{" "}
            <Link href="/contacts">Police contact</Link>).
          </li>
        </ul>
        <h2>While you are out</h2>
        <ul>
          <li>Make safe decisions on the doorstep.</li>
          <li>If you feel unsafe, disengage: end the conversation and leave.</li>
          <li>
            If something happens, <Link href="/record">record it</Link> as soon as you are safe. It works
            offline.
          </li>
        </ul>
        <p className="source">
          Source: Joint Guidance for Candidates in Elections – When it goes too far (NPCC, College of
          Policing, Electoral Commission, May 2024), protective steps: &ldquo;Consider your safety when
          canvassing and visiting voters at the door. While political debate is a key part of our democracy,
          if you feel unsafe then disengage. If possible, do visits accompanied, as a minimum tell someone
          where you are canvassing, and ensure you are making safe decisions on the doorstep.&rdquo;
        </p>
      </section>
    </Page>
  );
}
