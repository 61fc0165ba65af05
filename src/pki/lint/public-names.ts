/**
 * Preflight rules on names a public CA cannot validate (shared/docs/public-ca-rules.md): internal names, the
 * examples of RFC 2606 and Microsoft's documentation, private IP addresses, reverse-DNS zones. Each judges a name
 * on its own, so Plan names runs these beside the input each name came from.
 */
import type { AltName } from "../names";
import type { RequestPlan } from "../request";
import { commonName, dnsNames } from "./facts";
import { BR, rule } from "./rule";

/** Suffixes no public CA can validate: reserved (RFC 2606, 6761, 6762, 8375) or private by convention. */
const INTERNAL_SUFFIXES = [
  "local",
  "lan",
  "internal",
  "corp",
  "home",
  "localdomain",
  "intranet",
  "private",
  "localhost",
  "test",
  "example",
  "invalid",
  "home.arpa",
];
/**
 * Domains that are only ever examples: Microsoft's fictitious companies, used throughout its documentation and
 * the article (real registrations held for examples, so nobody else can prove control of them), and the
 * reserved example.com/.net/.org (RFC 2606 section 3). The reserved TLDs (.example, .test, .invalid,
 * .localhost) are internal names already.
 */
const EXAMPLE_DOMAINS = [
  "contoso.com",
  "fabrikam.com",
  "northwindtraders.com",
  "adatum.com",
  "litwareinc.com",
  "tailspintoys.com",
  "wingtiptoys.com",
  "woodgrovebank.com",
  "proseware.com",
  "fourthcoffee.com",
  "example.com",
  "example.net",
  "example.org",
];
const isExampleName = (name: string) => {
  const host = name.replace(/^\*\./, "").toLowerCase();
  return EXAMPLE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
};

/** A name no public CA can validate: single-label, or under a reserved or private suffix. */
function isInternalName(name: string): boolean {
  const bare = name.replace(/^\*\./, "").toLowerCase();
  return !bare.includes(".") || INTERNAL_SUFFIXES.some((s) => bare === s || bare.endsWith(`.${s}`));
}

function ipv4Reserved(ip: string): boolean {
  const [a = 0, b = 0, c = 0] = ip.split(".").map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  );
}

function ipv6Reserved(ip: string): boolean {
  const v = ip.toLowerCase();
  return (
    v === "::1" ||
    v === "::" ||
    /^f[cd]/.test(v) ||
    /^fe[89ab]/.test(v) ||
    v.startsWith("2001:db8:") ||
    v.startsWith("2001:db8::") ||
    v.startsWith("ff") ||
    v.startsWith("::ffff:")
  );
}

const isInternalDns = (n: AltName) => n.type === "dns" && isInternalName(n.value);
/** A DNS name in a reverse-DNS zone (RFC 1035 3.5 in-addr.arpa, RFC 3596 2.5 ip6.arpa), the zone itself included. */
const isReverseDnsName = (n: AltName) =>
  n.type === "dns" && /(^|\.)(in-addr|ip6)\.arpa\.?$/i.test(n.value.replace(/^\*\./, ""));
const isReservedIp = (n: AltName) =>
  (n.type === "ipv4" && ipv4Reserved(n.value)) || (n.type === "ipv6" && ipv6Reserved(n.value));

/**
 * A rule that refuses, for a public CA, the names `refused` picks out (one error listing them all), with a fix
 * that removes exactly those names: the finding and its fix read the same predicate.
 */
const refusedNames = <F extends string>(r: {
  id: string;
  refused: (n: AltName) => boolean;
  /** What follows the names in the sentence. */
  why: string;
  source: string;
  fix: { id: F; label: string };
}) =>
  rule<F>({
    id: r.id,
    perName: true,
    check: (f, target) => {
      const bad = target === "public" ? f.altNames.filter(r.refused).map((n) => n.value) : [];
      return bad.length
        ? [
            {
              id: r.id,
              severity: "error",
              message: `${bad.join(", ")}: ${r.why}`,
              source: r.source,
              fix: r.fix,
              field: "altNames",
            },
          ]
        : [];
    },
    fixes: {
      [r.fix.id]: (plan: RequestPlan) => ({ ...plan, altNames: plan.altNames.filter((n) => !r.refused(n)) }),
    } as {
      [K in F]: (plan: RequestPlan) => RequestPlan;
    },
  });

/** Single-label names and names under a reserved or private suffix, for a public CA. */
export const internalNames = refusedNames({
  id: "internal-names",
  refused: isInternalDns,
  why: 'internal names (single-label or a reserved or private suffix) are refused by every public CA. Use a name in a public domain you own, or your own CA: on Certificate Enrollment, under "This request goes to", choose "My own (internal) CA".',
  source: BR("4.2.2, 7.1.4.2"),
  fix: { id: "remove-internal-names", label: "Remove the internal names" },
});

/**
 * The names of the Lync reverse-proxy article's example (Microsoft's "Request and Configure a Certificate for
 * Your Reverse HTTP Proxy", Lync Server 2013): only these are called "the article's example"; any other
 * contoso.com or fabrikam.com name is a documentation name, whichever profile planned it.
 */
const ARTICLE_NAMES = new Set([
  "webext.contoso.com",
  "meet.contoso.com",
  "dialin.contoso.com",
  "lyncdiscover.contoso.com",
  "officewebapps01.contoso.com",
]);

const ARTICLE = 'Microsoft\'s "Request and Configure a Certificate for Your Reverse HTTP Proxy" (Lync Server 2013)';

/** What the example-names finding calls the names: the article's words only when one of them is the article's. */
const exampleWords = (names: readonly string[]) =>
  names.some((n) => ARTICLE_NAMES.has(n.toLowerCase()))
    ? {
        what: "the article's example or a documentation name",
        source: `${ARTICLE}; RFC 2606; Microsoft's example company names`,
      }
    : {
        what: "a documentation name (contoso.com, fabrikam.com… are Microsoft's example companies; example.com is reserved)",
        source: "RFC 2606; Microsoft's example company names",
      };

/** The article's example names and the documentation domains, for a public CA. */
export const exampleNames = rule({
  id: "example-names",
  perName: true,
  check: (f, target) => {
    const names = [...new Set([...dnsNames(f), commonName(f) ?? ""].filter(isExampleName))];
    if (target !== "public" || !names.length) return [];
    const words = exampleWords(names);
    return [
      {
        id: "example-names",
        severity: "warning",
        message: `${names.join(", ")}: ${words.what}. A public CA cannot validate it: put your own domain in its place (a lab on your own CA may keep it).`,
        source: words.source,
        field: "altNames",
      },
    ];
  },
});

/** Private or reserved IP addresses, for a public CA. */
export const privateIps = refusedNames({
  id: "private-ips",
  refused: isReservedIp,
  why: "private or reserved IP addresses are refused by every public CA.",
  source: BR("7.1.2.7.12"),
  fix: { id: "remove-private-ips", label: "Remove the private addresses" },
});

/** Names under in-addr.arpa or ip6.arpa, for a public CA. */
export const reverseDnsZones = refusedNames({
  id: "reverse-dns-zones",
  refused: isReverseDnsName,
  why: "names under the reverse-DNS zones in-addr.arpa and ip6.arpa are refused by public CAs since 2026-03-15.",
  source: BR("2.2.x (reverse-DNS zones, from 2026-03-15)"),
  fix: { id: "remove-reverse-dns-names", label: "Remove the reverse-DNS names" },
});
