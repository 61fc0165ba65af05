/** What every selector file uses: a blocker, the last-result cache, errors as blockers, the preflight's findings. */
import { factsFromPlan, preflight, type CaTarget } from "../pki/lint";
import type { RequestPlan } from "../pki/request";

/** One reason an action cannot run, and the input it belongs beside. */
export interface Blocker {
  field: string;
  message: string;
}

/** Caches the last result by its arguments (compared with Object.is), as a memoised selector does. */
export function lastResult<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args: A) => {
    if (lastArgs?.length === args.length && args.every((a, i) => Object.is(a, lastArgs![i]))) return last;
    lastArgs = args;
    last = fn(...args);
    return last;
  };
}

/** The errors among findings, each as a blocker beside its input. */
export function errorsAsBlockers<F extends { severity: string; message: string }>(
  findings: readonly F[],
  field: (f: F) => string,
): Blocker[] {
  return findings.filter((f) => f.severity === "error").map((f) => ({ field: field(f), message: f.message }));
}

/** The preflight's findings for the plan and where it goes. */
export const preflightOf = lastResult((plan: RequestPlan, target: CaTarget) => preflight(factsFromPlan(plan), target));
