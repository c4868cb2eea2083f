// Copying a value the person must pass on (a one-time link, a set-up key), with the result announced.
import { useState, type ReactNode } from "react";
import { Field } from "./Field.tsx";
import "./forms.css";

/**
 * A Copy button with its result announced. If the browser refuses (no clipboard access), the text
 * in `selectId` is selected so the person can copy it with their device's own command.
 */
export function CopyButton({
  value,
  selectId,
  children = "Copy",
  className,
}: {
  value: string;
  selectId?: string;
  children?: ReactNode;
  className?: string;
}) {
  const [copied, setCopied] = useState<"yes" | "no">();
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      const target = selectId ? document.getElementById(selectId) : null;
      if (target instanceof HTMLInputElement) {
        target.focus();
        target.select();
      } else if (target) {
        const range = document.createRange();
        range.selectNodeContents(target);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
      setCopied("no");
    }
  }
  return (
    <>
      <button type="button" className={className} onClick={() => void copy()}>
        {children}
      </button>
      <span role="status" className="copy-status">
        {copied === "yes"
          ? "Copied."
          : copied === "no"
            ? "This browser did not allow copying. The text is selected: copy it with your device's own copy command."
            : ""}
      </span>
    </>
  );
}

/** A value to copy (a one-time link): shown in full in a read-only box, with a Copy button. */
export function CopyField({
  id,
  label,
  hint,
  value,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} className="field copy-field">
      {(control) => (
        <div className="with-button">
          <input
            {...control}
            type="text"
            readOnly
            value={value}
            onFocus={(e) => e.currentTarget.select()}
            spellCheck={false}
          />
          <CopyButton value={value} selectId={id} />
        </div>
      )}
    </Field>
  );
}
