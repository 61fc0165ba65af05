/**
 * The names of the Skype for Business Edge external certificate (Access Edge, Web Conferencing Edge and A/V
 * Authentication): Microsoft's "Edge Certificate table" row by row, with the rules of Lync Server 2013's
 * "Certificate requirements for external user access" that the Skype for Business page still relies on.
 */
import { preflightNames } from "../../lint";
import { arrayOf, field, isBoolean, isObj, isString, isStringArray, oneOf, ShapeError } from "../../shape";
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
import { isUnder, parseSipDomains } from "../sip-domains";
import { CNG_NOTE, EDGE_REQUIREMENTS, LYNC_EXTERNAL_ACCESS, LYNC_XMPP_SUMMARY, REQUEST_CSCERTIFICATE } from "./sources";

export type SfbVersion = "2015" | "2019" | "se";
export const SFB_VERSIONS: readonly { value: SfbVersion; label: string }[] = [
  { value: "2015", label: "Skype for Business Server 2015" },
  { value: "2019", label: "Skype for Business Server 2019" },
  { value: "se", label: "Skype for Business Server Subscription Edition" },
];

/** A version's name as the page lists it ("Skype for Business Server 2019"). */
const versionName = (v: SfbVersion) => SFB_VERSIONS.find((x) => x.value === v)?.label ?? v;

/** What the admin types, as typed (normalised only by the plan). */
export interface EdgeExternalTopology {
  version: SfbVersion;
  /** Access Edge service external FQDN (or its load balancer VIP's): the subject. */
  accessEdge: string;
  /** Web Conferencing Edge service external FQDN. */
  webConferencing: string;
  /** A/V Edge service external FQDN: asked only to say that it is not on the certificate. */
  avEdge: string;
  sipDomains: string[];
  /** XMPP federation (Skype for Business Server 2015 only). */
  xmpp: boolean;
  /** The domains XMPP federation is enabled for; empty means the first SIP domain. */
  xmppDomains: string[];
  /** Edge Servers in the pool, as typed. */
  poolSize: string;
}

export type ExternalField =
  "version" | "accessEdge" | "webConferencing" | "avEdge" | "sipDomains" | "xmpp" | "xmppDomains" | "poolSize";

export type EdgeExternalPlan = NamesPlan<ExternalField> & { sipDomains: string[]; poolSize: number | null };

/** The Edge Certificate table's example: sip, webcon and av.contoso.com, a second SIP domain fabrikam.com, two Edge Servers. */
export function externalExample(): EdgeExternalTopology {
  return {
    version: "2015",
    accessEdge: "sip.contoso.com",
    webConferencing: "webcon.contoso.com",
    avEdge: "av.contoso.com",
    sipDomains: ["contoso.com", "fabrikam.com"],
    xmpp: false,
    xmppDomains: [],
    poolSize: "2",
  };
}

/** Nothing typed yet: Skype for Business Server 2019, one empty SIP domain, one Edge Server. */
export function externalEmpty(): EdgeExternalTopology {
  return {
    version: "2019",
    accessEdge: "",
    webConferencing: "",
    avEdge: "",
    sipDomains: [""],
    xmpp: false,
    xmppDomains: [],
    poolSize: "1",
  };
}

/** Microsoft: "a single Edge pool will support up to 12 Edge Servers" (Topology Builder allows 20, untested). */
export const MAX_EDGE_POOL = 12;

type F = PlannerFinding<ExternalField>;

/** One FQDN input: parsed, or a finding beside it ("missing" when empty and required). */
function fqdnInput(value: string, what: string, fieldName: ExternalField, required: boolean, findings: F[]) {
  if (!value.trim()) {
    if (required) findings.push({ id: "missing", severity: "error", message: `Enter the ${what}.`, field: fieldName });
    return null;
  }
  const parsed = parseFqdn(value, `The ${what}`);
  if (!parsed.ok) {
    findings.push({ id: "bad-value", severity: "error", message: parsed.error, field: fieldName });
    return null;
  }
  return parsed.value;
}

