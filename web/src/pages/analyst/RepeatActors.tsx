// For the national analyst: identifiers behind incidents shared in two or more forces. Keyed
// fingerprints only: which kind of identifier, which forces and when; never an identifier or any text.
import { errorMessage } from "../../api.ts";
import { Notice, Page } from "../../components/Page.tsx";
import { RepeatActorList } from "../../components/police/RepeatActorList.tsx";
import type { RepeatActor } from "../../components/police/types.ts";
import { isForbidden, useResource } from "../../components/useResource.ts";
import "../incidents.css";
import "../../components/police/police.css";

export default function AnalystRepeatActors() {
  const alerts = useResource<{ repeatActors: RepeatActor[] }>("/api/analyst/repeat-actors");
  return (
    <Page
      title="Repeat actors across forces"
      intro="The same identifier behind incidents that candidates shared with two or more forces."
    >
      <div className="incidents-ui police-ui">
        <p className="protected-note">
          No identifier and no incident text is ever shown here. Shield matches keyed fingerprints of
          identifiers (a keyed hash made with this deployment’s secret), and each alert has only an opaque
          key, the kind of identifier, the forces and the dates. Each force’s single point of contact is told
          about the alerts that involve their force, so they can contact each other.
        </p>
        {isForbidden(alerts.error) ? (
          <p>Only the national analyst sees repeat-actor alerts across forces.</p>
        ) : alerts.error ? (
          <Notice kind="error">{errorMessage(alerts.error)}</Notice>
        ) : null}
        {alerts.loading && !alerts.data ? (
          <p role="status" className="loading">
            Loading…
          </p>
        ) : null}
        {alerts.data && alerts.data.repeatActors.length === 0 ? (
          <p>No identifier has been shared with more than one force.</p>
        ) : null}
        {alerts.data ? <RepeatActorList alerts={alerts.data.repeatActors} /> : null}
      </div>
    </Page>
  );
}
