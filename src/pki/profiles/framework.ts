/**
 * What every names planner profile shares: names with their reasons, publishing rules, findings, list limits,
 * and the description of a profile (its inputs, rules, words and next steps) that Plan names renders. A
 * profile is its topology type, a pure `plan` function and its words; one file per profile in this folder.
 */
import type { Finding } from "../finding";
import { checkDnsName, commonNameMissingFromSan, subjectNotInSanMessage } from "../names";
import type { RequestPlan } from "../request";

/** The profiles Plan names knows. "lync-reverse-proxy" is the first one (and the settings files' default). */
export type ProfileId =
  | "lync-reverse-proxy"
  | "sfb-edge-external"
  | "sfb-edge-internal"
  | "exchange"
  | "exchange-hybrid"
  | "adfs"
  | "rd-gateway"
  | "office-online-server";

/** A finding of a planner: the shared Finding, placed beside one of the profile's inputs (by its field). */
export type PlannerFinding<F extends string = string> = Finding<F> & { id: string };

export interface PlannedName<F extends string = string> {
  name: string;
  reasons: string[];
  /** The service the name came from, as the diagram draws it (a key of the profile's `services`). */
  source: F;
  /**
   * The input the admin typed it in, so a finding about it shows beside that input: a name made from a default
   * (meet.<sipdomain>, autodiscover.<smtpdomain>, …) belongs to the input the default came from.
   */
  input: { field: F; sipDomain?: string };
}

export interface PublishingRule {
  externalName: string;
  rule: string;
}

/** The output of every profile: what Plan names shows and "Use these names" puts in the request. */
export interface NamesPlan<F extends string = string> {
  subject: string | null;
  names: PlannedName<F>[];
  findings: PlannerFinding<F>[];
  /** How the proxy, load balancer or firewall publishes each external name (empty where nothing is published). */
  publishing: PublishingRule[];
}

/** A step after the certificate is issued: what to run or click, in the product's own words. */
export interface NextStep {
  /** One sentence: what to do and where. */
  text: string;
  /** A command to copy (PowerShell, certreq), escaped for its grammar by the profile; absent for a UI step. */
  command?: string;
  /** The Microsoft document the step comes from. */
  source?: string;
}

/** The source of a profile's rules, for the README's fidelity table and the page. */
export interface ProfileSource {
  title: string;
  url: string;
}

type Text<T, P> = string | ((topology: T, plan: P) => string);

interface InputBase<T, P> {
  /** The field findings are placed by (Finding.field) and the error summary's anchor. */
  field: string;
  label: Text<T, P>;
  hint?: Text<T, P>;
  /**
   * Shown only when this holds (for example a name asked for only when a feature is on). The plan is there for
   * an input that depends on what the planner made of another (Lync: the dial-in URL once a SIP domain is valid).
   */
  shownWhen?: (topology: T, plan: P) => boolean;
}

/**
 * One input of Plan names, as the page renders it: a profile lists these instead of the page writing each by
 * hand. `get` reads the value from the topology and `set` returns the changed topology (pure).
 */
export type PlannerInput<T, P extends NamesPlan = NamesPlan> =
  | (InputBase<T, P> & {
      kind: "lines";
      rows: number;
      placeholder: Text<T, P>;
      get: (t: T) => string[];
      set: (t: T, value: string[]) => T;
    })
  | (InputBase<T, P> & {
      kind: "text";
      placeholder?: Text<T, P>;
      get: (t: T) => string;
      set: (t: T, value: string) => T;
      /** A value that follows a default until typed over: shown with "Use the default". */
      fallback?: { value: (t: T, p: P) => string; isTyped: (t: T) => boolean; reset: (t: T) => T };
    })
  | (InputBase<T, P> & {
      kind: "choice";
      options: { value: string; label: string; hint?: string }[];
      get: (t: T) => string;
      set: (t: T, value: string) => T;
      /** Inputs shown inside the choice's group. */
      inside?: PlannerInput<T, P>[];
    })
  | (InputBase<T, P> & {
      kind: "flag";
      get: (t: T) => boolean;
      set: (t: T, value: boolean) => T;
      inside?: PlannerInput<T, P>[];
    })
  | (InputBase<T, P> & {
      /** A group of inputs under one legend. */
      kind: "group";
      inside: PlannerInput<T, P>[];
    })
  | {
      /** One input per item of a list the plan worked out (Lync: a meeting URL per SIP domain). */
      kind: "each";
      field: string;
      items: (t: T, p: P) => string[];
      input: (item: string, index: number) => PlannerInput<T, P>;
      shownWhen?: (topology: T, plan: P) => boolean;
    };

