/**
 * The maximum validity of a public TLS certificate, by the date it is issued: CA/Browser Forum ballot
 * SC-081v3 (shared/docs/public-ca-rules.md). Private CAs such as AD CS are not bound by it.
 */

/** Each step: from this day (UTC), a public TLS certificate lives at most this many days. */
export const PUBLIC_LIFETIME_STEPS = [
  { from: "2026-03-15", days: 200 },
  { from: "2027-03-15", days: 100 },
  { from: "2029-03-15", days: 47 },
] as const;

/** A certificate's lifetime in whole days, notBefore to notAfter, as the page shows it. */
export function lifetimeDays(notBefore: Date, notAfter: Date): number {
  return Math.round((notAfter.getTime() - notBefore.getTime()) / 86_400_000);
}

/** Before the first step: 398 days. */
const BEFORE_FIRST_STEP = 398;

/** The public maximum on a day, and the next step of the schedule after it (null once the last is in force). */
export function publicLifetime(on: Date): { days: number; next: { from: string; days: number } | null } {
  const day = on.toISOString().slice(0, 10);
  const inForce = PUBLIC_LIFETIME_STEPS.filter((s) => s.from <= day);
  const next = PUBLIC_LIFETIME_STEPS.find((s) => s.from > day) ?? null;
  return { days: inForce.at(-1)?.days ?? BEFORE_FIRST_STEP, next: next && { from: next.from, days: next.days } };
}
