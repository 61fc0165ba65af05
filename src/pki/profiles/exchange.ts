/**
 * The Exchange Server 2016 / 2019 / Subscription Edition names planner profile: from the mail namespace, the
 * SMTP (accepted) domains and the protocol names to the subject and alternative names of the certificate
 * enabled for IIS and SMTP, each with its reason (the plan itself is in ./exchange/onprem.ts), and the
 * Exchange hybrid profile (./exchange/hybrid.ts).
 */
import { applyExchange, SOURCES, VERSIONS } from "./exchange/common";
import {
  enableCommand,
  findCertificateCommand,
  importCommand,
  nativeRequestCommand,
  subjectIncludedNote,
} from "./exchange/commands";
import {
  empty,
  example,
  planExchange,
  protocolInputs,
  readExchange,
  type ExchangeNamesPlan,
  type ExchangeTopology,
} from "./exchange/onprem";
import { cite, versionChoice, type PlannerProfile } from "./framework";

export { exchangeHybrid, type ExchangeHybridTopology } from "./exchange/hybrid";
export * from "./exchange/onprem";

export const exchange: PlannerProfile<ExchangeTopology, ExchangeNamesPlan> = {
  id: "exchange",
  intro:
    "Enter the names clients use to reach Exchange. Use as few host names as possible: the servers' own names are not needed unless clients connect to them.",
  empty,
  example,
  inputs: [
    versionChoice("Exchange version", VERSIONS),
    {
      kind: "text",
      field: "mailNamespace",
      label: "Mail namespace",
      hint: "Outlook, Outlook on the web, EAC, EWS, OAB, ActiveSync, MAPI over HTTP and Outlook Anywhere. It is the subject name.",
      placeholder: "mail.contoso.com",
      get: (t) => t.mailNamespace,
      set: (t, v) => ({ ...t, mailNamespace: v }),
    },
    {
      kind: "lines",
      field: "otherNamespaces",
      label: "Other namespaces (optional)",
      hint: "One per line: a separate Outlook on the web or ActiveSync name, per-site names.",
      rows: 3,
      placeholder: "owa.contoso.com",
      get: (t) => t.otherNamespaces,
      set: (t, v) => ({ ...t, otherNamespaces: v }),
    },
    {
      kind: "lines",
      field: "smtpDomains",
      label: "SMTP (accepted) domains",
      hint: "One per line: the domains users have e-mail addresses in.",
      rows: 3,
      placeholder: "contoso.com",
      get: (t) => t.smtpDomains,
      set: (t, v) => ({ ...t, smtpDomains: v }),
    },
    {
      kind: "choice",
      field: "autodiscover",
      label: "How clients find Autodiscover",
      options: [
        { value: "name", label: "autodiscover.<domain>", hint: "A name on the certificate for each SMTP domain." },
        {
          value: "srv",
          label: "SRV record",
          hint: "_autodiscover._tcp.<domain> points to a name already on the certificate; no autodiscover names.",
        },
      ],
      get: (t) => t.autodiscover,
      set: (t, v) => ({ ...t, autodiscover: v === "srv" ? "srv" : "name" }),
      inside: [
        {
          kind: "text",
          field: "srvTarget",
          label: "SRV record target",
          shownWhen: (t) => t.autodiscover === "srv",
          get: (t) => t.srvTarget,
          set: (t, v) => ({ ...t, srvTarget: v }),
          fallback: {
            value: (t) => t.mailNamespace.trim().toLowerCase(),
            isTyped: (t) => t.srvTarget.trim() !== "",
            reset: (t) => ({ ...t, srvTarget: "" }),
          },
        },
      ],
    },
    {
      kind: "group",
      field: "protocols",
      label: "IMAP, POP and SMTP names (optional)",
      inside: protocolInputs.map(([key, label]) => ({
        kind: "text" as const,
        field: key,
        label: `${label} name`,
        placeholder: `${key}.contoso.com`,
        get: (t: ExchangeTopology) => t[key],
        set: (t: ExchangeTopology, v: string) => ({ ...t, [key]: v }),
      })),
    },
    {
      kind: "flag",
      field: "wildcard",
      label: "Wildcard certificate",
      hint: "*.<domain of the mail namespace> as the subject. Not for IMAP4/POP3, and it covers one domain only.",
      get: (t) => t.wildcard,
      set: (t, v) => ({ ...t, wildcard: v }),
    },
  ],
  plan: planExchange,
  apply: (request, names) => applyExchange(request, names, names.version, false),
  services: {
    mailNamespace: "Outlook, OWA, EAC, EWS, OAB, ActiveSync, MAPI/HTTP",
    otherNamespaces: "Other namespace",
    autodiscover: "Autodiscover",
    srvTarget: "Autodiscover (SRV target)",
    imap: "IMAP4",
    pop: "POP3",
    smtp: "SMTP (Receive connector)",
    wildcard: "Wildcard",
  },
  nextSteps: (names, request) => {
    const services = (["IIS", "SMTP"] as ("IIS" | "SMTP" | "IMAP" | "POP")[]).concat(
      names.wildcard
        ? []
        : [...(names.protocols.imap ? ["IMAP" as const] : []), ...(names.protocols.pop ? ["POP" as const] : [])],
    );
    return [
      {
        text: "Import the .pfx on each Exchange server that clients reach (Exchange Management Shell), keeping the key exportable for the next server.",
        command: importCommand(request),
        source: cite(SOURCES.importCertificate),
      },
      {
        text: `Enable it for ${services.join(", ")}; Exchange asks before replacing the default SMTP certificate. Restart IIS afterwards where a Layer 4 load balancer is used.`,
        command: [findCertificateCommand(request), enableCommand(services)].join("\n"),
        source: cite(SOURCES.enableCertificate),
      },
      {
        text: `Or make the request on the Exchange server itself (its key then never leaves it), as New-ExchangeCertificate does in Exchange 2016 and later.${subjectIncludedNote(names)}`,
        command: nativeRequestCommand(names, request),
        source: cite(SOURCES.newCertificate),
      },
    ];
  },
  read: readExchange,
  sources: [
    SOURCES.certificates,
    SOURCES.autodiscover,
    SOURCES.newCertificate,
    SOURCES.importCertificate,
    SOURCES.enableCertificate,
    SOURCES.fbaLoop,
  ],
};