/**
 * A names planner profile. `T` is its topology (what the admin types on Plan names), `P` its names plan.
 * Everything here is pure: the store and the page only call it.
 */
export interface PlannerProfile<T, P extends NamesPlan = NamesPlan> {
  /** Its entry in the registry (registry.ts), which holds its choice on Certificate Enrollment. */
  id: ProfileId;
  /** The first sentence of Plan names. */
  intro: string;
  /** The topology of a new plan: nothing typed, the documented example's names as placeholders. */
  empty: () => T;
  /** The documented example (the cited document's own FQDNs), for "Fill in the example" and the tests. */
  example: () => T;
  inputs: PlannerInput<T, P>[];
  plan: (topology: T) => P;
  /** "Use these names": subject, alternative names, usages and key into the request. */
  apply: (request: RequestPlan, names: P) => RequestPlan;
  /** The diagram's words for each source of a name. */
  services: Record<string, string>;
  /** What to configure once the certificate is issued, and the native request command where Microsoft has one. */
  nextSteps: (names: P, request: RequestPlan) => NextStep[];
  /** Rebuilds the topology from untrusted data (settings file, draft); throws ShapeError (../shape) on a bad field. */
  read: (data: unknown) => T;
  sources: ProfileSource[];
}

/** Sources as a finding's or a step's `source` line: "Title (URL)", several joined by "; ". */
export const cite = (...sources: ProfileSource[]): string => sources.map((s) => `${s.title} (${s.url})`).join("; ");

