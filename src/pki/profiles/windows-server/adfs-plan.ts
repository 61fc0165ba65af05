/**
 * The AD FS names plan: the federation service name, certauth.<name> and enterpriseregistration.<UPN suffix>,
 * with the findings of Microsoft's "AD FS Requirements" (certificate, network and load balancer requirements).
 */
import { wildcardCovers } from "../../names";
import {
  cite,
  finishNames,
  parseFqdnList,
  type NamesPlan,
  type PlannedName,
  type PlannerFinding,
  type ProfileSource,
} from "../framework";
import { readFqdn } from "./common";

export interface AdfsTopology {
  federationServiceName: string;
  /** certauth.<federation service name> on 443 (alternate TLS client binding) rather than port 49443. */
  certAuth443: boolean;
  deviceRegistration: boolean;
  upnSuffixes: string[];
  /** *.<UPN suffix> in place of each enterpriseregistration.<UPN suffix>. */
  wildcardRegistration: boolean;
  wap: boolean;
}
export type AdfsField = keyof AdfsTopology;
export type AdfsPlan = NamesPlan<AdfsField>;

export const ADFS_SOURCES = {
  requirements: {
    title: "AD FS Requirements (certificate, network and load balancer requirements)",
    url: "https://learn.microsoft.com/windows-server/identity/ad-fs/overview/ad-fs-requirements",
  },
  alternateBinding: {
    title: "Set-AdfsAlternateTlsClientBinding",
    url: "https://learn.microsoft.com/powershell/module/adfs/set-adfsalternatetlsclientbinding",
  },
  manage: {
    title: "Manage TLS/SSL Certificates in AD FS and WAP in Windows Server 2016",
    url: "https://learn.microsoft.com/windows-server/identity/ad-fs/operations/manage-ssl-certificates-ad-fs-wap",
  },
  wildcard: {
    title: "Update-WebApplicationProxyDeviceRegistration",
    url: "https://learn.microsoft.com/powershell/module/webapplicationproxy/update-webapplicationproxydeviceregistration",
  },
  keySpec: {
    title: "AD FS and certificate KeySpec property information",
    url: "https://learn.microsoft.com/windows-server/identity/ad-fs/technical-reference/ad-fs-and-keyspec-property",
  },
} satisfies Record<string, ProfileSource>;

/** The AD FS TLS/SSL certificate's names, reasons, findings and publishing rules ("AD FS Requirements"). */
export function planAdfsNames(t: AdfsTopology): AdfsPlan {
  const findings: PlannerFinding<AdfsField>[] = [];
  const requirements = cite(ADFS_SOURCES.requirements);
  const fs = readFqdn(
    {
      value: t.federationServiceName,
      what: "federation service name",
      field: "federationServiceName",
      example: "fs.contoso.com",
    },
    findings,
  );
  const suffixes = t.deviceRegistration ? parseFqdnList(t.upnSuffixes, "UPN suffix", "upnSuffixes", findings) : [];
  const plainSuffixes = suffixes.filter((s) => {
    if (!s.startsWith("*.")) return true;
    findings.push({
      id: "bad-value",
      severity: "error",
      message: `UPN suffix ${s}: a UPN suffix is a domain, never a wildcard.`,
      field: "upnSuffixes",
    });
    return false;
  });
  if (t.deviceRegistration && suffixes.length === 0 && !findings.some((f) => f.field === "upnSuffixes")) {
    findings.push({
      id: "missing",
      severity: "error",
      message:
        "Enter every UPN suffix in use in your organization, such as contoso.com: each needs enterpriseregistration.<suffix>.",
      field: "upnSuffixes",
      source: requirements,
    });
  }

  const names: PlannedName<AdfsField>[] = [];
  if (fs) {
    names.push({
      name: fs,
      reasons: ["Subject name: the federation service name"],
      source: "federationServiceName",
      input: { field: "federationServiceName" },
    });
    if (t.certAuth443)
      names.push({
        name: `certauth.${fs}`,
        reasons: ["User certificate authentication on port 443 (alternate TLS client binding)"],
        source: "certAuth443",
        input: { field: "federationServiceName" },
      });
    else
      findings.push({
        id: "certauth-on-49443",
        severity: "info",
        message: `Without certauth.${fs}, AD FS authenticates user certificates on port 49443 (Install-AdfsFarm sets that up when the certificate has no certauth name): open TCP 49443 inbound from clients to the WAP.`,
        field: "certAuth443",
        source: cite(ADFS_SOURCES.alternateBinding),
      });
  }
  for (const suffix of plainSuffixes) {
    const registration = `enterpriseregistration.${suffix}`;
    names.push(
      t.wildcardRegistration
        ? {
            name: `*.${suffix}`,
            reasons: [`Wildcard covering ${registration} (device registration)`],
            source: "wildcardRegistration",
            input: { field: "upnSuffixes" },
          }
        : {
            name: registration,
            reasons: [`Device registration for UPN suffix ${suffix}`],
            source: "deviceRegistration",
            input: { field: "upnSuffixes" },
          },
    );
  }
  if (t.wildcardRegistration && t.deviceRegistration && fs) {
    const byName = [fs, ...(t.certAuth443 ? [`certauth.${fs}`] : [])];
    const uncovered = byName.filter((n) => !plainSuffixes.some((s) => wildcardCovers(`*.${s}`, n)));
    findings.push({
      id: "wildcard-scope",
      severity: "info",
      message: `A wildcard is allowed for the registration names only, and covers one label: ${byName.join(" and ")} stay listed by name${uncovered.length ? ` (${uncovered.join(", ")} no wildcard covers)` : ""}.`,
      field: "wildcardRegistration",
      source: cite(ADFS_SOURCES.wildcard),
    });
  }

  findings.push(
    t.wap
      ? {
          id: "same-certificate-and-key",
          severity: "warning",
          message:
            "Every AD FS server and every Web Application Proxy must present this same certificate with the same key (required when WAP proxies Windows Integrated Authentication, and when ExtendedProtectionTokenCheck is on, its default): export it with its key as one .pfx and import it on each.",
          field: "wap",
          source: requirements,
        }
      : {
          id: "same-certificate-and-key",
          severity: "info",
          message: "Use this one certificate, exported with its key as a .pfx, on every federation server of the farm.",
          field: "federationServiceName",
          source: requirements,
        },
    {
      id: "load-balancer-passthrough",
      severity: "info",
      message:
        "The load balancer must not terminate TLS: AD FS's certificate authentication breaks, and terminating TLS is not supported for any use case. Pass TCP 443 through (SNI-capable) and probe http://<server>/adfs/probe.",
      field: t.wap ? "wap" : "federationServiceName",
      source: requirements,
    },
    {
      id: "token-certificates-separate",
      severity: "info",
      message:
        "This is the TLS/SSL certificate only: the token-signing and token-decrypting certificates are separate. Microsoft recommends AD FS's own self-signed ones; do not reuse this certificate for them.",
      field: "federationServiceName",
      source: requirements,
    },
  );
  const merged = finishNames(fs, names, findings);
  const via = t.wap ? "the Web Application Proxy, then the AD FS farm" : "the AD FS farm";
  const publishing = merged.map((n) => ({
    externalName: n.name,
    rule: `https://${n.name}/* → ${via} on TCP 443, TLS passed through the load balancer`,
  }));
  if (fs && !t.certAuth443)
    publishing.push({ externalName: fs, rule: `https://${fs}:49443/* → ${via} (user certificate authentication)` });
  return { subject: fs, names: merged, findings, publishing };
}
