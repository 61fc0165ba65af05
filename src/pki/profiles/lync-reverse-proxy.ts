/**
 * The reverse-proxy names planner: from a Lync Server 2013 / Skype for Business topology to the subject and
 * alternative names of the reverse proxy's certificate, each with its reason, and the findings of the rules
 * in shared/docs/reverse-proxy-names.md (Microsoft's "Certificate summary - Reverse proxy", "Planning for
 * simple URLs", "Wildcard certificate support").
 */
import type { Finding } from "../finding";
import { wildcardCovers } from "../names";
import {
  MAX_LIST_ENTRIES,
  mergeNames,
  parseFqdn,
  parseFqdnList,
  subjectInSanFinding,
  type Parsed,
  type PublishingRule,
} from "./framework";

export { MAX_LIST_ENTRIES, subjectInSanFinding, type PublishingRule };
import type { RequestPlan } from "../request";

export type SimpleUrlFormat = "dedicated" | "common";

/** What the admin types on Plan names. Lists hold entries as typed; `null` means "use the default shown". */
export interface LyncTopology {
  sipDomains: string[];
  /** External web services FQDN of each Front End pool that homes remote users; the first is the subject. */
  pools: string[];
  /** External web services FQDN of each Director or Director pool (optional). */
  directors: string[];
  simpleUrlFormat: SimpleUrlFormat;
  /** The Meeting simple URL of each SIP domain, by the domain as normalised; absent means the default. */
  meetingUrls: Record<string, string>;
  dialInUrl: string | null;
  officeWebApps: string;
  /** 443: mobile clients' Autodiscover is published on 443 and needs lyncdiscover.<sipdomain>; 80: it does not. */
  autodiscoverPort: 443 | 80;
  /**
   * Exchange published through the same proxy, each name its own choice: Autodiscover (autodiscover.<domain>)
   * and Outlook on the web / Exchange Web Services (one name such as mail.contoso.com). An admin may need one
   * without the other.
   */
  exchange: { publishAutodiscover: boolean; autodiscover: string[]; publishWebServices: boolean; webServices: string };
  wildcard: boolean;
}

/** The article's topology: one SIP domain, one pool, dedicated simple URLs, mobility on 443. */
export function articleTopology(): LyncTopology {
  return {
    sipDomains: ["contoso.com"],
    pools: ["webext.contoso.com"],
    directors: [],
    simpleUrlFormat: "dedicated",
    meetingUrls: {},
    dialInUrl: null,
    officeWebApps: "",
    autodiscoverPort: 443,
    exchange: { publishAutodiscover: false, autodiscover: [], publishWebServices: false, webServices: "" },
    wildcard: false,
  };
}

/** A topology with nothing typed yet: the reverse-proxy start, whose fields show the article's names as examples. */
export function emptyTopology(): LyncTopology {
  return { ...articleTopology(), sipDomains: [""], pools: [""] };
}

export type TopologyField =
  | "sipDomains"
  | "pools"
  | "directors"
  | "meetingUrls"
  | "dialInUrl"
  | "officeWebApps"
  | "autodiscoverPort"
  | "exchangeAutodiscover"
  | "exchangeWebServices"
  | "wildcard";

export type FindingId =
  | "subject-not-in-san"
  | "sip-domain-without-meeting-url"
  | "simple-url-off-sip-domain"
  | "wildcard-subject"
  | "wildcard-not-covering"
  | "edge-name"
  | "internal-name"
  | "more-than-one-base"
  | "simple-url-is-pool"
  | "simple-url-prefix"
  | "bad-value"
  | "missing"
  | "merged"
  | "no-lyncdiscover";

/** A finding of the planner: the shared Finding, placed beside one of the topology's inputs. */
export type PlannerFinding = Finding<TopologyField> & { id: FindingId };

export interface PlannedName {
  name: string;
  reasons: string[];
  /** The service the name came from, as the diagram draws it. */
  source: TopologyField;
  /**
   * The input the admin typed it in, so a finding about it shows beside that input: a name made from a default
   * (meet.<sipdomain>, lyncdiscover.<sipdomain>, …) belongs to the SIP domains.
   */
  input: { field: TopologyField; sipDomain?: string };
}

