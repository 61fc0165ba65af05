/**
 * Preflight: what a CA would reject, or an admin would regret, found in the request before it exists. The rules
 * live by subject (names, public-names, subject, keys, usages), each finding with its source; registry.ts lists them.
 */
export { factsFromPlan, type CaTarget, type RequestFacts } from "./facts";
export {
  applyFix,
  PER_NAME_RULES,
  preflight,
  PREFLIGHT_RULES,
  preflightNames,
  RULES,
  type FixId,
  type PreflightFinding,
  type PreflightRule,
} from "./registry";
