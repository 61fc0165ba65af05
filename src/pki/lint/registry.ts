/**
 * The preflight's registry: every rule once, in the order the page lists their findings (within a severity, the
 * order is this list's). The preflight, Plan names' per-name checks and the one-click fixes all read it; a new rule
 * is written in the file of its subject and listed here.
 */
import { bySeverity } from "../finding";
import type { RequestPlan } from "../request";
import type { CaTarget, RequestFacts } from "./facts";
import { clientAuth, basicConstraintsCa, ekuCritical, keyUsageCritical, keyUsageFit } from "./usages";
import { ecdsaCurve, pssSignature, rsaSize, rsaSizeMultipleOf8, sha1, signatureKey } from "./keys";
import { caseOnly, cnNotInSan, duplicateNames, emptySubjectSan, manyNames, noNames, wildcardCovers } from "./names";
import { exampleNames, internalNames, privateIps, reverseDnsZones } from "./public-names";
import type { Rule, RuleFinding } from "./rule";
import { country, hiddenCharactersInNames, organizationalUnit, upperBounds } from "./subject";

const ORDERED = [
  noNames,
  cnNotInSan,
  duplicateNames,
  caseOnly,
  wildcardCovers,
  internalNames,
  exampleNames,
  privateIps,
  reverseDnsZones,
  rsaSize,
  rsaSizeMultipleOf8,
  ecdsaCurve,
  pssSignature,
  sha1,
  organizationalUnit,
  clientAuth,
  manyNames,
  keyUsageFit,
  keyUsageCritical,
  ekuCritical,
  basicConstraintsCa,
  country,
  upperBounds,
  emptySubjectSan,
  hiddenCharactersInNames,
  signatureKey,
] as const;

type FixOf<R> = R extends Rule<infer F> ? F : never;
/** Every one-click fix, as the rules that offer them name it. */
export type FixId = FixOf<(typeof ORDERED)[number]>;

/** A preflight finding: the shared Finding, placed beside a part of the plan, with its source and fix. */
export type PreflightFinding = RuleFinding<FixId>;

/** A rule as the registry holds it. */
export interface PreflightRule {
  id: string;
  check: (f: RequestFacts, target: CaTarget) => PreflightFinding[];
  fixes?: Partial<Record<FixId, (plan: RequestPlan) => RequestPlan>>;
  perName?: true;
}

/** Every rule, once, in the order the page lists their findings. */
export const PREFLIGHT_RULES: readonly PreflightRule[] = ORDERED;

/** Every rule by the id of the findings it makes. */
export const RULES: Readonly<Record<string, PreflightRule>> = Object.fromEntries(PREFLIGHT_RULES.map((r) => [r.id, r]));

/** Every finding for the request, errors first (CA/B Forum Baseline Requirements, RFC 5280, the article). */
export function preflight(facts: RequestFacts, target: CaTarget): PreflightFinding[] {
  return bySeverity(PREFLIGHT_RULES.flatMap((rule) => rule.check(facts, target)));
}

const PER_NAME = PREFLIGHT_RULES.filter((r) => r.perName);

/** The rules that judge each name on its own (not names against each other): Plan names shows them beside the input the name came from. */
export const PER_NAME_RULES: ReadonlySet<string> = new Set(PER_NAME.map((r) => r.id));

/** The per-name rules' findings for some DNS names alone: what the preflight will say of them, for where the request goes. */
export function preflightNames(names: readonly string[], target: CaTarget): PreflightFinding[] {
  const facts: RequestFacts = {
    subject: [],
    altNames: names.map((value) => ({ type: "dns", value })),
    sanCritical: false,
    keyUsage: null,
    keyUsageCritical: true,
    extendedKeyUsage: null,
    extendedKeyUsageCritical: false,
    basicConstraints: null,
    key: { algorithm: "rsa", bits: 2048 },
    hash: "sha256",
  };
  return bySeverity(PER_NAME.flatMap((rule) => rule.check(facts, target)));
}

/** Applies a one-click fix to the plan: the fix kept beside the rule whose findings offer it. */
export function applyFix(plan: RequestPlan, fix: FixId): RequestPlan {
  const apply = PREFLIGHT_RULES.find((rule) => rule.fixes?.[fix])?.fixes?.[fix];
  if (!apply) throw new Error(`No rule offers the fix ${fix}.`);
  return apply(plan);
}
