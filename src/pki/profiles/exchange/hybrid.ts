/**
 * The Exchange hybrid names planner: the certificate for hybrid secure mail transport (and the web services),
 * after Microsoft's "Certificate requirements for hybrid deployments": the primary shared SMTP domain as the
 * subject, the external Autodiscover FQDN and the Edge Transport servers' external FQDNs as alternative names.
 */
import { field, isObj, isString, isStringArray, oneOf, ShapeError } from "../../shape";
import {
  checkSubjectInSan,
  cite,
  mergeNames,
  parseFqdn,
  parseFqdnList,
  versionChoice,
  type NamesPlan,
  type PlannedName,
  type PlannerFinding,
  type PlannerProfile,
} from "../framework";
import {
  TLS_CERTIFICATE_NAME_COMMAND,
  enableCommand,
  findCertificateCommand,
  importCommand,
  nativeRequestCommand,
  subjectIncludedNote,
} from "./commands";
import { applyExchange, internalNameFindings, SOURCES, VERSIONS, type ExchangeVersion } from "./common";

/** The subject: the primary shared SMTP domain (the document's advice) or the mail namespace. */
export type HybridSubject = "smtp-domain" | "mail-namespace";

export interface ExchangeHybridTopology {
  version: ExchangeVersion;
  subjectFrom: HybridSubject;
  /** The primary SMTP domain shared by on-premises Exchange and Exchange Online. */
  primarySmtpDomain: string;
  /** The Client Access / transport name on-premises clients and Exchange Online connect to (optional). */
  mailNamespace: string;
  /** The external Autodiscover FQDN; empty means autodiscover.<primary SMTP domain>. */
  autodiscover: string;
  /** The external FQDNs of the Edge Transport servers, if any. */
  edgeServers: string[];
  /** Active Directory forests with Exchange servers in the hybrid deployment. */
  forests: number;
}

export type HybridField =
  "version" | "subjectFrom" | "primarySmtpDomain" | "mailNamespace" | "autodiscover" | "edgeServers" | "forests";

export interface HybridNamesPlan extends NamesPlan<HybridField> {
  version: ExchangeVersion;
  edgeServers: string[];
}

/** The document's table: contoso.com (subject), autodiscover.contoso.com, edge.contoso.com. */
function example(): ExchangeHybridTopology {
  return {
    version: "2019",
    subjectFrom: "smtp-domain",
    primarySmtpDomain: "contoso.com",
    mailNamespace: "",
    autodiscover: "autodiscover.contoso.com",
    edgeServers: ["edge.contoso.com"],
    forests: 1,
  };
}

const FORESTS = [1, 2, 3, 4, 5] as const;

