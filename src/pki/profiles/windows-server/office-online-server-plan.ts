/**
 * The Office Online Server names plan: the farm's internal URL FQDN (the subject) and external URL FQDN, both in
 * the SAN, with the findings of Microsoft's "Plan Office Online Server" (securing communications by using HTTPS)
 * and "Web sites lose SSL certificate bindings on Office Online Server".
 */
import {
  cite,
  finishNames,
  type NamesPlan,
  type PlannedName,
  type PlannerFinding,
  type ProfileSource,
} from "../framework";
import { friendlyNameProblem } from "../../request";
import { readFqdn } from "./common";

/** Single server; load-balanced with SSL offloaded to the load balancer; load-balanced with TLS on each server. */
export type OosTopologyKind = "single" | "offload" | "each-server";

export interface OosTopology {
  internalUrl: string;
  /** Optional: the FQDN users reach from the Internet. */
  externalUrl: string;
  topology: OosTopologyKind;
  /** The certificate's friendly name, which New-OfficeWebAppsFarm -CertificateName selects it by. */
  friendlyName: string;
}
export type OosField = keyof OosTopology;
export type OosPlan = NamesPlan<OosField> & { friendlyName: string; topology: OosTopologyKind };

export const OOS_SOURCES = {
  plan: {
    title: "Plan Office Online Server (Securing Office Online Server communications by using HTTPS)",
    url: "https://learn.microsoft.com/officeonlineserver/plan-office-online-server",
  },
  deploy: {
    title: "Deploy Office Online Server",
    url: "https://learn.microsoft.com/officeonlineserver/deploy-office-online-server",
  },
  bindings: {
    title: "Web sites lose SSL certificate bindings on Office Online Server",
    url: "https://learn.microsoft.com/troubleshoot/microsoft-365/admin/miscellaneous/web-sites-lose-ssl-certificate-bindings",
  },
} satisfies Record<string, ProfileSource>;

/** The host of a URL or FQDN as typed: "https://server.contoso.com/" and "server.contoso.com" give the same host. */
const hostOf = (typed: string) =>
  typed
    .trim()
    .replace(/^https?:\/\//i, "")
    .replace(/\/+$/, "");

/** The Office Online Server certificate's names, reasons and findings ("Plan Office Online Server"). */
export function planOosNames(t: OosTopology): OosPlan {
  const findings: PlannerFinding<OosField>[] = [];
  const plan = cite(OOS_SOURCES.plan);
  const internal = readFqdn(
    { value: hostOf(t.internalUrl), what: "internal URL's FQDN", field: "internalUrl", example: "server.contoso.com" },
    findings,
  );
  const external = hostOf(t.externalUrl)
    ? readFqdn(
        {
          value: hostOf(t.externalUrl),
          what: "external URL's FQDN",
          field: "externalUrl",
          example: "wacweb01.contoso.com",
        },
        findings,
      )
    : null;
  const names: PlannedName<OosField>[] = [
    ...(internal
      ? [
          {
            name: internal,
            reasons: ["Subject name: the farm's internal URL (-InternalUrl)"],
            source: "internalUrl" as const,
            input: { field: "internalUrl" as const },
          },
        ]
      : []),
    ...(external
      ? [
          {
            name: external,
            reasons: ["The farm's external URL (-ExternalUrl)"],
            source: "externalUrl" as const,
            input: { field: "externalUrl" as const },
          },
        ]
      : []),
  ];
  const friendlyName = t.friendlyName.trim();
  const problem = friendlyNameProblem(friendlyName);
  if (problem) findings.push({ id: "bad-value", severity: "error", message: problem, field: "friendlyName" });
  if (!friendlyName && t.topology !== "offload") {
    findings.push({
      id: "missing",
      severity: "error",
      message:
        "Enter the certificate's friendly name, such as OfficeWebApps Certificate: New-OfficeWebAppsFarm -CertificateName finds the certificate by it.",
      field: "friendlyName",
      source: cite(OOS_SOURCES.deploy),
    });
  }
  findings.push(
    {
      id: "friendly-name-unique",
      severity: "info",
      message:
        "The friendly name must be unique: with two certificates of the same friendly name, New-OfficeWebAppsFarm cannot tell which to use and farm creation fails, and Office Online Server removes the IIS bindings at restart. Give a renewed certificate a new friendly name, or remove the old one.",
      field: "friendlyName",
      source: cite(OOS_SOURCES.bindings),
    },
    {
      id: "exportable-key",
      severity: "info",
      message:
        "The certificate needs an exportable private key and a trusted CA; no particular EKU is required. Do not bind it in IIS by hand: New-OfficeWebAppsFarm does, and a manual binding is deleted at every restart.",
      field: "internalUrl",
      source: plan,
    },
  );
  if (t.topology === "offload")
    findings.push({
      id: "certificate-on-load-balancer",
      severity: "info",
      message:
        "TLS is offloaded: import this certificate on the load balancer, not on the Office Online Servers, and create the farm with -SSLOffloaded (it then talks HTTP to the load balancer: keep that network private).",
      field: "topology",
      source: plan,
    });
  if (t.topology === "each-server")
    findings.push({
      id: "certificate-on-each-server",
      severity: "info",
      message:
        "TLS is not offloaded: import this same certificate, with the same friendly name, on every server of the farm.",
      field: "topology",
      source: plan,
    });
  const merged = finishNames(internal, names, findings);
  const front = t.topology === "single" ? "the Office Online Server" : "the load balancer, then the farm's servers";
  const publishing = merged.map((n) => ({ externalName: n.name, rule: `https://${n.name}/* → ${front} on port 443` }));
  return { subject: internal, names: merged, findings, publishing, friendlyName, topology: t.topology };
}
