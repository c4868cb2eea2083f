// Check a message: paste any text and see what the guidance says, without saving anything.
import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { api, errorMessage, OfflineError } from "../api.ts";
import { Notice, Page } from "../components/Page.tsx";
import { VerdictView } from "../components/VerdictView.tsx";
import { ChannelSelect } from "../components/forms/CodeSelect.tsx";
import { TextAreaField } from "../components/forms/Field.tsx";
import { SubmitButton } from "../components/forms/Form.tsx";
import { CHANNEL_CHOICE_LABEL } from "../components/labels.ts";
import { rememberedContext } from "../offline/campaign-cache.ts";
import { useCampaign } from "../session.tsx";
import type { Channel, IncidentBody } from "../../../src/core/incident/model.ts";
import type { PresentedVerdict } from "../types.ts";

export default function Check() {
  const campaign = useCampaign();
  const [text, setText] = useState("");
  const [channel, setChannel] = useState<Channel>("social-media");
  const [result, setResult] = useState<{ verdict: PresentedVerdict; text: string; onDevice: boolean }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function check(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (text.trim() === "") {
      setError("Paste or type the message you want to check.");
      document.getElementById("check-text")?.focus();
      return;
    }
    setBusy(true);
    try {
      const { verdict } = await api<{ verdict: PresentedVerdict }>(
        `/api/campaigns/${campaign.id}/triage/preview`,
        {
          body: { text, channel },
        },
      );
      setResult({ verdict, text, onDevice: false });
    } catch (e) {
      if (!(e instanceof OfflineError)) {
        setError(errorMessage(e));
        return;
      }
      const { localVerdict } = await import("../offline/local-verdict.ts");
      const body: IncidentBody = {
        summary: "Message checked on this device",
        description: "",
        occurredAt: new Date().toISOString(),
        channel,
        targeted: ["candidate"],
        actorIds: [],
        witnesses: [],
      };
      const verdict = localVerdict(
        { id: "check", body, evidenceTexts: [{ id: "preview", text }] },
        rememberedContext(campaign.id),
      );
      setResult({ verdict, text, onDevice: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page
      title="Check a message"
      intro="Paste a message, comment or email to see what the guidance says to do. Nothing is saved."
    >
      <form onSubmit={check} noValidate>
        <Notice>{error}</Notice>
        <TextAreaField
          id="check-text"
          label="Message to check"
          hint="Exactly as you received it"
          value={text}
          rows={6}
          onChange={(e) => setText(e.target.value)}
        />
        <ChannelSelect
          id="check-channel"
          label="Where did it come from?"
          labels={CHANNEL_CHOICE_LABEL}
          value={channel}
          onChange={setChannel}
        />
        <div className="actions">
          <SubmitButton busy={busy} sending="Checking…">
            Check
          </SubmitButton>
        </div>
      </form>
      {result ? (
        <section aria-labelledby="check-result" aria-live="polite">
          <h2 id="check-result">What the guidance says</h2>
          {result.onDevice ? (
            <p className="meta">
              You are offline, so this was worked out on your device. It does not check your private details.
            </p>
          ) : null}
          <VerdictView
            verdict={result.verdict}
            texts={{ evidence: { preview: result.text } }}
            headingLevel={3}
          />
          <p>
            Want to keep it? <Link href="/record">Record it as an incident</Link>.
          </p>
        </section>
      ) : null}
    </Page>
  );
}