/** The hybrid names plan: subject, alternative names with reasons, findings. Pure. */
export function planExchangeHybrid(t: ExchangeHybridTopology): HybridNamesPlan {
  const findings: PlannerFinding<HybridField>[] = [];
  const hybrid = cite(SOURCES.hybrid);
  const one = (value: string, what: string, key: HybridField, required: string | null): string | null => {
    if (!value.trim()) {
      if (required) findings.push({ id: "missing", severity: "error", message: required, field: key });
      return null;
    }
    const parsed = parseFqdn(value, what);
    if (parsed.ok && !parsed.value.startsWith("*.")) return parsed.value;
    findings.push({
      id: "bad-value",
      severity: "error",
      message: parsed.ok ? `${what}: a hybrid certificate's names are host names, not wildcards.` : parsed.error,
      field: key,
    });
    return null;
  };
  const domain = one(
    t.primarySmtpDomain,
    "Primary shared SMTP domain",
    "primarySmtpDomain",
    "Enter the primary SMTP domain shared with Exchange Online, such as contoso.com.",
  );
  const mail = one(
    t.mailNamespace,
    "Mail namespace",
    "mailNamespace",
    t.subjectFrom === "mail-namespace"
      ? "Enter the mail namespace, such as mail.contoso.com: it is the subject."
      : null,
  );
  const autodiscover = t.autodiscover.trim()
    ? one(t.autodiscover, "Autodiscover FQDN", "autodiscover", null)
    : domain && `autodiscover.${domain}`;
  const edges = parseFqdnList(t.edgeServers, "Edge Transport server", "edgeServers", findings);

  const subject = t.subjectFrom === "smtp-domain" ? domain : mail;
  const names: PlannedName<HybridField>[] = [];
  const add = (name: string | null, reason: string, source: HybridField, input: HybridField = source) => {
    if (name) names.push({ name, reasons: [reason], source, input: { field: input } });
  };
  if (t.subjectFrom === "smtp-domain") add(domain, "Subject name: the primary shared SMTP domain", "primarySmtpDomain");
  else add(mail, "Subject name: the mail (Client Access and transport) namespace", "mailNamespace");
  if (t.subjectFrom === "smtp-domain")
    add(mail, "Outlook on the web, EWS, ActiveSync, Outlook Anywhere", "mailNamespace");
  add(
    autodiscover,
    "Autodiscover: the external Autodiscover FQDN",
    "autodiscover",
    t.autodiscover.trim() ? "autodiscover" : "primarySmtpDomain",
  );
  for (const e of edges) add(e, "Transport: external FQDN of an Edge Transport server", "edgeServers");
  const planned = mergeNames(names);

  if (t.subjectFrom === "mail-namespace")
    findings.push({
      id: "subject-not-smtp-domain",
      severity: "info",
      message:
        "Microsoft's hybrid document says the subject should be the primary shared SMTP domain; a mail namespace as the subject also works (Set-HybridConfiguration's example uses CN=mail.contoso.com), but the Hybrid Configuration wizard warns when the subject matches no accepted domain of the tenant.",
      source: hybrid,
      field: "subjectFrom",
    });
  findings.push(
    {
      id: "third-party-ca",
      severity: "info",
      message:
        "A hybrid deployment needs a certificate from a trusted third-party (public) CA: choose a public CA where the request goes. Not your own CA, not self-signed.",
      source: hybrid,
    },
    {
      id: "same-certificate-everywhere",
      severity: "info",
      message: `Install this certificate on all Mailbox servers${edges.length ? " and on every Edge Transport server: each Edge Transport server must use a certificate with the same issuing CA and the same subject" : " (and on every Edge Transport server, if you deploy any)"}.`,
      source: hybrid,
      field: "edgeServers",
    },
    {
      id: "keep-subject-issuer",
      severity: "info",
      message:
        "The hybrid connectors find the certificate by its issuer and subject (TlsCertificateName <I>issuer<S>subject). On renewal keep the subject exactly, and the same CA; otherwise run the Hybrid Configuration wizard again.",
      source: cite(SOURCES.hybridConfiguration),
      field: "subjectFrom",
    },
  );
  if (t.forests > 1)
    findings.push({
      id: "one-per-forest",
      severity: "warning",
      message: `${t.forests >= 5 ? "Five or more" : t.forests} Active Directory forests: each forest needs its own third-party certificate. Plan this request for one forest, then one for each of the others.`,
      source: hybrid,
      field: "forests",
    });
  findings.push(...internalNameFindings(planned));
  checkSubjectInSan(subject, planned, findings);
  return { subject, names: planned, findings, publishing: [], version: t.version, edgeServers: edges };
}

/** Rebuilds a hybrid topology from untrusted data: each field checked and copied, nothing else kept. */
export function readExchangeHybrid(data: unknown): ExchangeHybridTopology {
  if (!isObj(data)) throw new ShapeError("The Exchange hybrid topology is not an object.");
  return {
    version: field(data, "version", oneOf(VERSIONS.map((v) => v.value))),
    subjectFrom: field(data, "subjectFrom", oneOf<HybridSubject>(["smtp-domain", "mail-namespace"])),
    primarySmtpDomain: field(data, "primarySmtpDomain", isString),
    mailNamespace: field(data, "mailNamespace", isString),
    autodiscover: field(data, "autodiscover", isString),
    edgeServers: [...field(data, "edgeServers", isStringArray)],
    forests: field(data, "forests", oneOf<number>(FORESTS)),
  };
}

