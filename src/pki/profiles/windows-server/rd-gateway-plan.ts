/**
 * The Remote Desktop names plan: the public name(s) clients use for RD Gateway and RD Web Access, and the RD
 * Connection Broker's name (on this certificate, or on its own from an internal CA), with the findings of
 * Microsoft's "Use certificates in Remote Desktop Services" and "Set up the Remote Desktop web client".
 */
import {
  cite,
  finishNames,
  parseFqdnList,
  type NamesPlan,
  type PlannedName,
  type PlannerFinding,
  type ProfileSource,
} from "../framework";
import { internalNames, readFqdn } from "./common";

export interface RdGatewayTopology {
  /** The name(s) clients use for RD Gateway and RD Web Access (often one); the first is the subject. */
  publicNames: string[];
  webClient: boolean;
  /** The RD Connection Broker's FQDN (internal, or the HA DNS name); may be left blank. */
  connectionBroker: string;
  /** The broker's roles (RDRedirector, RDPublishing) get their own certificate from an internal CA. */
  brokerSeparate: boolean;
}
export type RdGatewayField = keyof RdGatewayTopology;
/** The names plan, and the broker's FQDN as normalised (for -ConnectionBroker), wherever its certificate is. */
export type RdGatewayPlan = NamesPlan<RdGatewayField> & { broker: string | null };

export const RD_SOURCES = {
  certificates: {
    title: "Use certificates in Remote Desktop Services",
    url: "https://learn.microsoft.com/windows-server/remote/remote-desktop-services/rds-certificates",
  },
  webClient: {
    title: "Set up the Remote Desktop web client for your users",
    url: "https://learn.microsoft.com/windows-server/remote/remote-desktop-services/clients/remote-desktop-web-client-admin",
  },
  setCertificate: {
    title: "Set-RDCertificate",
    url: "https://learn.microsoft.com/powershell/module/remotedesktop/set-rdcertificate",
  },
  gatewayProtocol: {
    title: "[MS-TSGU]: Terminal Services Gateway Server Protocol",
    url: "https://learn.microsoft.com/openspecs/windows_protocols/ms-tsgu/",
  },
} satisfies Record<string, ProfileSource>;

/**
 * How a proxy publishes one public name. RD Gateway's main channel is HTTP (the client's target resource is
 * "/remoteDesktopGateway/", [MS-TSGU] 4.2.1) or, for older clients, RPC over HTTP ([MS-RPCH]'s /rpc/rpcproxy.dll,
 * [MS-TSGU] 2.1); its UDP side channel exists only beside the HTTP one ([MS-TSGU] 1) and is no HTTP path at all:
 * UDP 3391 (RD Gateway's default UDP port) goes through the firewall straight to the gateway.
 */
export const rdPublishingRule = (n: string) =>
  `https://${n}/RDWeb/* → RD Web Access; https://${n}/remoteDesktopGateway/* (HTTP transport) and https://${n}/rpc/* (RPC over HTTP, older clients) → RD Gateway. UDP 3391 is a firewall rule to RD Gateway, not a proxy rule (${RD_SOURCES.gatewayProtocol.title}).`;

/** The RD Gateway / RD Web Access certificate's names, reasons and findings ("Use certificates in RDS"). */
export function planRdGatewayNames(t: RdGatewayTopology): RdGatewayPlan {
  const findings: PlannerFinding<RdGatewayField>[] = [];
  const certificates = cite(RD_SOURCES.certificates);
  const listed = parseFqdnList(t.publicNames, "Public name", "publicNames", findings);
  if (listed.length === 0 && !findings.some((f) => f.field === "publicNames")) {
    findings.push({
      id: "missing",
      severity: "error",
      message: "Enter the name clients use for RD Gateway and RD Web Access, such as remote.contoso.com.",
      field: "publicNames",
    });
  }
  const publicNames = listed.filter((n, i) => {
    if (!n.startsWith("*.")) return true;
    findings.push({
      id: i === 0 ? "wildcard-subject" : "bad-value",
      severity: "error",
      message: `${n}: list the names clients type. The web client's URL must match the RD Web Access certificate, and Microsoft's current RDS certificate requirements no longer describe a wildcard.`,
      field: "publicNames",
      source: cite(RD_SOURCES.webClient),
    });
    return false;
  });
  const broker = t.connectionBroker.trim()
    ? readFqdn(
        {
          value: t.connectionBroker,
          what: "RD Connection Broker FQDN",
          field: "connectionBroker",
          example: "hacb.contoso.com",
        },
        findings,
      )
    : null;

  const names: PlannedName<RdGatewayField>[] = publicNames.map((n, i) => ({
    name: n,
    reasons: [
      i === 0
        ? "Subject name: RD Gateway and RD Web Access (the name clients use)"
        : "Another name clients use for RD Gateway or RD Web Access",
    ],
    source: "publicNames",
    input: { field: "publicNames" },
  }));
  if (broker && !t.brokerSeparate) {
    names.push({
      name: broker,
      reasons: ["RD Connection Broker: Enable Single Sign On and Publishing"],
      source: "connectionBroker",
      input: { field: "connectionBroker" },
    });
    if (internalNames([broker]).length > 0) {
      findings.push({
        id: "internal-broker-on-public",
        severity: t.webClient ? "error" : "warning",
        message: `${broker} is an internal name: no public CA issues it${t.webClient ? ", and the web client needs a publicly trusted certificate on RD Gateway and RD Web Access" : ""}. Give the broker its own certificate from your internal CA (split the certificates).`,
        field: "brokerSeparate",
        source: cite(RD_SOURCES.webClient),
      });
    }
  }
  if (broker && t.brokerSeparate) {
    findings.push({
      id: "broker-separate",
      severity: "info",
      message: `${broker} goes on its own certificate from your internal CA, set for RD Connection Broker (Enable Single Sign On and Publishing); this one serves RD Gateway and RD Web Access.`,
      field: "brokerSeparate",
      source: cite(RD_SOURCES.setCertificate),
    });
  }
  if (t.webClient) {
    findings.push({
      id: "web-client-public-trust",
      severity: "info",
      message:
        "The web client needs publicly trusted certificates on RD Gateway and RD Web Access, and the URL's host must be a name on the RD Web Access certificate. Import the broker's certificate (.cer) on RD Web Access with Import-RDWebClientBrokerCert.",
      field: "webClient",
      source: cite(RD_SOURCES.webClient),
    });
  }
  findings.push({
    id: "exportable-key",
    severity: "info",
    message:
      "Issued for Server Authentication, with an exportable key: Server Manager imports the one .pfx to every server of the deployment and binds it to its roles.",
    field: "publicNames",
    source: certificates,
  });
  const subject = publicNames[0] ?? null;
  const merged = finishNames(subject, names, findings);
  const publishing = publicNames.map((n) => ({ externalName: n, rule: rdPublishingRule(n) }));
  return { subject, names: merged, findings, publishing, broker };
}
