// A radio button with its words, and an optional explanation under them.
import type { ReactNode } from "react";
import "./forms.css";

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
