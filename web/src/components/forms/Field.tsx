// Form fields that are accessible by default: a label for every control, the hint and any error
// tied to it with aria-describedby, aria-invalid when it is wrong, and the error in words.
import {
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { Notice } from "../Page.tsx";
import type { Problem } from "./problems.ts";
import "./forms.css";

interface Described {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

function describedBy(id: string, hint: ReactNode, error: string | undefined, extra?: string) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : "", extra ?? ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function LabelAndHint({ id, label, hint, error }: Described) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

type InputProps = Described & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

export function TextField({ id, label, hint, error, name, ...input }: InputProps) {
  return (
    <div className="field">
      <LabelAndHint id={id} label={label} hint={hint} error={error} />
      <input
        id={id}
        name={name ?? id}
        type="text"
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

/** A password box with a Show button, so a long password can be checked on a phone. */
export function PasswordField({ id, label, hint, error, name, ...input }: Omit<InputProps, "type">) {
  const [shown, setShown] = useState(false);
  return (
    <div className="field">
      <LabelAndHint id={id} label={label} hint={hint} error={error} />
      <div className="with-button">
        <input
          id={id}
          name={name ?? id}
          {...input}
          type={shown ? "text" : "password"}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        <button
          type="button"
          className="secondary"
          aria-controls={id}
          aria-label={shown ? "Hide password" : "Show password"}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? "Hide" : "Show"}
        </button>
      </div>
    </div>
  );
}

type SelectProps = Described & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">;

export function SelectField({ id, label, hint, error, name, children, ...select }: SelectProps) {
  return (
    <div className="field">
      <LabelAndHint id={id} label={label} hint={hint} error={error} />
      <select
        id={id}
        name={name ?? id}
        {...select}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {children}
      </select>
    </div>
  );
}

type TextAreaProps = Described & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">;

export function TextAreaField({ id, label, hint, error, name, ...area }: TextAreaProps) {
  return (
    <div className="field">
      <LabelAndHint id={id} label={label} hint={hint} error={error} />
      <textarea
        id={id}
        name={name ?? id}
        {...area}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

/** A radio button with its words, and an optional explanation under them. */
export function Choice({
  name,
  value,
  checked,
  onChange,
  label,
  hint,
  idPrefix,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange: (value: string) => void;
  label: ReactNode;
  hint?: ReactNode;
  idPrefix: string;
}) {
  const id = `${idPrefix}-${value}`;
  return (
    <div className="choice-with-hint">
      <label className="choice" htmlFor={id}>
        <input
          type="radio"
          id={id}
          name={name}
          value={value}
          checked={checked}
          onChange={() => onChange(value)}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        {label}
      </label>
      {hint ? (
        <span className="hint choice-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The form's problem, announced (role=alert). When it is about one field, the message is a link that
 * moves to that field, where the same message is shown next to it.
 */
export function FormNotice({
  problem,
  idOf = (field) => field,
}: {
  problem: Problem | undefined;
  idOf?: (field: string) => string;
}) {
  if (!problem) return null;
  const field = problem.field;
  return (
    <Notice>
      {field ? (
        <a
          href={`#${idOf(field)}`}
          className="notice-link"
          onClick={(event) => {
            // Not a real jump: on the set-up and invitation pages the address holds the link's token.
            event.preventDefault();
            document.getElementById(idOf(field))?.focus();
          }}
        >
          {problem.message}
        </a>
      ) : (
        problem.message
      )}
    </Notice>
  );
}

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
    <div className="field copy-field">
      <LabelAndHint id={id} label={label} hint={hint} />
      <div className="with-button">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={describedBy(id, hint, undefined)}
          spellCheck={false}
        />
        <CopyButton value={value} selectId={id} />
      </div>
    </div>
  );
}
