/**
 * The shape of a preflight rule: a pure function from the request's facts to findings with a severity (error
 * blocks Finish, warning does not, info explains), one sentence and the rule's source, and the one-click fixes
 * its findings offer, kept beside the condition and written with the same predicate so the two cannot drift apart.
 */
import type { Finding } from "../finding";
import type { PlanField, RequestPlan } from "../request";
import type { CaTarget, RequestFacts } from "./facts";

/** A finding of a rule whose fixes are `F`: the shared Finding, placed beside a part of the plan, with its source. */
export type RuleFinding<F extends string = string> = Finding<PlanField, F> & { source: string };

/** A preflight rule: what it finds, and the fixes its findings offer (each removes exactly what `check` finds). */
export interface Rule<F extends string = string> {
  /** The id of the findings it makes. */
  id: string;
  check: (f: RequestFacts, target: CaTarget) => RuleFinding<F>[];
  /** Every fix its findings offer, by id. */
  fixes?: { [K in F]: (plan: RequestPlan) => RequestPlan };
  /** It judges each name on its own (not names against each other): Plan names shows it beside each input. */
  perName?: true;
}

/** A rule, its fix ids kept as literal types (so the registry's FixId is the union of every rule's). */
export const rule = <F extends string = never>(r: Rule<F>): Rule<F> => r;

/** A section of the CA/Browser Forum Baseline Requirements, as a source. */
export const BR = (section: string) => `CA/Browser Forum Baseline Requirements ${section}`;
