/**
 * What the Windows Server profiles (AD FS, RD Gateway, Office Online Server) share: one FQDN input read into
 * findings, the key and usages of a TLS server certificate on Windows, and the PowerShell that finds the issued
 * certificate and imports the .pfx, every value escaped by psQuote.
 */
import { pfxFileName } from "../../file-names";
import { preflightNames } from "../../lint";
import type { RequestPlan } from "../../request";
import { SERVER_AUTH } from "../../usages";
import { namesInto, parseFqdn, psQuote, type NamesPlan, type PlannerFinding } from "../framework";

/**
 * One FQDN input: blank gives a "missing" error, a bad name a "bad-value" error, and a wildcard an error
 * unless the caller allows it. Returns the normalised name, or null when there is none to use.
 */
export function readFqdn<F extends string>(
  params: { value: string; what: string; field: F; example: string; wildcard?: "refuse" | "allow" },
  findings: PlannerFinding<F>[],
): string | null {
  const { value, what, field, example } = params;
  if (!value.trim()) {
    findings.push({ id: "missing", severity: "error", message: `Enter the ${what}, such as ${example}.`, field });
    return null;
  }
  const parsed = parseFqdn(value, what[0]!.toUpperCase() + what.slice(1));
  if (!parsed.ok) {
    findings.push({ id: "bad-value", severity: "error", message: parsed.error, field });
    return null;
  }
  if (parsed.value.startsWith("*.") && params.wildcard !== "allow") {
    findings.push({
      id: "bad-value",
      severity: "error",
      message: `The ${what} is one host name, such as ${example}, never a wildcard.`,
      field,
    });
    return null;
  }
  return parsed.value;
}

/** The names no public CA issues (single labels, .local, .corp…): lint.ts's own per-name rule, asked name by name. */
export const internalNames = (names: readonly string[]): string[] =>
  names.filter((n) => preflightNames([n], "public").some((f) => f.id === "internal-names"));

/**
 * "Use these names" for a Windows TLS server certificate: subject and alternative names, a friendly name (the
 * admin's, else the profile's), Digital signature + Key encipherment (critical), and an RSA key of at least
 * 2048 bits with KeySpec AT_KEYEXCHANGE. Why exchange: Schannel decrypts with the key on an RSA key exchange,
 * and AD FS's KeySpec article lists AT_SIGNATURE (2) as "not recommended" for the SSL certificate (a CNG key,
 * KeySpec 0, is also fine there). `serverAuth` adds Server Authentication when the product's document demands
 * that EKU by name; otherwise the EKU stays as the plan has it (usages.ts defaultExtendedKeyUsage decides it by
 * where the request goes, and a choice the admin made is not undone).
 */
export function applyServerCertificate(
  request: RequestPlan,
  names: NamesPlan,
  options: { friendlyName: string; serverAuth: boolean },
): RequestPlan {
  const withNames = namesInto(request, names);
  const eku = request.extendedKeyUsage;
  return {
    ...withNames,
    friendlyName: request.friendlyName || options.friendlyName,
    keyUsage: ["digitalSignature", "keyEncipherment"],
    keyUsageCritical: true,
    extendedKeyUsage: options.serverAuth && !eku.includes(SERVER_AUTH) ? [SERVER_AUTH, ...eku] : eku,
    key: {
      ...request.key,
      algorithm: "rsa",
      rsaKeySize: request.key.algorithm === "rsa" && request.key.rsaKeySize > 2048 ? request.key.rsaKeySize : 2048,
      keySpec: "exchange",
    },
  };
}

/** PowerShell that imports the exported .pfx into the Local Computer's Personal store, asking for its password. */
export function importPfxCommand(request: RequestPlan): string {
  return [
    "$password = Read-Host -AsSecureString -Prompt 'Password of the .pfx'",
    `Import-PfxCertificate -FilePath (Join-Path $PWD ${psQuote(pfxFileName(request))}) -CertStoreLocation Cert:\\LocalMachine\\My -Exportable -Password $password`,
  ].join("\n");
}

/**
 * PowerShell that sets $thumbprint to the newest certificate in the Local Computer's Personal store with this
 * request's friendly name (else its subject): the cmdlets take a thumbprint, which exists only once issued.
 */
export function thumbprintCommand(request: RequestPlan): string {
  const cn = request.subject.find((p) => p.type === "CN")?.value ?? "";
  const filter = request.friendlyName
    ? `Where-Object FriendlyName -EQ ${psQuote(request.friendlyName)}`
    : `Where-Object Subject -EQ ${psQuote(`CN=${cn}`)}`;
  return `$thumbprint = (Get-ChildItem -Path Cert:\\LocalMachine\\My | ${filter} | Sort-Object -Property NotAfter -Descending | Select-Object -First 1).Thumbprint`;
}
