// When to try a failed delivery again: a pure function of how many attempts were made, so the
// schedule survives restarts (the attempt count is stored) and tests need no clock.

/** Delay before attempt n+1, where n attempts have been made: 8 attempts in about 28 minutes. */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  10_000,
  30_000,
  60_000,
  2 * 60_000,
  5 * 60_000,
  10 * 60_000,
  10 * 60_000,
];
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length;
const JITTER = 0.1;

/**
 * Milliseconds to wait before the next attempt, or null to give up. Jittered by ±10 % so that
 * deliveries that failed together (a mail server outage) do not all come back at the same moment.
 */
export function nextAttemptDelayMs(attemptsSoFar: number, random: () => number = Math.random): number | null {
  if (!Number.isInteger(attemptsSoFar) || attemptsSoFar < 0)
    throw new RangeError("attemptsSoFar must be a whole number ≥ 0");
  const base = RETRY_SCHEDULE_MS[attemptsSoFar];
  if (base === undefined) return null;
  return Math.round(base * (1 + JITTER * (2 * random() - 1)));
}
