// For a SPOC: the same person behind incidents shared with their force and with another, which forces
// and when, and whom to contact there. Worked out on keyed fingerprints: no identifier is shown.
import { errorMessage } from "../../api.ts";
import { Notice, Page } from "../../components/Page.tsx";
import { RepeatActorList } from "../../components/police/RepeatActorList.tsx";
import type { SpocRepeatActors } from "../../components/police/types.ts";
import { forceName } from "../../components/police/words.ts";
import { isForbidden, useResource } from "../../components/useResource.ts";
import { useSession } from "../../session.tsx";
import "../incidents.css";
import "../../components/police/police.css";

export default function RepeatActors() {
  const { session } = useSession();
  const alerts = useResource<SpocRepeatActors>("/api/police/repeat-actors");
  const ownForceId = alerts.data?.forceId ?? session?.user.forceId ?? "";
  const force = forceName(ownForceId);
  return (
    <Page
      title="Repeat actors across forces"
      intro={`The same identifier behind incidents shared with ${force || "your force"} and with another force.`}
    >
      <div className="incidents-ui police-ui">
        <p className="protected-note">
          Shield compares keyed fingerprints of identifiers (handles, phone numbers, email addresses…), never
          the identifiers themselves, so none is shown here. To compare what you each hold, contact the other
          force’s single point of contact.
        </p>
        {isForbidden(alerts.error) ? (
          <p>Only a police force’s single point of contact for candidates sees these alerts.</p>
        ) : alerts.error ? (
          <Notice kind="error">{errorMessage(alerts.error)}</Notice>
        ) : null}
        {alerts.loading && !alerts.data ? (
          <p role="status" className="loading">
            Loading…
          </p>
        ) : null}
        {alerts.data && alerts.data.repeatActors.length === 0 ? (
          <p>No identifier behind incidents shared with your force has been shared with another force.</p>
        ) : null}
        {alerts.data ? <RepeatActorList alerts={alerts.data.repeatActors} ownForceId={ownForceId} /> : null}
      </div>
    </Page>
  );
}
