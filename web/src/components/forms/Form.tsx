// The problem area at the top of a form: announced, and brought into view with focus when it appears,
// so a person who pressed the button at the bottom of a long form learns what went wrong.
import { useEffect, useRef } from "react";
import { FormNotice } from "./Field.tsx";
import type { Problem } from "./problems.ts";

export function ProblemArea({
  problem,
  idOf,
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
      <FormNotice problem={problem} {...(idOf ? { idOf } : {})} />
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
