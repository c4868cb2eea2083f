// Form fields that are accessible by default: a label for every control, the hint and any error
// tied to it with aria-describedby, aria-invalid when it is wrong, and the error in words.
import {
  useId,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { NEW_PASSWORD_HINT, PASSWORD_MAX, PASSWORD_MIN } from "./words.ts";
import "./forms.css";

export interface Described {
  /** The control's id; without one, the field makes a unique id of its own. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Says "(optional)" after the label. */
  optional?: boolean;
}

/** What the control inside a Field carries, so that its label, hint and error belong to it. */
export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/** The label, hint and error of one control, which `children` draws with the props it is given. */
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  className = "field",
  children,
}: Described & { className?: string; children: (control: ControlProps) => ReactNode }) {
  const ownId = useId();
  const controlId = id ?? ownId;
  const describedBy = [hint ? `${controlId}-hint` : "", error ? `${controlId}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={className}>
      <label htmlFor={controlId}>
        {label}
        {optional ? <span className="optional"> (optional)</span> : null}
      </label>
      {hint ? (
        <span className="hint" id={`${controlId}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <p className="field-error" id={`${controlId}-error`}>
          <span aria-hidden="true">⚠ </span>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children({
        id: controlId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(error ? { "aria-invalid": true as const } : {}),
      })}
    </div>
  );
}

type InputProps = Described &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & { ref?: Ref<HTMLInputElement> };

/** An input (text unless `type` says otherwise), named by its id unless given a name. */
export function TextField({ id, label, hint, error, optional, name, ...input }: InputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional}>
      {(control) => <input name={name ?? id} type="text" {...input} {...control} />}
    </Field>
  );
}

/**
 * A password box with a Show button, so a long password can be checked on a phone. A new password
 * follows the server's rules (routes/common.ts Password) and says them in its hint; a current one is
 * filled in by the password manager.
 */
export function PasswordField({
  kind,
  id,
  label,
  hint = kind === "new" ? NEW_PASSWORD_HINT : undefined,
  error,
  optional,
  name,
  ...input
}: Omit<InputProps, "type"> & { kind: "new" | "current" }) {
  const [shown, setShown] = useState(false);
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional}>
      {(control) => (
        <div className="with-button">
          <input
            name={name ?? id}
            autoComplete={kind === "new" ? "new-password" : "current-password"}
            required
            {...(kind === "new" ? { minLength: PASSWORD_MIN } : {})}
            maxLength={PASSWORD_MAX}
            {...input}
            {...control}
            type={shown ? "text" : "password"}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
          />
          <button
            type="button"
            className="secondary"
            aria-controls={control.id}
            aria-label={shown ? "Hide password" : "Show password"}
            onClick={() => setShown((s) => !s)}
          >
            {shown ? "Hide" : "Show"}
          </button>
        </div>
      )}
    </Field>
  );
}

type SelectProps = Described & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">;

export function SelectField({ id, label, hint, error, optional, name, children, ...select }: SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional}>
      {(control) => (
        <select name={name ?? id} {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

type TextAreaProps = Described & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">;

export function TextAreaField({ id, label, hint, error, optional, name, ...area }: TextAreaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional}>
      {(control) => <textarea name={name ?? id} {...area} {...control} />}
    </Field>
  );
}