/** The names plan of the external Edge certificate (Microsoft, "Edge Certificate table"). */
export function planEdgeExternal(t: EdgeExternalTopology): EdgeExternalPlan {
  const findings: F[] = [];
  const sipDomains = parseSipDomains(t.sipDomains, findings);

  let accessEdge = fqdnInput(t.accessEdge, "Access Edge external FQDN", "accessEdge", true, findings);
  if (accessEdge?.startsWith("*.")) {
    findings.push({
      id: "wildcard-subject",
      severity: "error",
      message:
        "The subject is the Access Edge service's own FQDN, never a wildcard: Microsoft asks for an explicit name (still recommended since Lync Server 2013). Enter the FQDN, such as sip.contoso.com.",
      source: cite(LYNC_EXTERNAL_ACCESS),
      field: "accessEdge",
    });
    accessEdge = null;
  }
  let webConferencing = fqdnInput(
    t.webConferencing,
    "Web Conferencing Edge external FQDN",
    "webConferencing",
    true,
    findings,
  );
  if (webConferencing?.startsWith("*.")) {
    findings.push({
      id: "bad-value",
      severity: "error",
      message: `${webConferencing}: the Web Conferencing Edge external FQDN is one host, not a wildcard.`,
      field: "webConferencing",
    });
    webConferencing = null;
  }
  const avEdge = fqdnInput(t.avEdge, "A/V Edge external FQDN", "avEdge", false, findings);

  const poolText = t.poolSize.trim();
  const poolSize = /^[0-9]{1,3}$/.test(poolText) && Number(poolText) >= 1 ? Number(poolText) : null;
  if (poolSize === null)
    findings.push({
      id: "bad-value",
      severity: "error",
      message: "Number of Edge Servers: enter a whole number from 1, such as 2 for a pool of two.",
      field: "poolSize",
    });
  else if (poolSize > MAX_EDGE_POOL)
    findings.push({
      id: "pool-too-large",
      severity: "warning",
      message: `An Edge pool supports up to ${MAX_EDGE_POOL} Edge Servers (Topology Builder allows more, untested and unsupported): create another Edge pool, with its own certificate.`,
      source: cite(EDGE_REQUIREMENTS),
      field: "poolSize",
    });

  // XMPP: Skype for Business Server 2015 only ("no longer supported in Skype for Business Server 2019").
  const xmppOn = t.xmpp && t.version === "2015";
  if (t.xmpp && !xmppOn)
    findings.push({
      id: "xmpp-not-supported",
      severity: "warning",
      message:
        "XMPP gateways and proxies are not supported after Skype for Business Server 2015, so no XMPP names are added.",
      source: cite(EDGE_REQUIREMENTS),
      field: "xmpp",
    });
  const typedXmpp = t.xmppDomains.some((d) => d.trim());
  const xmppDomains = !xmppOn
    ? []
    : typedXmpp
      ? parseFqdnList(t.xmppDomains, "XMPP domain", "xmppDomains", findings).filter((d) => !d.startsWith("*."))
      : sipDomains.slice(0, 1);
  for (const d of typedXmpp ? xmppDomains : [])
    if (!sipDomains.includes(d))
      findings.push({
        id: "xmpp-off-sip-domain",
        severity: "warning",
        message: `XMPP domain ${d} is none of the SIP domains: XMPP federation is set up for SIP domains with Skype for Business users (an _xmpp-server._tcp SRV record for each).`,
        source: cite(EDGE_REQUIREMENTS),
        field: "xmppDomains",
      });
  if (xmppDomains.length > 0)
    findings.push({
      id: "xmpp-root-domain",
      severity: "info",
      message: `XMPP names as Skype for Business Server documents them: xmpp.<domain> and *.<domain>. Lync Server 2013's XMPP certificate summary listed the domain itself instead (${xmppDomains[0]}); add it in Certificate Properties if your XMPP partner checks it.`,
      source: cite(EDGE_REQUIREMENTS, LYNC_XMPP_SUMMARY),
      field: "xmpp",
    });

  // The names, in the table's order: Access Edge (subject, repeated), Web Conferencing, sip.<each SIP domain>, XMPP.
  const ordered: PlannedName<ExternalField>[] = [
    ...(accessEdge
      ? [
          {
            name: accessEdge,
            reasons: [
              "Subject name: Access Edge external FQDN, repeated in the alternative names because TLS ignores the subject name and validates the alternative names",
            ],
            source: "accessEdge" as const,
            input: { field: "accessEdge" as const },
          },
        ]
      : []),
    ...(webConferencing
      ? [
          {
            name: webConferencing,
            reasons: ["Web Conferencing Edge external FQDN"],
            source: "webConferencing" as const,
            input: { field: "webConferencing" as const },
          },
        ]
      : []),
    ...sipDomains.map((d) => ({
      name: `sip.${d}`,
      reasons: [`Client auto-configuration and federation for SIP domain ${d}`],
      source: "sipDomains" as const,
      input: { field: "sipDomains" as const, sipDomain: d },
    })),
    ...xmppDomains.flatMap((d) =>
      [`xmpp.${d}`, `*.${d}`].map((name) => ({
        name,
        reasons: [`XMPP federation for ${d} (Skype for Business Server 2015)`],
        source: "xmpp" as const,
        input: { field: typedXmpp ? ("xmppDomains" as const) : ("sipDomains" as const) },
      })),
    ),
  ];
  const names = mergeNames(ordered);

  if (avEdge) {
    const onIt = names.find((n) => n.name === avEdge);
    findings.push(
      onIt
        ? {
            id: "av-edge-name",
            severity: "warning",
            message: `${avEdge} is the A/V Edge FQDN, and it is also on the certificate (${onIt.reasons[0]}). The A/V Edge service uses neither the subject nor the alternative names: expected only if all three Edge services share one FQDN; otherwise check the names.`,
            source: cite(LYNC_EXTERNAL_ACCESS, EDGE_REQUIREMENTS),
            field: "avEdge",
          }
        : {
            id: "av-edge-not-on-certificate",
            severity: "info",
            message: `${avEdge} (A/V Edge) is not on the certificate: the A/V Edge service uses neither the subject nor the alternative names.`,
            source: cite(LYNC_EXTERNAL_ACCESS),
            field: "avEdge",
          },
    );
  }

  if (sipDomains.length > 0)
    for (const [host, fieldName] of [
      [accessEdge, "accessEdge"],
      [webConferencing, "webConferencing"],
    ] as const)
      if (host && !sipDomains.some((d) => isUnder(host, d)))
        findings.push({
          id: "off-sip-domain",
          severity: "warning",
          message: `${host} is on none of the SIP domains (${sipDomains.join(", ")}). Clients and federation partners find the Edge through each SIP domain's SRV records, and a public CA validates this domain too: check it is the name you mean.`,
          source: cite(EDGE_REQUIREMENTS),
          field: fieldName,
        });

  // The external certificate comes from a public CA (Microsoft: "at a minimum … provided by a public Certificate
  // Authority"): the preflight's own internal-names rule judges each name, shown beside the input it came from.
  for (const n of names)
    for (const p of preflightNames([n.name], "public").filter((p) => p.id === "internal-names"))
      findings.push({
        id: "internal-name",
        severity: p.severity,
        message: p.message,
        source: p.source,
        field: n.input.field,
        sipDomain: n.input.sipDomain,
      });

  if (accessEdge) {
    const pool = poolSize !== null && poolSize > 1;
    findings.push({
      id: "same-key-every-edge",
      severity: "info",
      message: pool
        ? `Every Edge Server in the pool (${poolSize}) needs this exact certificate with the same private key (the A/V Authentication service): request it once, export it as a .pfx and import that on each Edge Server. The key is made exportable.`
        : "The private key must be exportable even on one Edge Server, and when the request is made on another computer (as here): the A/V Authentication service needs the same key on every Edge Server you add later.",
      source: cite(EDGE_REQUIREMENTS, LYNC_EXTERNAL_ACCESS),
      field: "poolSize",
    });
    findings.push({
      id: "legacy-key",
      severity: "info",
      message:
        t.version === "2015"
          ? "Skype for Business Server 2015 does not support CNG keys: the request uses a legacy (CryptoAPI) RSA 2048 key with key spec Exchange."
          : `CNG keys are documented as unsupported on Skype for Business Server 2015; Microsoft says nothing for ${versionName(t.version)}, so the request uses a legacy (CryptoAPI) RSA 2048 key with key spec Exchange.`,
      source: cite(CNG_NOTE),
      field: "version",
    });
    // Why a warning and no verdict: federation and public IM use MTLS on 5061, but Microsoft documents Client
    // Authentication only for public IM with AOL (-ClientEKU), and says nothing on federation with a server-only
    // certificate; public CAs are dropping Client Authentication (shared/docs/public-ca-rules.md).
    findings.push({
      id: "client-auth-federation",
      severity: "warning",
      message:
        "Federation uses mutual TLS on port 5061, yet Microsoft asks for Client Authentication only for public IM with AOL and does not say whether federation works with a server-only certificate. Public CAs are removing Client Authentication (Chrome Root Program Policy 1.8: server-only leaves from 2027-03-15; DigiCert from 2027-03-01), so expect Server Authentication only: test federation with each partner after installing it.",
      source: `${cite(EDGE_REQUIREMENTS, REQUEST_CSCERTIFICATE)}; Chrome Root Program Policy 1.8; DigiCert's announcement`,
      field: "sipDomains",
    });
  }

  checkSubjectInSan(accessEdge, names, findings);
  return { subject: accessEdge, names, findings, publishing: [], sipDomains, poolSize };
}

/** The topology from untrusted data (settings file, draft): each field rebuilt, the first bad one named. */
export function readEdgeExternal(data: unknown): EdgeExternalTopology {
  if (!isObj(data)) throw new ShapeError("The Edge external plan is not an object.");
  return {
    version: field(data, "version", oneOf(SFB_VERSIONS.map((v) => v.value))),
    accessEdge: field(data, "accessEdge", isString),
    webConferencing: field(data, "webConferencing", isString),
    avEdge: field(data, "avEdge", isString),
    sipDomains: [...field(data, "sipDomains", isStringArray)],
    xmpp: field(data, "xmpp", isBoolean),
    xmppDomains: [...field(data, "xmppDomains", arrayOf(isString))],
    poolSize: field(data, "poolSize", isString),
  };
}