export interface NamesPlan {
  /** The SIP domains as normalised, the first being the default one. */
  sipDomains: string[];
  subject: string | null;
  names: PlannedName[];
  findings: PlannerFinding[];
  /** The defaults in force, to show in the inputs left to them. */
  defaults: { meetingUrls: string[]; dialInUrl: string; exchangeAutodiscover: string[] };
  publishing: PublishingRule[];
}

/** First labels of names that belong on the Edge Server's certificate, not the reverse proxy's. */
const EDGE_LABELS = new Set(["sip", "access", "sipexternal", "webconf", "av", "edge", "sipfed"]);
/** Names that are internal only: "never on this certificate". */
const INTERNAL_LABELS = new Set(["lyncdiscoverinternal", "admin"]);

const label1 = (name: string) => name.split(".")[0] ?? "";
const isUnder = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
/** The Meeting simple URL Lync Server 2013 uses by default for a SIP domain (Microsoft, "Planning for simple URLs"). */
export function defaultMeetingUrl(format: SimpleUrlFormat, sipDomain: string): string {
  return format === "dedicated" ? `https://meet.${sipDomain}` : `https://join.${sipDomain}/meet`;
}
/** The Dial-in simple URL Lync Server 2013 uses by default (Microsoft, "Planning for simple URLs"). */
export function defaultDialInUrl(format: SimpleUrlFormat, sipDomain: string): string {
  return format === "dedicated" ? `https://dialin.${sipDomain}` : `https://join.${sipDomain}/dialin`;
}

export interface SimpleUrl {
  host: string;
  /** "" on the dedicated format, "/meet" or "/dialin" on the common one. */
  path: string;
  href: string;
}

/**
 * A simple URL as the Lync 2013 planning rules allow it: https only, no port, host characters a-z, 0-9 and
 * "." only; a host alone on the dedicated format, a host and a path on the common one. A host alone is
 * accepted and given https://.
 */
export function parseSimpleUrl(input: string, format: SimpleUrlFormat): Parsed<SimpleUrl> {
  const text = input.trim();
  if (!text) return { ok: false, error: "Enter the simple URL, such as https://meet.contoso.com." };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: `"${text}" is not a URL.` };
  }
  if (url.protocol !== "https:") return { ok: false, error: `Simple URLs start with https://, not ${url.protocol}//.` };
  if (/^https:\/\/[^/]*:\d*/i.test(withScheme))
    return { ok: false, error: "A simple URL has no port: clients reach it on 443." };
  if (url.search || url.hash || url.username)
    return { ok: false, error: "A simple URL has no query, fragment or user name." };
  const host = url.hostname.replace(/\.$/, "");
  if (!/^[a-z0-9.]+$/.test(host)) {
    return {
      ok: false,
      error: `The host "${host}" may contain only the letters a to z, digits and dots (the simple URL rules allow no hyphen).`,
    };
  }
  const dns = parseFqdn(host, "The host");
  if (!dns.ok) return dns;
  const path = url.pathname.replace(/\/+$/, "");
  if (format === "dedicated" && path) {
    return {
      ok: false,
      error: `On the dedicated format a simple URL is a host alone, such as https://meet.contoso.com; for a path such as ${path}, choose the common base format.`,
    };
  }
  if (format === "common" && !path) {
    return {
      ok: false,
      error: "On the common base format a simple URL has a path, such as https://join.contoso.com/meet.",
    };
  }
  return { ok: true, value: { host: dns.value, path, href: `https://${dns.value}${path}` } };
}

