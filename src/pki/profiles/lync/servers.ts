/**
 * Front End pools and Directors: their external web services FQDNs, the first pool's being the subject name
 * (Microsoft, "Certificate summary - Reverse proxy in Lync Server 2013").
 */
import { parseFqdnList } from "../framework";
import type { LyncFinding, LyncPlannedName } from "./plan-types";
import type { LyncTopology } from "./topology";

/** The pools' and Directors' FQDNs as normalised, with a finding when no pool is given. */
export function planServers(t: LyncTopology, findings: LyncFinding[]): { pools: string[]; directors: string[] } {
  const pools = parseFqdnList(t.pools, "Pool", "pools", findings);
  if (pools.length === 0 && !findings.some((f) => f.field === "pools")) {
    findings.push({
      id: "missing",
      severity: "error",
      message: "Enter the external web services FQDN of at least one Front End pool.",
      field: "pools",
    });
  }
  const directors = parseFqdnList(t.directors, "Director", "directors", findings);
  return { pools, directors };
}

/** The subject (the first pool, never a wildcard) and the web services names of the pools and Directors. */
export function webServicesNames(
  { pools, directors }: { pools: readonly string[]; directors: readonly string[] },
  findings: LyncFinding[],
): { subject: string | null; names: LyncPlannedName[] } {
  const candidate = pools[0] ?? null;
  let subject = candidate;
  if (candidate?.startsWith("*.")) {
    findings.push({
      id: "wildcard-subject",
      severity: "error",
      message:
        "A wildcard is never the subject name: no Lync role supports a wildcard common name. Enter the pool's own FQDN.",
      field: "pools",
    });
    subject = null;
  }
  for (const pool of pools.slice(1)) {
    if (pool.startsWith("*."))
      findings.push({
        id: "bad-value",
        severity: "error",
        message: `Pool ${pool}: a pool's external web services FQDN cannot be a wildcard.`,
        field: "pools",
      });
  }
  const names: LyncPlannedName[] = [
    ...pools
      .filter((p) => !p.startsWith("*."))
      .map((p, i) => ({
        name: p,
        reasons: [
          i === 0
            ? "Subject name: external web services of the Front End pool"
            : `External web services of Front End pool ${i + 1}`,
        ],
        source: "pools" as const,
        input: { field: "pools" as const },
      })),
    ...directors.map((d) => ({
      name: d,
      reasons: ["External web services of the Director"],
      source: "directors" as const,
      input: { field: "directors" as const },
    })),
  ];
  return { subject, names };
}
