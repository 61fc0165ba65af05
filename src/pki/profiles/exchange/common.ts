/**
 * What the Exchange and Exchange hybrid planners share: the Microsoft documents their rules come from, the
 * internal-name check (the preflight's own rule, worded for Plan names), the friendly name, and `apply`.
 */
import { checkDnsName } from "../../names";
import { preflightNames } from "../../lint";
import type { RequestPlan } from "../../request";
import {
  boundedEntries,
  cite,
  MAX_LIST_ENTRIES,
  namesInto,
  type NamesPlan,
  type PlannedName,
  type PlannerFinding,
  type ProfileSource,
} from "../framework";

/** The Microsoft documents the Exchange rules come from, each checked in the document itself. */
export const SOURCES = {
  certificates: {
    title: "Digital certificates and encryption in Exchange Server",
    url: "https://learn.microsoft.com/exchange/architecture/client-access/certificates",
  },
  hybrid: {
    title: "Certificate requirements for hybrid deployments",
    url: "https://learn.microsoft.com/exchange/certificate-requirements",
  },
  autodiscover: {
    title: "Autodiscover service in Exchange Server",
    url: "https://learn.microsoft.com/exchange/architecture/client-access/autodiscover",
  },
  newCertificate: {
    title: "New-ExchangeCertificate",
    url: "https://learn.microsoft.com/powershell/module/exchangepowershell/new-exchangecertificate",
  },
  importCertificate: {
    title: "Import-ExchangeCertificate",
    url: "https://learn.microsoft.com/powershell/module/exchangepowershell/import-exchangecertificate",
  },
  enableCertificate: {
    title: "Enable-ExchangeCertificate",
    url: "https://learn.microsoft.com/powershell/module/exchangepowershell/enable-exchangecertificate",
  },
  hybridConfiguration: {
    title: "Set-HybridConfiguration",
    url: "https://learn.microsoft.com/powershell/module/exchangepowershell/set-hybridconfiguration",
  },
  /**
   * Not Microsoft's product documentation: a Microsoft engineer's TechNet blog (Exchange 2013, 2015), quoted in
   * win-acme issue #420 and certify issue #112. The CNG finding says so.
   */
  fbaLoop: {
    title: "The one with the FBA redirect loop (Microsoft TechNet blog, Exchange 2013), via win-acme issue #420",
    url: "https://github.com/win-acme/win-acme/issues/420",
  },
} satisfies Record<string, ProfileSource>;

export type ExchangeVersion = "2016" | "2019" | "se";
export const VERSIONS: readonly { value: ExchangeVersion; label: string }[] = [
  { value: "2016", label: "Exchange Server 2016" },
  { value: "2019", label: "Exchange Server 2019" },
  { value: "se", label: "Exchange Server Subscription Edition" },
];
const VERSION_WORD: Record<ExchangeVersion, string> = { "2016": "2016", "2019": "2019", se: "SE" };

/**
 * New-ExchangeCertificate and Import-ExchangeCertificate: "The value must be less than 64 characters."
 * Why a generated name: the Exchange admin center lists certificates by friendly name, and the next steps find
 * the imported certificate by it, so it must be unique: the version and the subject.
 */
export const FRIENDLY_NAME_LIMIT = 63;
const GENERATED = /^Exchange (2016|2019|SE) (hybrid )?\S*$/;

/** "Exchange 2019 mail.contoso.com": the version and the subject, cut to what Exchange accepts. */
export function exchangeFriendlyName(version: ExchangeVersion, subject: string | null, hybrid: boolean): string {
  return `Exchange ${VERSION_WORD[version]} ${hybrid ? "hybrid " : ""}${subject ?? ""}`
    .trim()
    .slice(0, FRIENDLY_NAME_LIMIT);
}

/**
 * "Use these names" for both Exchange profiles: the subject and names, a friendly name that Exchange accepts,
 * Digital signature + Key encipherment, and an RSA 2048 key of type Exchange made by the Legacy key template
 * (a CryptoAPI key in the "Microsoft RSA SChannel Cryptographic Provider"), because Exchange's forms-based
 * sign-in to Outlook on the web and the EAC has been reported to loop with a CNG key (SOURCES.fbaLoop).
 * The Extended Key Usage is left as the request has it: its default follows where the request goes (Server
 * Authentication only for a public CA; usages.ts defaultExtendedKeyUsage), Exchange's own certificates carry
 * Server Authentication only (SOURCES.certificates, "Properties of the default self-signed certificates"), and a
 * choice the admin made must survive using the names again.
 */
export function applyExchange(
  request: RequestPlan,
  names: NamesPlan,
  version: ExchangeVersion,
  hybrid: boolean,
): RequestPlan {
  const typed = request.friendlyName.trim();
  const friendlyName =
    !typed || GENERATED.test(typed) ? exchangeFriendlyName(version, names.subject, hybrid) : request.friendlyName;
  return {
    ...namesInto(request, names),
    friendlyName,
    template: "legacy",
    keyUsage: ["digitalSignature", "keyEncipherment"],
    keyUsageCritical: true,
    key: { ...request.key, algorithm: "rsa", rsaKeySize: 2048, keySpec: "exchange" },
  };
}

/** True when the preflight would refuse the name for a public CA as an internal name (lint.ts "internal-names"). */
export function isInternalName(name: string): boolean {
  return preflightNames([name], "public").some((f) => f.id === "internal-names");
}

/**
 * The internal names among the planned names, each said beside the input it came from: Microsoft's advice not
 * to add server names, and what the preflight will do with it for a public CA.
 */
export function internalNameFindings<F extends string>(names: readonly PlannedName<F>[]): PlannerFinding<F>[] {
  return names
    .filter((n) => isInternalName(n.name))
    .map((n) => ({
      id: "internal-name",
      severity: "warning" as const,
      message: `${n.name} is an internal name (a single label, or a reserved or private suffix such as .local). Don't add a server's own name unless clients connect to it by that name; and the preflight refuses internal names when the request goes to a public CA (they are refused by every public CA). Use it only with your own CA.`,
      source: cite(SOURCES.certificates),
      field: n.input.field,
    }));
}

/**
 * A list of host names that may hold single labels (server NetBIOS names): each checked as a DNS name and
 * normalised, repeats merged. parseFqdnList would refuse a single label; here it is kept and warned about.
 */
export function parseHostList<F extends string>(
  entries: readonly string[],
  what: string,
  field: F,
  findings: PlannerFinding<F>[],
): string[] {
  const out: string[] = [];
  const bounded = boundedEntries(
    entries,
    field,
    findings,
    `${what}: at most ${MAX_LIST_ENTRIES} entries; only the first ${MAX_LIST_ENTRIES} are used.`,
  );
  for (const entry of bounded) {
    const checked = checkDnsName(entry);
    if (!checked.ok) {
      findings.push({
        id: "bad-value",
        severity: "error",
        message: `${what} "${entry.trim()}": ${checked.error}`,
        field,
      });
      continue;
    }
    if (out.includes(checked.name.ascii)) {
      findings.push({
        id: "merged",
        severity: "info",
        message: `${checked.name.ascii} was entered more than once; it is listed once.`,
        field,
      });
      continue;
    }
    out.push(checked.name.ascii);
  }
  return out;
}
