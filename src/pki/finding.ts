/** What a check says about a request or a names plan: one type for the preflight and the names planner. */

export type Severity = "error" | "warning" | "info";

/**
 * One thing a check found: its severity (an error stops the request, a warning does not, a note explains),
 * one sentence for the admin, where on the page it belongs, and the one-click fix where there is one.
 */
export interface Finding<Field extends string = string, FixId extends string = string> {
  id: string;
  severity: Severity;
  message: string;
  /** The rule's source: an RFC section, the Baseline Requirements, Microsoft's documentation. */
  source?: string;
  /** The input the finding belongs beside. */
  field?: Field;
  /** For inputs kept per SIP domain: which domain's. */
  sipDomain?: string;
  fix?: { id: FixId; label: string };
}

/** How each severity is introduced on the page. */
export const SEVERITY_WORD: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };

/** Errors first, then warnings, then notes; stable within a severity. */
export function bySeverity<F extends Finding>(findings: readonly F[]): F[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
}

/** True when any finding stops the request. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
