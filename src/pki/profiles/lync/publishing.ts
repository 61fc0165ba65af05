/**
 * How the reverse proxy publishes each external name (Microsoft, "Reverse Proxy Publishing", Lync Server
 * 2010), and the names that never belong on its certificate (Edge and internal names).
 */
import type { PublishingRule } from "../framework";
import { label1, type LyncFinding, type LyncPlannedName } from "./plan-types";

/** First labels of names that belong on the Edge Server's certificate, not the reverse proxy's. */
const EDGE_LABELS = new Set(["sip", "access", "sipexternal", "webconf", "av", "edge", "sipfed"]);
/** Names that are internal only: "never on this certificate". */
const INTERNAL_LABELS = new Set(["lyncdiscoverinternal", "admin"]);

/** An internal name is an error on this certificate; an Edge name is a warning. */
export function checkNames(names: readonly LyncPlannedName[], findings: LyncFinding[]): void {
  for (const n of names) {
    if (INTERNAL_LABELS.has(label1(n.name))) {
      findings.push({
        id: "internal-name",
        severity: "error",
        message: `${n.name} is an internal name (${label1(n.name)}): it never goes on the reverse proxy's certificate.`,
        field: n.source,
      });
    } else if (EDGE_LABELS.has(label1(n.name))) {
      findings.push({
        id: "edge-name",
        severity: "warning",
        message: `${n.name} looks like an Edge Server name: Edge names go on the Edge certificate, not the reverse proxy's.`,
        field: n.source,
      });
    }
  }
}

/** One publishing rule per external name: pools and Directors, simple URLs and lyncdiscover, Office Web Apps, Exchange. */
export function publishingRules(parts: {
  servers: readonly string[];
  webServices: readonly LyncPlannedName[];
  officeWebApps: readonly LyncPlannedName[];
  exchange: readonly LyncPlannedName[];
}): PublishingRule[] {
  return [
    ...parts.servers
      .filter((p) => !p.startsWith("*."))
      .map((p) => ({
        externalName: p,
        rule: `https://${p}/* and http://${p}/* → that pool's internal web services on ports 4443 and 8080`,
      })),
    ...parts.webServices.map((n) => ({
      externalName: n.name,
      rule: `https://${n.name}/* → the Front End pool's (or Director's) internal web services on port 4443`,
    })),
    ...parts.officeWebApps.map((n) => ({
      externalName: n.name,
      rule: `https://${n.name}/* → the Office Web Apps Server on port 443`,
    })),
    ...parts.exchange.map((n) => ({
      externalName: n.name,
      rule: `https://${n.name}/* → the Exchange Client Access servers on port 443`,
    })),
  ];
}