/** The names plan for a topology: subject, alternative names with reasons, findings (Microsoft, "Certificate summary - Reverse proxy"). */
export function planReverseProxyNames(t: LyncTopology): NamesPlan {
  const findings: PlannerFinding[] = [];
  const sipDomains = parseFqdnList(t.sipDomains, "SIP domain", "sipDomains", findings).filter((d) => {
    if (!d.startsWith("*.")) return true;
    findings.push({
      id: "bad-value",
      severity: "error",
      message: `SIP domain ${d}: a SIP domain cannot be a wildcard.`,
      field: "sipDomains",
    });
    return false;
  });
  if (sipDomains.length === 0 && !findings.some((f) => f.field === "sipDomains")) {
    findings.push({
      id: "missing",
      severity: "error",
      message: "Enter at least one SIP domain, such as contoso.com.",
      field: "sipDomains",
    });
  }
  const pools = parseFqdnList(t.pools, "Pool", "pools", findings);
  if (pools.length === 0 && !findings.some((f) => f.field === "pools")) {
    findings.push({
      id: "missing",
      severity: "error",
      message: "Enter the external web services FQDN of at least one Front End pool.",
      field: "pools",
    });
  }
  const directors = parseFqdnList(t.directors, "Director", "directors", findings);
  const first = sipDomains[0];

  // Simple URLs, with the defaults from the SIP domains.
  const defaults = {
    meetingUrls: sipDomains.map((d) => defaultMeetingUrl(t.simpleUrlFormat, d)),
    dialInUrl: first ? defaultDialInUrl(t.simpleUrlFormat, first) : "",
    exchangeAutodiscover: sipDomains.map((d) => `autodiscover.${d}`),
  };
  const meetings: { domain: string; url: SimpleUrl }[] = [];
  sipDomains.forEach((domain, index) => {
    const typed = Object.hasOwn(t.meetingUrls, domain) ? (t.meetingUrls[domain] as string) : null;
    if (typed !== null && !typed.trim()) {
      findings.push({
        id: "sip-domain-without-meeting-url",
        severity: "error",
        message: `${domain} has no meeting simple URL: each SIP domain needs at least one, and all must be in the alternative names.`,
        field: "meetingUrls",
        sipDomain: domain,
      });
      return;
    }
    const parsed = parseSimpleUrl(typed ?? defaults.meetingUrls[index]!, t.simpleUrlFormat);
    if (!parsed.ok)
      findings.push({
        id: "bad-value",
        severity: "error",
        message: parsed.error,
        field: "meetingUrls",
        sipDomain: domain,
      });
    else meetings.push({ domain, url: parsed.value });
  });
  let dialIn: SimpleUrl | null = null;
  if (first && (t.dialInUrl === null || t.dialInUrl.trim())) {
    const parsed = parseSimpleUrl(t.dialInUrl ?? defaults.dialInUrl, t.simpleUrlFormat);
    if (!parsed.ok) findings.push({ id: "bad-value", severity: "error", message: parsed.error, field: "dialInUrl" });
    else dialIn = parsed.value;
  }
  const simpleUrls = [...meetings.map((m) => m.url), ...(dialIn ? [dialIn] : [])];
  for (const url of simpleUrls) {
    const field: TopologyField = url === dialIn ? "dialInUrl" : "meetingUrls";
    const sipDomain = meetings.find((m) => m.url === url)?.domain;
    if (!sipDomains.some((d) => isUnder(url.host, d))) {
      findings.push({
        id: "simple-url-off-sip-domain",
        severity: "warning",
        message: `The simple URL host ${url.host} is on none of the SIP domains.`,
        field,
        sipDomain,
      });
    }
    if (pools.includes(url.host) || directors.includes(url.host)) {
      findings.push({
        id: "simple-url-is-pool",
        severity: "error",
        message: `${url.href}: a simple URL is never a pool's FQDN.`,
        field,
        sipDomain,
      });
    }
    const longer = simpleUrls.find(
      (other) => other !== url && other.href !== url.href && other.href.startsWith(url.href),
    );
    if (longer) {
      findings.push({
        id: "simple-url-prefix",
        severity: "error",
        message: `${url.href} is a prefix of ${longer.href}: no simple URL may be a prefix of another.`,
        field,
        sipDomain,
      });
    }
  }
  if (t.simpleUrlFormat === "common") {
    for (const domain of sipDomains) {
      const bases = new Set(simpleUrls.filter((u) => isUnder(u.host, domain)).map((u) => u.host));
      if (bases.size > 1) {
        findings.push({
          id: "more-than-one-base",
          severity: "warning",
          message: `The common format for ${domain} uses more than one shared base (${[...bases].join(", ")}): one base host per SIP domain is the point of it.`,
          field: "meetingUrls",
        });
      }
    }
  }

  const officeWebApps = t.officeWebApps.trim() ? parseFqdn(t.officeWebApps, "Office Web Apps Server") : null;
  if (officeWebApps && !officeWebApps.ok)
    findings.push({ id: "bad-value", severity: "error", message: officeWebApps.error, field: "officeWebApps" });

  const exchange: PlannedName[] = [];
  if (t.exchange.publishAutodiscover) {
    const typed = t.exchange.autodiscover.some((a) => a.trim());
    const autodiscover = parseFqdnList(
      typed ? t.exchange.autodiscover : defaults.exchangeAutodiscover,
      "Exchange Autodiscover",
      typed ? "exchangeAutodiscover" : "sipDomains",
      findings,
    );
    for (const name of autodiscover) {
      exchange.push({
        name,
        reasons: ["Exchange Autodiscover"],
        source: "exchangeAutodiscover",
        input: { field: typed ? "exchangeAutodiscover" : "sipDomains" },
      });
    }
  }
  if (t.exchange.publishWebServices) {
    if (!t.exchange.webServices.trim()) {
      findings.push({
        id: "missing",
        severity: "error",
        message: "Enter the Exchange web services name (Outlook on the web, EWS), such as mail.contoso.com.",
        field: "exchangeWebServices",
      });
    } else {
      const web = parseFqdn(t.exchange.webServices, "Exchange web services");
      if (!web.ok)
        findings.push({ id: "bad-value", severity: "error", message: web.error, field: "exchangeWebServices" });
      else
        exchange.push({
          name: web.value,
          reasons: ["Exchange web services and Outlook on the web"],
          source: "exchangeWebServices",
          input: { field: "exchangeWebServices" },
        });
    }
  }

  // The names, in the order of the article's table.
  const subjectCandidate = pools[0] ?? null;
  let subject = subjectCandidate;
  if (subjectCandidate?.startsWith("*.")) {
    findings.push({
      id: "wildcard-subject",
      severity: "error",
      message:
        "A wildcard is never the subject name: no Lync role supports a wildcard common name. Enter the pool's own FQDN.",
      field: "pools",
    });
    subject = null;
  }
  for (const pool of pools.slice(1)) {
    if (pool.startsWith("*."))
      findings.push({
        id: "bad-value",
        severity: "error",
        message: `Pool ${pool}: a pool's external web services FQDN cannot be a wildcard.`,
        field: "pools",
      });
  }
  const wanted: PlannedName[] = [
    ...pools
      .filter((p) => !p.startsWith("*."))
      .map((p, i) => ({
        name: p,
        reasons: [
          i === 0
            ? "Subject name: external web services of the Front End pool"
            : `External web services of Front End pool ${i + 1}`,
        ],
        source: "pools" as const,
        input: { field: "pools" as const },
      })),
    ...directors.map((d) => ({
      name: d,
      reasons: ["External web services of the Director"],
      source: "directors" as const,
      input: { field: "directors" as const },
    })),
  ];
  const coverable: PlannedName[] = [
    ...meetings.map((m) => ({
      name: m.url.host,
      reasons: [`Meeting simple URL of ${m.domain}`],
      source: "meetingUrls" as const,
      input: Object.hasOwn(t.meetingUrls, m.domain)
        ? { field: "meetingUrls" as const, sipDomain: m.domain }
        : { field: "sipDomains" as const },
    })),
    ...(dialIn
      ? [
          {
            name: dialIn.host,
            reasons: ["Dial-in simple URL"],
            source: "dialInUrl" as const,
            input: { field: t.dialInUrl === null ? ("sipDomains" as const) : ("dialInUrl" as const) },
          },
        ]
      : []),
  ];
  const lyncdiscover =
    t.autodiscoverPort === 443
      ? sipDomains.map((d) => ({
          name: `lyncdiscover.${d}`,
          reasons: [`Autodiscover for mobile clients of ${d}`],
          source: "autodiscoverPort" as const,
          input: { field: "sipDomains" as const },
        }))
      : [];
  if (t.autodiscoverPort === 80 && sipDomains.length > 0) {
    findings.push({
      id: "no-lyncdiscover",
      severity: "info",
      message: "Autodiscover is published on port 80 only, so no lyncdiscover name is needed on this certificate.",
      field: "autodiscoverPort",
    });
  }
  const owa: PlannedName[] = officeWebApps?.ok
    ? [
        {
          name: officeWebApps.value,
          reasons: ["Office Web Apps Server for conferencing"],
          source: "officeWebApps",
          input: { field: "officeWebApps" },
        },
      ]
    : [];

  // The wildcard option: one *.<sipdomain> in place of the meeting, dial-in and lyncdiscover names it covers.
  const wildcards: PlannedName[] = [];
  if (t.wildcard) {
    for (const domain of sipDomains) {
      const star = `*.${domain}`;
      const covered = [...coverable, ...lyncdiscover].filter((n) => wildcardCovers(star, n.name));
      if (covered.length > 0) {
        wildcards.push({
          name: star,
          reasons: [`Wildcard for ${[...new Set(covered.map((n) => label1(n.name)))].join(", ")} of ${domain}`],
          source: "wildcard",
          input: { field: "sipDomains" },
        });
      }
    }
  }
  const byName = (n: PlannedName) => !wildcards.some((w) => wildcardCovers(w.name, n.name));
  if (t.wildcard) {
    for (const n of [...coverable, ...lyncdiscover].filter(byName)) {
      findings.push({
        id: "wildcard-not-covering",
        severity: "warning",
        message: `No wildcard covers ${n.name} (a wildcard covers one label only): it is listed by name.`,
        field: "wildcard",
      });
    }
  }
  // The article's order: pools, Directors, meet, dialin, Office Web Apps, lyncdiscover; then wildcards and Exchange.
  const ordered = [
    ...wanted,
    ...coverable.filter(byName),
    ...owa,
    ...lyncdiscover.filter(byName),
    ...wildcards,
    ...exchange,
  ];
  const names = mergeNames(ordered);

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
  const missing = subjectInSanFinding<TopologyField>(
    subject,
    names.map((n) => n.name),
  );
  if (missing) findings.push(missing);

  const publishing: PublishingRule[] = [
    ...[...pools, ...directors]
      .filter((p) => !p.startsWith("*."))
      .map((p) => ({
        externalName: p,
        rule: `https://${p}/* and http://${p}/* → that pool's internal web services on ports 4443 and 8080`,
      })),
    ...coverable.concat(lyncdiscover).map((n) => ({
      externalName: n.name,
      rule: `https://${n.name}/* → the Front End pool's (or Director's) internal web services on port 4443`,
    })),
    ...owa.map((n) => ({ externalName: n.name, rule: `https://${n.name}/* → the Office Web Apps Server on port 443` })),
    ...exchange.map((n) => ({
      externalName: n.name,
      rule: `https://${n.name}/* → the Exchange Client Access servers on port 443`,
    })),
  ];
  return { sipDomains, subject, names, findings, defaults, publishing };
}

/**
 * "Use these names": the subject and alternative names from the plan, and key usage and key as the article
 * asks (Digital signature + Key encipherment critical; RSA 2048, Exchange). The Extended Key Usage is left as
 * the plan has it: its default depends on where the request goes (usages.ts defaultExtendedKeyUsage), and
 * once the admin chose it, using the names again must not change it. Everything stays editable in
 * Certificate Properties.
 */
export function applyNamesPlan(plan: RequestPlan, names: NamesPlan): RequestPlan {
  return {
    ...plan,
    friendlyName: plan.friendlyName || "Reverse Proxy Listener for Lync Server",
    subject: names.subject ? [{ type: "CN", value: names.subject }] : [],
    altNames: names.names.map((n) => ({ type: "dns" as const, value: n.name })),
    keyUsage: ["digitalSignature", "keyEncipherment"],
    keyUsageCritical: true,
    extendedKeyUsageCritical: false,
    key: { ...plan.key, algorithm: "rsa", rsaKeySize: 2048, keySpec: "exchange" },
  };
}
