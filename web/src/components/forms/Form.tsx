// The problem area at the top of a form: announced, and brought into view with focus when it appears,
// so a person who pressed the button at the bottom of a long form learns what went wrong.
import { useEffect, useRef, type ReactNode } from "react";
import { Notice } from "../Page.tsx";
import type { Problem } from "./problems.ts";
import "./forms.css";

/**
 * The form's problem, announced (role=alert). When it is about one field, the message is a link that
 * moves to that field, where the same message is shown next to it.
 */
function FormNotice({ problem, idOf }: { problem: Problem | undefined; idOf: (field: string) => string }) {
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

export function ProblemArea({
  problem,
  idOf = (field) => field,
}: {
  problem: Problem | undefined;
  idOf?: (field: string) => string;
}) {
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) area.current?.focus();
  }, [problem]);
  return (
    <div ref={area} tabIndex={-1} className="problem-area">
      <FormNotice problem={problem} idOf={idOf} />
    </div>
  );
}

/** The first problem found by simple checks before anything is sent, or undefined. */
export function firstProblem(
  checks: readonly (readonly [field: string, failed: boolean, message: string])[],
): Problem | undefined {
  const found = checks.find(([, failed]) => failed);
  return found ? { field: found[0], message: found[2] } : undefined;
}

/** The form's button: while the form is being sent it says so (`sending`) and cannot be pressed again. */
export function SubmitButton({
  busy,
  sending,
  className,
  children,
}: {
  busy: boolean;
  sending: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" className={className} disabled={busy}>
      {busy ? sending : children}
    </button>
  );
}
