// A checkbox with its words and an optional explanation under them (the checkbox twin of forms/Choice).
import type { ReactNode } from "react";

export function Checkbox({
  id,
  checked,
  onChange,
  label,
  hint,
  name,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  hint?: ReactNode;
  name?: string;
}) {
  return (
    <div className="choice-with-hint">
      <label className="choice" htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          name={name ?? id}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <span>{label}</span>
      </label>
      {hint ? (
        <span className="hint choice-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
