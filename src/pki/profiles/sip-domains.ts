/** The SIP domains of a Lync Server 2013 or Skype for Business topology, as the reverse proxy and Edge profiles read them. */
import { parseFqdnList, type PlannerFinding } from "./framework";

/** True when host is the domain or a name under it. */
export const isUnder = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** The SIP domains as normalised (never a wildcard), with a finding beside the input when none is left. */
export function parseSipDomains<F extends string>(
  entries: readonly string[],
  findings: PlannerFinding<F | "sipDomains">[],
): string[] {
  const sipDomains = parseFqdnList(entries, "SIP domain", "sipDomains", findings).filter((d) => {
    if (!d.startsWith("*.")) return true;
    findings.push({
      id: "bad-value",
      severity: "error",
      message: `SIP domain ${d}: a SIP domain cannot be a wildcard.`,
      field: "sipDomains",
    });
    return false;
  });
  if (sipDomains.length === 0 && !findings.some((f) => f.field === "sipDomains"))
    findings.push({
      id: "missing",
      severity: "error",
      message: "Enter at least one SIP domain, such as contoso.com.",
      field: "sipDomains",
    });
  return sipDomains;
}
