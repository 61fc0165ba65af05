/**
 * The Exchange Server 2016 / 2019 / SE names plan: the topology in the admin's words, the pure `plan` (subject,
 * names with reasons, findings) and `read`, after "Digital certificates and encryption in Exchange Server",
 * "Autodiscover service" and the New-/Enable-ExchangeCertificate reference.
 */
import { wildcardCovers } from "../../names";
import { field, isBoolean, isObj, isString, isStringArray, oneOf, ShapeError } from "../../shape";
import {
  checkSubjectInSan,
  cite,
  mergeNames,
  parseFqdn,
  parseFqdnList,
  type NamesPlan,
  type PlannedName,
  type PlannerFinding,
} from "../framework";
import { internalNameFindings, parseHostList, SOURCES, VERSIONS, type ExchangeVersion } from "./common";

export type AutodiscoverBy = "name" | "srv";

/** What the admin types on Plan names, in Exchange's words. Lists hold entries as typed. */
export interface ExchangeTopology {
  version: ExchangeVersion;
  /** The name most clients use: Outlook, Outlook on the web, EAC, EWS, OAB, ActiveSync, MAPI over HTTP. */
  mailNamespace: string;
  /** Other names clients use: a separate Outlook on the web or ActiveSync name, per-site names. */
  otherNamespaces: string[];
  /** The SMTP (accepted) domains users have addresses in. */
  smtpDomains: string[];
  /** autodiscover.<each SMTP domain> on the certificate, or an _autodiscover._tcp SRV record per domain. */
  autodiscover: AutodiscoverBy;
  /** The SRV record's target; empty means the mail namespace (Microsoft's example points it there). */
  srvTarget: string;
  imap: string;
  pop: string;
  smtp: string;
  wildcard: boolean;
}

export type ExchangeField =
  | "version"
  | "mailNamespace"
  | "otherNamespaces"
  | "smtpDomains"
  | "autodiscover"
  | "srvTarget"
  | "imap"
  | "pop"
  | "smtp"
  | "wildcard";

export type ExchangeFinding = PlannerFinding<ExchangeField>;

export interface ExchangeNamesPlan extends NamesPlan<ExchangeField> {
  /** The SMTP domains as normalised. */
  smtpDomains: string[];
  /** The wildcard in force (*.<parent of the mail namespace>), or null. */
  wildcard: string | null;
  version: ExchangeVersion;
  /** The protocol names typed, for the services the certificate is enabled for. */
  protocols: { imap: boolean; pop: boolean };
}

/** The minimum example of "Digital certificates and encryption in Exchange Server": mail. and autodiscover.contoso.com. */
export function example(): ExchangeTopology {
  return {
    version: "2019",
    mailNamespace: "mail.contoso.com",
    otherNamespaces: [],
    smtpDomains: ["contoso.com"],
    autodiscover: "name",
    srvTarget: "",
    imap: "",
    pop: "",
    smtp: "",
    wildcard: false,
  };
}

/** A topology with nothing typed: the fields show the example's names as placeholders. */
export const empty = (): ExchangeTopology => ({ ...example(), mailNamespace: "", smtpDomains: [""] });

export const protocolInputs = [
  ["imap", "IMAP4", "IMAP4 clients"],
  ["pop", "POP3", "POP3 clients"],
  ["smtp", "SMTP", "SMTP clients and servers that require TLS (Receive connector)"],
] as const;

