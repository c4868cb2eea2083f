// The text to paste into a platform's own report form for an online incident, with a Copy button.
// Written when asked for (asking is recorded as a read of the incident, like opening it).
import { useEffect, useRef, useState } from "react";
import { api, errorMessage } from "../../api.ts";
import { CopyButton } from "../forms/Copy.tsx";
import { PLATFORM_LABEL } from "../labels.ts";
import { Notice } from "../Page.tsx";
import type { Platform } from "../../types.ts";
import "./police.css";

interface PlatformReportText {
  platform: Platform;
  platformName?: string;
  text: string;
}

export function PlatformReport({ incidentId, platform }: { incidentId: string; platform: Platform }) {
  const [report, setReport] = useState<PlatformReportText>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const textBox = useRef<HTMLDivElement>(null);
  const name = report?.platformName ?? PLATFORM_LABEL[platform] ?? platform;
  const textId = `platform-report-${incidentId}`;

  // A different incident (or platform after an amendment) needs its own text.
  useEffect(() => setReport(undefined), [incidentId, platform]);

  async function write() {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await api<PlatformReportText>(`/api/incidents/${incidentId}/platform-report`));
      setTimeout(() => textBox.current?.focus(), 0);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h3 id="platform-report-heading">Report it to {name}</h3>
      <p>
        Shield can write the text for {name}’s report form: what happened and when, the words exactly as
        posted, which of its rules they may break, and what you ask it to do. Read it through before you send
        it.
      </p>
      {!report ? (
        <div className="actions">
          <button type="button" className="secondary" disabled={busy} onClick={() => void write()}>
            {busy ? "Writing it…" : `Write the report for ${name}`}
          </button>
        </div>
      ) : null}
      <Notice kind="error">{error}</Notice>
      {report ? (
        <>
          <div
            ref={textBox}
            id={textId}
            className="quote platform-report-text"
            role="region"
            aria-labelledby="platform-report-heading"
            tabIndex={0}
          >
            {report.text}
          </div>
          <p className="copy-row">
            <CopyButton value={report.text} selectId={textId}>
              Copy the report text
            </CopyButton>
          </p>
        </>
      ) : null}
    </>
  );
}
