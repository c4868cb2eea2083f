// A question before something that cannot be taken back (sharing with the police, stopping it,
// suspending an account): it takes the focus when it opens, says what will happen, and offers Cancel.
import { useEffect, useId, useRef, type ReactNode } from "react";
import "./police.css";

export function Confirm({
  question,
  children,
  confirm,
  busy,
  busyText,
  tone = "primary",
  onConfirm,
  onCancel,
}: {
  question: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  /** The words of the button that does it. */
  confirm: string;
  busy: boolean;
  busyText: string;
  tone?: "primary" | "danger";
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <div
      ref={panel}
      className={`confirm-panel confirm-${tone}`}
      tabIndex={-1}
      role="group"
      aria-labelledby={`${id}-q`}
      aria-describedby={`${id}-what`}
    >
      <p id={`${id}-q`}>
        <strong>{question}</strong>
      </p>
      <div id={`${id}-what`}>{children}</div>
      <div className="actions">
        <button
          type="button"
          className={tone === "danger" ? "danger" : undefined}
          disabled={busy}
          onClick={onConfirm}
        >
          {busy ? busyText : confirm}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