export const exchangeHybrid: PlannerProfile<ExchangeHybridTopology, HybridNamesPlan> = {
  id: "exchange-hybrid",
  intro:
    "Enter the names of the on-premises side of the hybrid deployment. The same certificate goes on every Mailbox and Edge Transport server of this forest.",
  empty: () => ({ ...example(), primarySmtpDomain: "", autodiscover: "", edgeServers: [] }),
  example,
  inputs: [
    versionChoice("Exchange version", VERSIONS),
    {
      kind: "text",
      field: "primarySmtpDomain",
      label: "Primary shared SMTP domain",
      hint: "The SMTP domain shared by on-premises Exchange and Exchange Online.",
      placeholder: "contoso.com",
      get: (t) => t.primarySmtpDomain,
      set: (t, v) => ({ ...t, primarySmtpDomain: v }),
    },
    {
      kind: "text",
      field: "mailNamespace",
      label: "Mail namespace (optional)",
      hint: "The Client Access / transport name, such as mail.contoso.com.",
      placeholder: "mail.contoso.com",
      get: (t) => t.mailNamespace,
      set: (t, v) => ({ ...t, mailNamespace: v }),
    },
    {
      kind: "choice",
      field: "subjectFrom",
      label: "Subject name",
      options: [
        { value: "smtp-domain", label: "The primary shared SMTP domain", hint: "Microsoft's advice for hybrid." },
        { value: "mail-namespace", label: "The mail namespace", hint: "The Client Access / transport name." },
      ],
      get: (t) => t.subjectFrom,
      set: (t, v) => ({ ...t, subjectFrom: v === "mail-namespace" ? "mail-namespace" : "smtp-domain" }),
    },
    {
      kind: "text",
      field: "autodiscover",
      label: "External Autodiscover FQDN",
      get: (t) => t.autodiscover,
      set: (t, v) => ({ ...t, autodiscover: v }),
      fallback: {
        value: (_t, p) => p.names.find((n) => n.source === "autodiscover")?.name ?? "",
        isTyped: (t) => t.autodiscover.trim() !== "",
        reset: (t) => ({ ...t, autodiscover: "" }),
      },
    },
    {
      kind: "lines",
      field: "edgeServers",
      label: "Edge Transport servers' external FQDNs (optional)",
      rows: 3,
      placeholder: "edge.contoso.com",
      get: (t) => t.edgeServers,
      set: (t, v) => ({ ...t, edgeServers: v }),
    },
    {
      kind: "choice",
      field: "forests",
      label: "Active Directory forests with Exchange servers",
      options: FORESTS.map((n) => ({ value: String(n), label: n === 5 ? "5 or more" : String(n) })),
      get: (t) => String(t.forests),
      set: (t, v) => ({ ...t, forests: FORESTS.find((n) => String(n) === v) ?? t.forests }),
    },
  ],
  plan: planExchangeHybrid,
  apply: (request, names) => applyExchange(request, names, names.version, true),
  services: {
    primarySmtpDomain: "Primary shared SMTP domain",
    mailNamespace: "Client Access and transport",
    autodiscover: "Autodiscover",
    edgeServers: "Edge Transport",
  },
  nextSteps: (names, request) => [
    {
      text: `Import the .pfx on every Mailbox server${names.edgeServers.length ? " and every Edge Transport server" : ""} of this forest, keeping the key exportable.`,
      command: importCommand(request),
      source: cite(SOURCES.importCertificate),
    },
    {
      text: "Enable it for IIS and SMTP on each of them.",
      command: [findCertificateCommand(request), enableCommand(["IIS", "SMTP"])].join("\n"),
      source: cite(SOURCES.enableCertificate),
    },
    {
      text: "Run the Hybrid Configuration wizard and choose this certificate for secure mail transport. The connectors' TlsCertificateName is this value; a renewed certificate must give the same one:",
      command: TLS_CERTIFICATE_NAME_COMMAND,
      source: cite(SOURCES.hybridConfiguration),
    },
    {
      text: `Or make the request on an Exchange server itself, as New-ExchangeCertificate does in Exchange 2016 and later.${subjectIncludedNote(names)}`,
      command: nativeRequestCommand(names, request),
      source: cite(SOURCES.newCertificate),
    },
  ],
  read: readExchangeHybrid,
  sources: [
    SOURCES.hybrid,
    SOURCES.hybridConfiguration,
    SOURCES.newCertificate,
    SOURCES.importCertificate,
    SOURCES.enableCertificate,
    SOURCES.fbaLoop,
  ],
};
