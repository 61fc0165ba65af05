/**
 * The names a wildcard SAN may replace on the reverse proxy (the simple URLs and lyncdiscover), and the
 * wildcard option itself (Microsoft, "Wildcard certificate support in Lync Server 2013"): one *.<sipdomain>
 * in place of the names it covers, one label only.
 */
import { wildcardCovers } from "../../names";
import { label1, type LyncFinding, type LyncPlannedName } from "./plan-types";
import type { SimpleUrls } from "./simple-urls";
import type { LyncTopology } from "./topology";

/** The simple URLs' hosts, each with the input it was typed in (or the SIP domains, for a default). */
export function simpleUrlNames(t: LyncTopology, { meetings, dialIn }: SimpleUrls): LyncPlannedName[] {
  return [
    ...meetings.map((m) => ({
      name: m.url.host,
      reasons: [`Meeting simple URL of ${m.domain}`],
      source: "meetingUrls" as const,
      input: Object.hasOwn(t.meetingUrls, m.domain)
        ? { field: "meetingUrls" as const, sipDomain: m.domain }
        : { field: "sipDomains" as const },
    })),
    ...(dialIn
      ? [
          {
            name: dialIn.host,
            reasons: ["Dial-in simple URL"],
            source: "dialInUrl" as const,
            input: { field: t.dialInUrl === null ? ("sipDomains" as const) : ("dialInUrl" as const) },
          },
        ]
      : []),
  ];
}

/** lyncdiscover.<sipdomain> for each SIP domain when mobile clients' Autodiscover is published on 443. */
export function lyncdiscoverNames(
  t: LyncTopology,
  sipDomains: readonly string[],
  findings: LyncFinding[],
): LyncPlannedName[] {
  if (t.autodiscoverPort === 80 && sipDomains.length > 0) {
    findings.push({
      id: "no-lyncdiscover",
      severity: "info",
      message: "Autodiscover is published on port 80 only, so no lyncdiscover name is needed on this certificate.",
      field: "autodiscoverPort",
    });
  }
  return t.autodiscoverPort === 443
    ? sipDomains.map((d) => ({
        name: `lyncdiscover.${d}`,
        reasons: [`Autodiscover for mobile clients of ${d}`],
        source: "autodiscoverPort" as const,
        input: { field: "sipDomains" as const },
      }))
    : [];
}

/** The wildcards chosen, and whether a name stays listed by name (no wildcard covers it). */
export function planWildcards(
  t: LyncTopology,
  sipDomains: readonly string[],
  coverable: readonly LyncPlannedName[],
  findings: LyncFinding[],
): { wildcards: LyncPlannedName[]; byName: (n: LyncPlannedName) => boolean } {
  const wildcards: LyncPlannedName[] = [];
  if (t.wildcard) {
    for (const domain of sipDomains) {
      const star = `*.${domain}`;
      const covered = coverable.filter((n) => wildcardCovers(star, n.name));
      if (covered.length > 0) {
        wildcards.push({
          name: star,
          reasons: [`Wildcard for ${[...new Set(covered.map((n) => label1(n.name)))].join(", ")} of ${domain}`],
          source: "wildcard",
          input: { field: "sipDomains" },
        });
      }
    }
  }
  const byName = (n: LyncPlannedName) => !wildcards.some((w) => wildcardCovers(w.name, n.name));
  if (t.wildcard) {
    for (const n of coverable.filter(byName)) {
      findings.push({
        id: "wildcard-not-covering",
        severity: "warning",
        message: `No wildcard covers ${n.name} (a wildcard covers one label only): it is listed by name.`,
        field: "wildcard",
      });
    }
  }
  return { wildcards, byName };
}