/** The product-version choice of a profile: one option per version; a value not in the list leaves it as it was. */
export function versionChoice<V extends string, T extends { version: V }, P extends NamesPlan>(
  label: string,
  versions: readonly { value: V; label: string }[],
): PlannerInput<T, P> {
  return {
    kind: "choice",
    field: "version",
    label,
    options: versions.map((v) => ({ ...v })),
    get: (t) => t.version,
    set: (t, value) => ({ ...t, version: versions.find((v) => v.value === value)?.value ?? t.version }),
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** An FQDN as typed: trailing dot and upper case normalised away; at least two labels. */
export function parseFqdn(input: string, what: string): Parsed<string> {
  const checked = checkDnsName(input);
  if (!checked.ok) return { ok: false, error: `${what} "${input.trim()}": ${checked.error}` };
  if (!checked.name.ascii.includes("."))
    return {
      ok: false,
      error: `${what} "${input.trim()}" is not a domain: it needs at least two labels, such as contoso.com.`,
    };
  return { ok: true, value: checked.name.ascii };
}

/**
 * Entries per list (SIP domains, pools, SMTP domains, UPN suffixes…). Why a bound: each entry adds names,
 * public CAs issue at most 100 to 250 names in one certificate, and the planners' checks compare names
 * pairwise, so a list of thousands from a settings file would stall the page for seconds.
 */
export const MAX_LIST_ENTRIES = 100;

/** The filled entries of a list input, at most MAX_LIST_ENTRIES; `tooMany` is said beside the input when there are more. */
export function boundedEntries<F extends string>(
  entries: readonly string[],
  field: F,
  findings: PlannerFinding<F>[],
  tooMany: string,
): string[] {
  const filled = entries.filter((e) => e.trim());
  if (filled.length > MAX_LIST_ENTRIES) findings.push({ id: "bad-value", severity: "error", message: tooMany, field });
  return filled.slice(0, MAX_LIST_ENTRIES);
}

/** Parses a list input, normalising each FQDN and merging repeats (said once). */
export function parseFqdnList<F extends string>(
  entries: readonly string[],
  what: string,
  field: F,
  findings: PlannerFinding<F>[],
): string[] {
  const out: string[] = [];
  const listed = new Set<string>();
  const said = new Set<string>();
  const bounded = boundedEntries(
    entries,
    field,
    findings,
    `${what}: at most ${MAX_LIST_ENTRIES} entries. Each adds names to the certificate, and no CA issues more than a few hundred names in one; only the first ${MAX_LIST_ENTRIES} are used.`,
  );
  for (const entry of bounded) {
    const parsed = parseFqdn(entry, what);
    if (!parsed.ok) {
      findings.push({ id: "bad-value", severity: "error", message: parsed.error, field });
      continue;
    }
    if (listed.has(parsed.value)) {
      if (!said.has(parsed.value))
        findings.push({
          id: "merged",
          severity: "info",
          message: `${parsed.value} was entered more than once; it is listed once.`,
          field,
        });
      said.add(parsed.value);
      continue;
    }
    out.push(parsed.value);
    listed.add(parsed.value);
  }
  return out;
}

/** Subject name missing from the SAN: the planners always add it, but the rule is checked all the same. */
export function subjectInSanFinding<F extends string = string>(
  subject: string | null,
  names: readonly string[],
): (PlannerFinding<F> & { id: "subject-not-in-san" }) | null {
  return subject && commonNameMissingFromSan(subject, names)
    ? { id: "subject-not-in-san", severity: "error", message: subjectNotInSanMessage(subject) }
    : null;
}

/** The subject-in-SAN rule of every plan: its finding pushed when the subject is missing from the names. */
export function checkSubjectInSan<F extends string>(
  subject: string | null,
  names: readonly PlannedName<F>[],
  findings: PlannerFinding<F>[],
): void {
  const missing = subjectInSanFinding<F>(
    subject,
    names.map((n) => n.name),
  );
  if (missing) findings.push(missing);
}

/**
 * The last step of a plan whose findings are all made before its names are merged: the names merged
 * (mergeNames), then the subject-in-SAN rule checked on them.
 */
export function finishNames<F extends string>(
  subject: string | null,
  names: readonly PlannedName<F>[],
  findings: PlannerFinding<F>[],
): PlannedName<F>[] {
  const merged = mergeNames(names);
  checkSubjectInSan(subject, merged, findings);
  return merged;
}

/** The names in order, each once: a repeat adds its reasons to the first. */
export function mergeNames<F extends string>(ordered: readonly PlannedName<F>[]): PlannedName<F>[] {
  const names: PlannedName<F>[] = [];
  for (const n of ordered) {
    const existing = names.find((m) => m.name === n.name);
    if (existing) existing.reasons.push(...n.reasons.filter((r) => !existing.reasons.includes(r)));
    else names.push({ ...n, reasons: [...n.reasons] });
  }
  return names;
}

/** The subject and DNS alternative names of a names plan, into the request (the rest of `apply` is the profile's). */
export function namesInto(request: RequestPlan, names: NamesPlan): RequestPlan {
  return {
    ...request,
    subject: names.subject ? [{ type: "CN", value: names.subject }] : [],
    altNames: names.names.map((n) => ({ type: "dns" as const, value: n.name })),
  };
}

/**
 * A PowerShell single-quoted string (about_Quoting_Rules): nothing inside is expanded; a quote is doubled.
 * Why every kind of single quote: PowerShell also ends a single-quoted string at U+2018, U+2019, U+201A and
 * U+201B, so each of those is doubled too; no other character is special inside single quotes.
 */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}
