/**
 * The names of the Skype for Business Edge internal certificate: the Edge internal interface FQDN as the subject,
 * and the same name in the alternative names, though Microsoft's table lists none there.
 */
import { field, isObj, isString, ShapeError } from "../../shape";
import { checkSubjectInSan, cite, parseFqdn, type NamesPlan, type PlannerFinding } from "../framework";
import { LYNC_EXTERNAL_ACCESS } from "./sources";

export interface EdgeInternalTopology {
  /** The Edge internal interface FQDN (or its load balancer VIP's), as Topology Builder has it. */
  edgeInternal: string;
}
export type InternalField = "edgeInternal";
export type EdgeInternalPlan = NamesPlan<InternalField>;

/** The Edge Certificate table's internal Edge: sfbedge.contoso.com. */
export const internalExample = (): EdgeInternalTopology => ({ edgeInternal: "sfbedge.contoso.com" });
/** Nothing typed yet. */
export const internalEmpty = (): EdgeInternalTopology => ({ edgeInternal: "" });

/** The names plan of the internal Edge certificate: the internal FQDN as subject and alternative name. */
export function planEdgeInternal(t: EdgeInternalTopology): EdgeInternalPlan {
  const findings: PlannerFinding<InternalField>[] = [];
  let subject: string | null = null;
  if (!t.edgeInternal.trim()) {
    findings.push({
      id: "missing",
      severity: "error",
      message: "Enter the Edge internal FQDN, such as sfbedge.contoso.com.",
      field: "edgeInternal",
    });
  } else {
    // parseFqdn refuses a single label ("sfbedge"): Skype for Business needs FQDNs, never short names.
    const parsed = parseFqdn(t.edgeInternal, "The Edge internal FQDN");
    if (!parsed.ok) findings.push({ id: "bad-value", severity: "error", message: parsed.error, field: "edgeInternal" });
    else if (parsed.value.startsWith("*."))
      findings.push({
        id: "wildcard-subject",
        severity: "error",
        message:
          "Enter the Edge internal interface's own FQDN, as in Topology Builder: the subject names that interface, not a wildcard.",
        source: cite(LYNC_EXTERNAL_ACCESS),
        field: "edgeInternal",
      });
    else subject = parsed.value;
  }
  const names = subject
    ? [
        {
          name: subject,
          reasons: [
            "Subject name: the Edge internal interface FQDN",
            "Also in the alternative names, though Microsoft's table lists none for the internal Edge: TLS validates the alternative names, not the subject (Microsoft says so of the external Edge), and Request-CsCertificate's internal Edge example puts the name there",
          ],
          source: "edgeInternal" as const,
          input: { field: "edgeInternal" as const },
        },
      ]
    : [];
  checkSubjectInSan(subject, names, findings);
  return { subject, names, findings, publishing: [] };
}

/** The topology from untrusted data; a ShapeError names the bad field. */
export function readEdgeInternal(data: unknown): EdgeInternalTopology {
  if (!isObj(data)) throw new ShapeError("The Edge internal plan is not an object.");
  return { edgeInternal: field(data, "edgeInternal", isString) };
}
