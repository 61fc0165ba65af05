/** Preflight rules on the alternative names as a list: present, unique, covering the common name, not too many. */
import { commonNameMissingFromSan, subjectNotInSanMessage, type AltName } from "../names";
import { commonName, dnsNames, factsFromPlan } from "./facts";
import { BR, rule } from "./rule";

/** Public CAs stop well short of this many names; most cap a certificate at 100 (some at 250). */
const MANY_NAMES = 100;

/** The same name twice: same type and value (RFC 5280 4.2.1.6 lists each GeneralName once). */
const nameKey = (n: AltName) => `${n.type}:${n.value}`;
/** Keeps the first of each name. */
const uniqueNames = (names: readonly AltName[]) => {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(nameKey(n)) && seen.add(nameKey(n)));
};
/**
 * DNS names covered by a wildcard also listed (RFC 6125 6.4.3: "*" stands for exactly one label), except the
 * common name, which must stay in the SAN. Why by parent: a name is covered when "*." + its parent domain is
 * among the wildcards, one set look-up per name instead of a comparison with every wildcard.
 */
const coveredNames = (names: readonly AltName[], commonName: string | undefined) => {
  const wildcards = [
    ...new Set(names.filter((n) => n.type === "dns" && n.value.startsWith("*.")).map((n) => n.value.toLowerCase())),
  ];
  const starred = new Set(wildcards);
  const covered = (n: AltName) => {
    const host = n.value.toLowerCase();
    const dot = host.indexOf(".");
    return (
      n.type === "dns" &&
      !host.startsWith("*.") &&
      host !== commonName?.toLowerCase() &&
      dot > 0 &&
      starred.has(`*${host.slice(dot)}`)
    );
  };
  return { wildcards, covered };
};
/** DNS names written in more than one case: grouped by their lower-case form, in one pass (RFC 4343). */
const caseVariants = (names: readonly string[]) => {
  const forms = new Map<string, Set<string>>();
  for (const n of names) forms.set(n.toLowerCase(), (forms.get(n.toLowerCase()) ?? new Set()).add(n));
  return [...forms.values()].filter((f) => f.size > 1).flatMap((f) => [...f]);
};

/** No alternative name at all. */
export const noNames = rule({
  id: "no-names",
  check: (f) =>
    f.altNames.length === 0
      ? [
          {
            id: "no-names",
            severity: "error",
            message: "The request has no alternative name: every CA and every browser needs the names in the SAN.",
            source: BR("7.1.2.7.12"),
            field: "altNames",
          },
        ]
      : [],
});

/** The common name is not among the alternative names. */
export const cnNotInSan = rule({
  id: "cn-not-in-san",
  check: (f) => {
    const name = commonName(f);
    if (!name || !commonNameMissingFromSan(name, dnsNames(f))) return [];
    return [
      {
        id: "cn-not-in-san",
        severity: "warning",
        message: subjectNotInSanMessage(name),
        source: `${BR("7.1.4.3")}; the article`,
        field: "altNames",
      },
    ];
  },
});

/** A name listed more than once. */
export const duplicateNames = rule({
  id: "duplicate-names",
  check: (f) => {
    const unique = new Set(uniqueNames(f.altNames));
    const dup = f.altNames.filter((n) => !unique.has(n));
    return dup.length
      ? [
          {
            id: "duplicate-names",
            severity: "warning",
            message: `${dup.map((n) => n.value).join(", ")} ${dup.length > 1 ? "are" : "is"} listed more than once.`,
            source: "RFC 5280 4.2.1.6",
            fix: { id: "remove-duplicates", label: "Keep each name once" },
            field: "altNames",
          },
        ]
      : [];
  },
  fixes: { "remove-duplicates": (plan) => ({ ...plan, altNames: uniqueNames(plan.altNames) }) },
});

/** DNS names that differ only in case. */
export const caseOnly = rule({
  id: "case-only",
  check: (f) => {
    const pairs = caseVariants(dnsNames(f));
    return pairs.length
      ? [
          {
            id: "case-only",
            severity: "warning",
            message: `${pairs.join(" and ")} differ only in case: DNS names are not case-sensitive, so they are the same name.`,
            source: "RFC 4343",
            fix: { id: "lower-case-names", label: "Write names in lower case, once" },
            field: "altNames",
          },
        ]
      : [];
  },
  fixes: {
    "lower-case-names": (plan) => ({
      ...plan,
      altNames: uniqueNames(plan.altNames.map((n) => (n.type === "dns" ? { ...n, value: n.value.toLowerCase() } : n))),
    }),
  },
});

/** Names a wildcard also listed covers already. */
export const wildcardCovers = rule({
  id: "wildcard-covers",
  check: (f) => {
    const { wildcards, covered } = coveredNames(f.altNames, commonName(f));
    const names = f.altNames.filter(covered).map((n) => n.value.toLowerCase());
    return names.length
      ? [
          {
            id: "wildcard-covers",
            severity: "info",
            message: `${wildcards.join(", ")} already covers ${names.join(", ")}: listing them as well is allowed, but not needed.`,
            source: "RFC 6125 6.4.3",
            fix: { id: "remove-covered", label: "Remove the covered names" },
            field: "altNames",
          },
        ]
      : [];
  },
  fixes: {
    "remove-covered": (plan) => {
      const { covered } = coveredNames(plan.altNames, commonName(factsFromPlan(plan)));
      return { ...plan, altNames: plan.altNames.filter((n) => !covered(n)) };
    },
  },
});

/** More names than public CAs put in one certificate. */
export const manyNames = rule({
  id: "many-names",
  check: (f, target) =>
    target === "public" && f.altNames.length > MANY_NAMES
      ? [
          {
            id: "many-names",
            severity: "warning",
            message: `${f.altNames.length} names: most public CAs allow at most ${MANY_NAMES} in one certificate.`,
            source: "CA policies (commonly 100, some 250)",
            field: "altNames",
          },
        ]
      : [],
});

/** An empty subject with a SAN that is not critical. */
export const emptySubjectSan = rule({
  id: "empty-subject-san",
  check: (f) =>
    f.subject.length === 0 && f.altNames.length > 0 && !f.sanCritical
      ? [
          {
            id: "empty-subject-san",
            severity: "error",
            message:
              "The subject is empty and the alternative names are not marked critical: with an empty subject the SAN must be critical.",
            source: "RFC 5280 4.2.1.6",
            field: "altNames",
          },
        ]
      : [],
});
