/** The Office Web Apps Server used for conferencing: its external FQDN on the reverse proxy's certificate. */
import { parseFqdn } from "../framework";
import type { LyncFinding, LyncPlannedName } from "./plan-types";
import type { LyncTopology } from "./topology";

/** The Office Web Apps Server's name, when one is typed and valid. */
export function planOfficeWebApps(t: LyncTopology, findings: LyncFinding[]): LyncPlannedName[] {
  if (!t.officeWebApps.trim()) return [];
  const parsed = parseFqdn(t.officeWebApps, "Office Web Apps Server");
  if (!parsed.ok) {
    findings.push({ id: "bad-value", severity: "error", message: parsed.error, field: "officeWebApps" });
    return [];
  }
  return [
    {
      name: parsed.value,
      reasons: ["Office Web Apps Server for conferencing"],
      source: "officeWebApps",
      input: { field: "officeWebApps" },
    },
  ];
}