/** The names plan: subject, alternative names with reasons, findings. Pure. */
export function planExchange(t: ExchangeTopology): ExchangeNamesPlan {
  const findings: ExchangeFinding[] = [];
  const certificates = cite(SOURCES.certificates);
  let mail: string | null = null;
  if (!t.mailNamespace.trim())
    findings.push({
      id: "missing",
      severity: "error",
      message: "Enter the mail namespace, such as mail.contoso.com: the name Outlook and the web clients connect to.",
      field: "mailNamespace",
    });
  else {
    const parsed = parseFqdn(t.mailNamespace, "Mail namespace");
    if (!parsed.ok)
      findings.push({ id: "bad-value", severity: "error", message: parsed.error, field: "mailNamespace" });
    else if (parsed.value.startsWith("*."))
      findings.push({
        id: "bad-value",
        severity: "error",
        message:
          "The mail namespace is a host name such as mail.contoso.com; for a wildcard, tick the wildcard option.",
        field: "mailNamespace",
      });
    else mail = parsed.value;
  }
  const others = parseHostList(t.otherNamespaces, "Other namespace", "otherNamespaces", findings);
  const smtpDomains = parseFqdnList(t.smtpDomains, "SMTP domain", "smtpDomains", findings);
  if (smtpDomains.length === 0 && !findings.some((f) => f.field === "smtpDomains"))
    findings.push({
      id: "missing",
      severity: "error",
      message: "Enter at least one SMTP (accepted) domain, such as contoso.com: Autodiscover needs a name for each.",
      field: "smtpDomains",
    });

  const names: PlannedName<ExchangeField>[] = [];
  const add = (name: string, reason: string, source: ExchangeField, input: ExchangeField = source) =>
    names.push({ name, reasons: [reason], source, input: { field: input } });
  if (mail)
    add(mail, "Subject name: Outlook, Outlook on the web, EAC, EWS, OAB, ActiveSync, MAPI over HTTP", "mailNamespace");
  for (const o of others) add(o, "Another namespace clients connect to", "otherNamespaces");
  if (t.autodiscover === "name") {
    for (const d of smtpDomains) add(`autodiscover.${d}`, `Autodiscover for ${d}`, "autodiscover", "smtpDomains");
  } else {
    const typed = t.srvTarget.trim();
    const target = typed ? parseFqdn(typed, "SRV target") : mail ? { ok: true as const, value: mail } : null;
    if (target && !target.ok)
      findings.push({ id: "bad-value", severity: "error", message: target.error, field: "srvTarget" });
    else if (target) {
      add(target.value, "Autodiscover by SRV record: its target", "srvTarget", typed ? "srvTarget" : "mailNamespace");
      findings.push({
        id: "autodiscover-srv",
        severity: "info",
        message: `Autodiscover by SRV record: create _autodiscover._tcp.<domain> (port 443) pointing to ${target.value} for ${smtpDomains.join(", ") || "each SMTP domain"}. Clients then connect to ${target.value}, so that name must be on the certificate, and no autodiscover.<domain> names are needed.`,
        source: cite(SOURCES.autodiscover),
        field: "autodiscover",
      });
    }
  }
  const protocols = { imap: false, pop: false };
  for (const [key, label, reason] of protocolInputs) {
    if (!t[key].trim()) continue;
    const parsed = parseFqdn(t[key], `${label} name`);
    if (!parsed.ok) findings.push({ id: "bad-value", severity: "error", message: parsed.error, field: key });
    else {
      add(parsed.value, reason, key);
      if (key !== "smtp") protocols[key] = true;
    }
  }

  // The wildcard option: *.<parent of the mail namespace> as the subject, in place of the names it covers.
  let wildcard: string | null = null;
  let planned = mergeNames(names);
  if (t.wildcard && mail) {
    const parent = mail.split(".").slice(1).join(".");
    if (!parent.includes("."))
      findings.push({
        id: "bad-value",
        severity: "error",
        message: `A wildcard for ${mail} would be *.${parent}, a wildcard on a top-level domain: no CA issues it.`,
        field: "wildcard",
      });
    else {
      wildcard = `*.${parent}`;
      // IMAP4 and POP3 keep their names: Microsoft says not to enable a wildcard certificate for them.
      const keep = (n: PlannedName<ExchangeField>) =>
        n.source === "imap" || n.source === "pop" || !wildcardCovers(wildcard!, n.name);
      const covered = planned.filter((n) => !keep(n));
      planned = [
        {
          name: wildcard,
          reasons: [`Wildcard for ${covered.map((n) => n.name).join(", ") || parent}`],
          source: "wildcard",
          input: { field: "wildcard" },
        },
        ...planned.filter(keep),
      ];
      const autodiscoverLeft = planned.filter((n) => n.source === "autodiscover");
      if (autodiscoverLeft.length)
        findings.push({
          id: "wildcard-not-covering",
          severity: "warning",
          message: `The wildcard ${wildcard} cannot cover ${autodiscoverLeft.map((n) => n.name).join(", ")}: a wildcard covers one level of one domain. With several SMTP domains Microsoft says to use a SAN certificate; they are listed by name.`,
          source: certificates,
          field: "smtpDomains",
        });
      if (protocols.imap || protocols.pop)
        findings.push({
          id: "wildcard-imap-pop",
          severity: "warning",
          message:
            "Don't enable a wildcard certificate for the IMAP4 or POP3 service (Microsoft): their names stay on the certificate by name; set them with Set-ImapSettings / Set-PopSettings -X509CertificateName, and enable this certificate for IIS and SMTP only.",
          source: cite(SOURCES.enableCertificate),
          field: "wildcard",
        });
    }
  }
  const subject = wildcard ?? mail;
  findings.push(...internalNameFindings(planned));
  findings.push({
    id: "legacy-key",
    severity: "info",
    message:
      "The key is made by the Legacy key template (a CryptoAPI key, RSA 2048, key type Exchange). Outlook on the web and the EAC have been reported to loop at sign-in with a CNG key (a Microsoft engineer's blog, for Exchange 2013): keep the Legacy template.",
    source: cite(SOURCES.fbaLoop),
  });
  checkSubjectInSan(subject, planned, findings);
  return {
    subject,
    names: planned,
    findings,
    publishing: [],
    smtpDomains,
    wildcard,
    version: t.version,
    protocols,
  };
}

/** Rebuilds a topology from untrusted data: each field checked and copied, nothing else kept. */
export function readExchange(data: unknown): ExchangeTopology {
  if (!isObj(data)) throw new ShapeError("The Exchange topology is not an object.");
  return {
    version: field(data, "version", oneOf(VERSIONS.map((v) => v.value))),
    mailNamespace: field(data, "mailNamespace", isString),
    otherNamespaces: [...field(data, "otherNamespaces", isStringArray)],
    smtpDomains: [...field(data, "smtpDomains", isStringArray)],
    autodiscover: field(data, "autodiscover", oneOf<AutodiscoverBy>(["name", "srv"])),
    srvTarget: field(data, "srvTarget", isString),
    imap: field(data, "imap", isString),
    pop: field(data, "pop", isString),
    smtp: field(data, "smtp", isString),
    wildcard: field(data, "wildcard", isBoolean),
  };
}
