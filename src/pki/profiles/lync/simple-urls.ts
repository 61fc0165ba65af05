/**
 * Simple URLs (Microsoft, "Planning for simple URLs", Lync Server 2013): the defaults, the parse of a typed URL,
 * and the meeting URL of each SIP domain and the one dial-in URL with their findings.
 */
import { parseFqdn, type Parsed } from "../framework";
import { isUnder } from "../sip-domains";
import type { LyncDefaults, LyncFinding } from "./plan-types";
import type { LyncTopology, SimpleUrlFormat, TopologyField } from "./topology";

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

/** The simple URLs in force: each SIP domain's meeting URL and the dial-in URL, parsed. */
export interface SimpleUrls {
  meetings: { domain: string; url: SimpleUrl }[];
  dialIn: SimpleUrl | null;
}

/** The defaults the simple URLs and the Exchange Autodiscover names follow, from the SIP domains. */
export function defaultsFor(t: LyncTopology, sipDomains: readonly string[]): LyncDefaults {
  const first = sipDomains[0];
  return {
    meetingUrls: sipDomains.map((d) => defaultMeetingUrl(t.simpleUrlFormat, d)),
    dialInUrl: first ? defaultDialInUrl(t.simpleUrlFormat, first) : "",
    exchangeAutodiscover: sipDomains.map((d) => `autodiscover.${d}`),
  };
}

/** Each SIP domain's meeting URL (typed or its default) and the dial-in URL, with the findings of their rules. */
export function planSimpleUrls(
  t: LyncTopology,
  sipDomains: readonly string[],
  servers: { pools: readonly string[]; directors: readonly string[] },
  defaults: LyncDefaults,
  findings: LyncFinding[],
): SimpleUrls {
  const meetings: SimpleUrls["meetings"] = [];
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
  if (sipDomains[0] && (t.dialInUrl === null || t.dialInUrl.trim())) {
    const parsed = parseSimpleUrl(t.dialInUrl ?? defaults.dialInUrl, t.simpleUrlFormat);
    if (!parsed.ok) findings.push({ id: "bad-value", severity: "error", message: parsed.error, field: "dialInUrl" });
    else dialIn = parsed.value;
  }
  checkSimpleUrls(t, sipDomains, servers, { meetings, dialIn }, findings);
  return { meetings, dialIn };
}

/** The rules about the simple URLs together: on a SIP domain, never a pool, no prefix of another, one base. */
function checkSimpleUrls(
  t: LyncTopology,
  sipDomains: readonly string[],
  { pools, directors }: { pools: readonly string[]; directors: readonly string[] },
  { meetings, dialIn }: SimpleUrls,
  findings: LyncFinding[],
): void {
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
}
