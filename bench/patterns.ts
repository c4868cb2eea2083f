// The pattern engine: recomputePatterns over a generated campaign of many incidents (median of 3 runs).
// Target: 100,000 incidents across about 2,000 people in well under 5 s on a slow 2-core machine.
import { groupActorsIntoPeople, recomputePatterns } from "../src/core/patterns/index.ts";
import { generateLargeHistory } from "../test/unit/patterns/generate-history.ts";

export interface PatternsRun {
  incidents: number;
  people: number;
  /** Median wall time of recomputePatterns, milliseconds. */
  ms: number;
  /** Findings over all incidents. */
  findings: number;
}

export function benchPatterns(options: { incidents: number }): PatternsRun {
  const { actors, incidents } = generateLargeHistory({ incidents: options.incidents, people: 2_000 });
  const people = groupActorsIntoPeople(actors, []);
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const map = recomputePatterns(incidents, people);
    times.push(performance.now() - start);
    findings = 0;
    for (const list of map.values()) findings += list.length;
  }
  times.sort((a, b) => a - b);
  return { incidents: incidents.length, people: new Set(people.values()).size, ms: times[1]!, findings };
}
