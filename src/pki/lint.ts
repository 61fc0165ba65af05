/**
 * Preflight: what a CA would reject, or an admin would regret, found in the request before it exists.
 * Each rule is a pure function from the request's facts to findings with a severity (error blocks Finish,
 * warning does not, info explains), one sentence and the rule's source; a rule with a one-click fix keeps the
 * fix beside its condition, written with the same predicate, so the two cannot drift apart.
 */
import { curveOfAlgorithm } from "./curves";
import { bySeverity, type Finding } from "./finding";
import {
  commonNameMissingFromSan,
  effectiveAltNames,
  subjectNotInSanMessage,
  SUBJECT_TYPES,
  type AltName,
} from "./names";
import { effectiveKeyUsage, type PlanField, type RequestPlan } from "./request";
import { CLIENT_AUTH, type KeyUsageName } from "./usages";
import { hasHiddenCharacters, hiddenCharacters, showHiddenCharacters } from "./visible-text";

/** Where the request goes: public CAs follow the CA/Browser Forum Baseline Requirements; an internal CA need not. */
export type CaTarget = "public" | "internal";

/** What the rules look at: the same for a planned request and for one read from a file. */
export interface RequestFacts {
  subject: { type: string; value: string }[];
  altNames: AltName[];
  sanCritical: boolean;
  keyUsage: KeyUsageName[] | null;
  keyUsageCritical: boolean;
  extendedKeyUsage: string[] | null;
  extendedKeyUsageCritical: boolean;
  basicConstraints: { ca: boolean; critical: boolean } | null;
  key:
    { algorithm: "rsa"; bits: number } | { algorithm: "ecdsa"; curve: string } | { algorithm: "other"; name: string };
  /** "sha1", "sha256", …: the request's signature hash. */
  hash: string;
  /** The request is signed with RSASSA-PSS (MMC's "Use alternate signature format"), not PKCS #1 v1.5. */
  pss?: boolean;
  /** CAPI key spec, known only for a planned Legacy key. */
  keySpec?: "exchange" | "signature";
}

export type FixId =
  | "remove-duplicates"
  | "remove-covered"
  | "lower-case-names"
  | "remove-internal-names"
  | "remove-private-ips"
  | "remove-reverse-dns-names"
  | "rsa-2048"
  | "pkcs1-signature"
  | "remove-ou"
  | "remove-client-auth"
  | "remove-key-encipherment"
  | "remove-key-agreement"
  | "key-usage-critical"
  | "eku-not-critical"
  | "remove-ca"
  | "key-spec-exchange";

/** A preflight finding: the shared Finding, placed beside a part of the plan, with its fix. */
export type PreflightFinding = Finding<PlanField, FixId> & { source: string };

/** The facts of a planned request: what createPkcs10 will write. */
export function factsFromPlan(plan: RequestPlan): RequestFacts {
  const keyUsage = effectiveKeyUsage(plan);
  return {
    subject: plan.subject.map((p) => ({ type: p.type, value: p.value })),
    altNames: effectiveAltNames(plan.subject, plan.altNames),
    sanCritical: plan.subject.length === 0,
    keyUsage: keyUsage.length > 0 ? keyUsage : null,
    keyUsageCritical: plan.keyUsageCritical,
    extendedKeyUsage: plan.extendedKeyUsage.length > 0 ? plan.extendedKeyUsage : null,
    extendedKeyUsageCritical: plan.extendedKeyUsageCritical,
    basicConstraints: plan.basicConstraints.enabled
      ? { ca: plan.basicConstraints.ca, critical: plan.basicConstraints.critical }
      : null,
    key:
      plan.key.algorithm === "rsa"
        ? { algorithm: "rsa", bits: plan.key.rsaKeySize }
        : { algorithm: "ecdsa", curve: curveOfAlgorithm(plan.key.algorithm)!.name },
    hash: plan.key.hash,
    pss: plan.key.algorithm === "rsa" && plan.key.alternateSignature,
    keySpec: plan.template === "legacy" ? plan.key.keySpec : undefined,
  };
}

/** ISO 3166-1 alpha-2 codes (officially assigned), for the Country attribute (RFC 5280 Appendix A, X.520). */
const ISO_3166 = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG " +
    "CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM " +
    "GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC " +
    "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ " +
    "OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC " +
    "TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
  ).split(" "),
);

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

/** Public CAs stop well short of this many names; most cap a certificate at 100 (some at 250). */
const MANY_NAMES = 100;

const dnsNames = (f: RequestFacts) => f.altNames.filter((n) => n.type === "dns").map((n) => n.value);
const cn = (f: RequestFacts) => f.subject.find((p) => p.type === "CN")?.value;

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

/** A preflight rule: what it finds, and the fixes its findings offer (each removes exactly what `check` finds). */
interface Rule {
  check: (f: RequestFacts, target: CaTarget) => PreflightFinding[];
  fixes?: Partial<Record<FixId, (plan: RequestPlan) => RequestPlan>>;
}

const BR = (section: string) => `CA/Browser Forum Baseline Requirements ${section}`;

/** The same name twice: same type and value (RFC 5280 4.2.1.6 lists each GeneralName once). */
const nameKey = (n: AltName) => `${n.type}:${n.value}`;
/** Keeps the first of each name. */
const uniqueNames = (names: readonly AltName[]) => {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(nameKey(n)) && seen.add(nameKey(n)));
};
const isInternalDns = (n: AltName) => n.type === "dns" && isInternalName(n.value);
/** A DNS name in a reverse-DNS zone (RFC 1035 3.5 in-addr.arpa, RFC 3596 2.5 ip6.arpa), the zone itself included. */
const isReverseDnsName = (n: AltName) =>
  n.type === "dns" && /(^|\.)(in-addr|ip6)\.arpa\.?$/i.test(n.value.replace(/^\*\./, ""));
const isReservedIp = (n: AltName) =>
  (n.type === "ipv4" && ipv4Reserved(n.value)) || (n.type === "ipv6" && ipv6Reserved(n.value));
/**
 * DNS names covered by a wildcard also listed (RFC 6125 6.4.3: "*" stands for exactly one label), except the
 * common name, which must stay in the SAN. Why by parent: a name is covered when "*." + its parent domain is
 * among the wildcards, one set look-up per name instead of a comparison with every wildcard.
 */
const coveredNames = (names: readonly AltName[], commonName: string | undefined) => {
  const wildcards = [
    ...new Set(names.filter((n) => n.type === "dns" && n.value.startsWith("*.")).map((n) => n.value.toLowerCase())),
  ];
  const starred = new Set(wildcards);
  const covered = (n: AltName) => {
    const host = n.value.toLowerCase();
    const dot = host.indexOf(".");
    return (
      n.type === "dns" &&
      !host.startsWith("*.") &&
      host !== commonName?.toLowerCase() &&
      dot > 0 &&
      starred.has(`*${host.slice(dot)}`)
    );
  };
  return { wildcards, covered };
};
/** DNS names written in more than one case: grouped by their lower-case form, in one pass (RFC 4343). */
const caseVariants = (names: readonly string[]) => {
  const forms = new Map<string, Set<string>>();
  for (const n of names) forms.set(n.toLowerCase(), (forms.get(n.toLowerCase()) ?? new Set()).add(n));
  return [...forms.values()].filter((f) => f.size > 1).flatMap((f) => [...f]);
};
const withoutUsage = (plan: RequestPlan, usage: KeyUsageName): RequestPlan => ({
  ...plan,
  keyUsage: effectiveKeyUsage(plan).filter((u) => u !== usage),
});

/** Every rule, by the id of the findings it makes, in the order the page lists them. */
export const RULES: Record<string, Rule> = {
  "no-names": {
    check: (f) =>
      f.altNames.length === 0
        ? [
            {
              id: "no-names",
              severity: "error",
              message: "The request has no alternative name: every CA and every browser needs the names in the SAN.",
              source: BR("7.1.2.7.12"),
              field: "altNames",
            },
          ]
        : [],
  },
  "cn-not-in-san": {
    check: (f) => {
      const name = cn(f);
      if (!name || !commonNameMissingFromSan(name, dnsNames(f))) return [];
      return [
        {
          id: "cn-not-in-san",
          severity: "warning",
          message: subjectNotInSanMessage(name),
          source: `${BR("7.1.4.3")}; the article`,
          field: "altNames",
        },
      ];
    },
  },
  "duplicate-names": {
    check: (f) => {
      const unique = new Set(uniqueNames(f.altNames));
      const dup = f.altNames.filter((n) => !unique.has(n));
      return dup.length
        ? [
            {
              id: "duplicate-names",
              severity: "warning",
              message: `${dup.map((n) => n.value).join(", ")} ${dup.length > 1 ? "are" : "is"} listed more than once.`,
              source: "RFC 5280 4.2.1.6",
              fix: { id: "remove-duplicates", label: "Keep each name once" },
              field: "altNames",
            },
          ]
        : [];
    },
    fixes: { "remove-duplicates": (plan) => ({ ...plan, altNames: uniqueNames(plan.altNames) }) },
  },
  "case-only": {
    check: (f) => {
      const pairs = caseVariants(dnsNames(f));
      return pairs.length
        ? [
            {
              id: "case-only",
              severity: "warning",
              message: `${pairs.join(" and ")} differ only in case: DNS names are not case-sensitive, so they are the same name.`,
              source: "RFC 4343",
              fix: { id: "lower-case-names", label: "Write names in lower case, once" },
              field: "altNames",
            },
          ]
        : [];
    },
    fixes: {
      "lower-case-names": (plan) => ({
        ...plan,
        altNames: uniqueNames(
          plan.altNames.map((n) => (n.type === "dns" ? { ...n, value: n.value.toLowerCase() } : n)),
        ),
      }),
    },
  },
  "wildcard-covers": {
    check: (f) => {
      const { wildcards, covered } = coveredNames(f.altNames, cn(f));
      const names = f.altNames.filter(covered).map((n) => n.value.toLowerCase());
      return names.length
        ? [
            {
              id: "wildcard-covers",
              severity: "info",
              message: `${wildcards.join(", ")} already covers ${names.join(", ")}: listing them as well is allowed, but not needed.`,
              source: "RFC 6125 6.4.3",
              fix: { id: "remove-covered", label: "Remove the covered names" },
              field: "altNames",
            },
          ]
        : [];
    },
    fixes: {
      "remove-covered": (plan) => {
        const { covered } = coveredNames(plan.altNames, cn(factsFromPlan(plan)));
        return { ...plan, altNames: plan.altNames.filter((n) => !covered(n)) };
      },
    },
  },
  "internal-names": {
    check: (f, target) => {
      const bad = target === "public" ? f.altNames.filter(isInternalDns).map((n) => n.value) : [];
      return bad.length
        ? [
            {
              id: "internal-names",
              severity: "error",
              message: `${bad.join(", ")}: internal names (single-label or a reserved or private suffix) are refused by every public CA. Use a name in a public domain you own, or your own CA.`,
              source: BR("4.2.2, 7.1.4.2"),
              fix: { id: "remove-internal-names", label: "Remove the internal names" },
              field: "altNames",
            },
          ]
        : [];
    },
    fixes: {
      "remove-internal-names": (plan) => ({ ...plan, altNames: plan.altNames.filter((n) => !isInternalDns(n)) }),
    },
  },
  "example-names": {
    check: (f, target) => {
      const names = [...new Set([...dnsNames(f), cn(f) ?? ""].filter(isExampleName))];
      return target === "public" && names.length
        ? [
            {
              id: "example-names",
              severity: "warning",
              message: `${names.join(", ")}: the article's example or a documentation name. A public CA cannot validate it: put your own domain in its place (a lab on your own CA may keep it).`,
              source: "RFC 2606; Microsoft's example company names",
              field: "altNames",
            },
          ]
        : [];
    },
  },
  "private-ips": {
    check: (f, target) => {
      const bad = target === "public" ? f.altNames.filter(isReservedIp).map((n) => n.value) : [];
      return bad.length
        ? [
            {
              id: "private-ips",
              severity: "error",
              message: `${bad.join(", ")}: private or reserved IP addresses are refused by every public CA.`,
              source: BR("7.1.2.7.12"),
              fix: { id: "remove-private-ips", label: "Remove the private addresses" },
              field: "altNames",
            },
          ]
        : [];
    },
    fixes: { "remove-private-ips": (plan) => ({ ...plan, altNames: plan.altNames.filter((n) => !isReservedIp(n)) }) },
  },
  "reverse-dns-zones": {
    check: (f, target) => {
      const bad = target === "public" ? f.altNames.filter(isReverseDnsName).map((n) => n.value) : [];
      return bad.length
        ? [
            {
              id: "reverse-dns-zones",
              severity: "error",
              message: `${bad.join(", ")}: names under the reverse-DNS zones in-addr.arpa and ip6.arpa are refused by public CAs since 2026-03-15.`,
              source: BR("2.2.x (reverse-DNS zones, from 2026-03-15)"),
              fix: { id: "remove-reverse-dns-names", label: "Remove the reverse-DNS names" },
              field: "altNames",
            },
          ]
        : [];
    },
    fixes: {
      "remove-reverse-dns-names": (plan) => ({
        ...plan,
        altNames: plan.altNames.filter((n) => !isReverseDnsName(n)),
      }),
    },
  },
  "rsa-size": {
    check: (f, target) =>
      f.key.algorithm === "rsa" && f.key.bits < 2048
        ? [
            {
              id: "rsa-size",
              severity: target === "public" ? "error" : "warning",
              message: `An RSA key of ${f.key.bits} bits is too weak: public CAs require 2048 or more, and Windows warns about it.`,
              source: BR("6.1.5"),
              fix: { id: "rsa-2048", label: "Use RSA 2048" },
              field: "key",
            },
          ]
        : [],
    fixes: { "rsa-2048": (plan) => ({ ...plan, key: { ...plan.key, algorithm: "rsa", rsaKeySize: 2048 } }) },
  },
  "rsa-size-multiple-of-8": {
    // The page makes 2048, 3072, 4096 or 8192 only; a request read on the Open page may carry any size.
    check: (f, target) =>
      f.key.algorithm === "rsa" && f.key.bits >= 2048 && f.key.bits % 8 !== 0
        ? [
            {
              id: "rsa-size-multiple-of-8",
              severity: target === "public" ? "error" : "warning",
              message: `An RSA key of ${f.key.bits} bits: public CAs accept only sizes divisible by 8, such as 2048 or 3072.`,
              source: BR("6.1.5"),
              field: "key",
            },
          ]
        : [],
  },
  "ecdsa-curve": {
    check: (f, target) =>
      target === "public" && f.key.algorithm === "ecdsa" && f.key.curve !== "P-256" && f.key.curve !== "P-384"
        ? [
            {
              id: "ecdsa-curve",
              severity: "error",
              message: `The curve ${f.key.curve} is not accepted by public CAs: use P-256 or P-384.`,
              source: BR("6.1.5"),
              field: "key",
            },
          ]
        : [],
  },
  "pss-signature": {
    check: (f, target) =>
      f.pss
        ? [
            target === "public"
              ? {
                  id: "pss-signature",
                  severity: "warning",
                  message:
                    "The request is signed with RSASSA-PSS (Use alternate signature format): public CAs generally accept only PKCS #1 v1.5 request signatures, and may refuse it. The certificate they issue does not depend on it.",
                  source: "RFC 4055; CA/Browser Forum BR 7.1.3.2",
                  fix: { id: "pkcs1-signature", label: "Sign with PKCS #1 v1.5" },
                  field: "key",
                }
              : {
                  id: "pss-signature",
                  severity: "info",
                  message:
                    "The request is signed with RSASSA-PSS (Use alternate signature format): Active Directory Certificate Services accepts it; another internal CA may not.",
                  source: "RFC 4055; Microsoft, certreq AlternateSignatureAlgorithm",
                  fix: { id: "pkcs1-signature", label: "Sign with PKCS #1 v1.5" },
                  field: "key",
                },
          ]
        : [],
    fixes: { "pkcs1-signature": (plan) => ({ ...plan, key: { ...plan.key, alternateSignature: false } }) },
  },
  sha1: {
    check: (f, target) =>
      f.hash === "sha1"
        ? [
            {
              id: "sha1",
              severity: target === "public" ? "error" : "warning",
              message:
                "The request is signed with SHA-1, which public CAs refuse. certreq signs with SHA-1 unless its INF sets HashAlgorithm: make the request again with sha256.",
              // Why say certreq: its reference documents sha1 as HashAlgorithm's default, so a request made
              // from an INF that omits the line is SHA-1-signed without the admin having chosen it.
              source: `${BR("7.1.3.2")}; ballot SC-097; Microsoft, certreq reference (HashAlgorithm, default sha1)`,
              field: "key",
            },
          ]
        : [],
  },
  "organizational-unit": {
    check: (f, target) =>
      target === "public" && f.subject.some((p) => p.type === "OU")
        ? [
            {
              id: "organizational-unit",
              severity: "warning",
              message: "Organizational unit is no longer issued by public CAs: they drop it or refuse the request.",
              source: BR("7.1.4.2 (OU prohibited since 2022-09-01)"),
              fix: { id: "remove-ou", label: "Remove the organizational unit" },
              field: "subject",
            },
          ]
        : [],
    fixes: { "remove-ou": (plan) => ({ ...plan, subject: plan.subject.filter((p) => p.type !== "OU") }) },
  },
  "client-auth": {
    check: (f, target) =>
      target === "public" && f.extendedKeyUsage?.includes(CLIENT_AUTH)
        ? [
            {
              id: "client-auth",
              severity: "warning",
              message:
                "Public CAs are removing Client Authentication: Chrome Root Program Policy 1.8 wants server-only leaves from 2027-03-15; DigiCert removes it from 2027-03-01 (not by default since 2025-10-01), Sectigo fully by 2026-05-15; Let's Encrypt and Google Trust Services already have. The CA may drop it or refuse the request. A reverse proxy needs Server Authentication only (the server and client pair is the Edge certificate's); your own CA may keep it.",
              // Dates as shared/docs/public-ca-rules.md gives them: Chrome 1.8 (2026-02-05) set 2026-06-15 for new
              // intermediates and 2027-03-15 for leaves; DigiCert's earlier "2026-05-01" was superseded; Sectigo
              // started 2025-09-15 (its dates not rechecked there); Let's Encrypt removed it in 2026, Google Trust
              // Services rejects it since April 2026.
              source:
                "Chrome Root Program Policy 1.8; DigiCert's and Sectigo's announcements; Microsoft, Certificate summary - Reverse proxy",
              fix: { id: "remove-client-auth", label: "Remove Client Authentication" },
              field: "extendedKeyUsage",
            },
          ]
        : [],
    fixes: {
      "remove-client-auth": (plan) => ({
        ...plan,
        extendedKeyUsage: plan.extendedKeyUsage.filter((o) => o !== CLIENT_AUTH),
      }),
    },
  },
  "many-names": {
    check: (f, target) =>
      target === "public" && f.altNames.length > MANY_NAMES
        ? [
            {
              id: "many-names",
              severity: "warning",
              message: `${f.altNames.length} names: most public CAs allow at most ${MANY_NAMES} in one certificate.`,
              source: "CA policies (commonly 100, some 250)",
              field: "altNames",
            },
          ]
        : [],
  },
  "key-usage-fit": {
    check: (f) => {
      const ku = f.keyUsage ?? [];
      const out: PreflightFinding[] = [];
      if (f.key.algorithm === "ecdsa" && ku.includes("keyEncipherment")) {
        out.push({
          id: "key-usage-fit",
          severity: "error",
          message: "Key encipherment does not fit an ECDSA key: an EC key signs or agrees keys, it never encrypts one.",
          source: "RFC 5480 3; RFC 8813",
          fix: { id: "remove-key-encipherment", label: "Remove Key encipherment" },
          field: "keyUsage",
        });
      }
      if (f.key.algorithm === "rsa" && ku.includes("keyAgreement")) {
        out.push({
          id: "key-usage-fit",
          severity: "warning",
          message: "Key agreement does not fit an RSA key: RSA has no key agreement.",
          source: "RFC 3279 2.3.1",
          fix: { id: "remove-key-agreement", label: "Remove Key agreement" },
          field: "keyUsage",
        });
      }
      return out;
    },
    fixes: {
      "remove-key-encipherment": (plan) => withoutUsage(plan, "keyEncipherment"),
      "remove-key-agreement": (plan) => withoutUsage(plan, "keyAgreement"),
    },
  },
  "key-usage-critical": {
    check: (f) =>
      f.keyUsage && !f.keyUsageCritical
        ? [
            {
              id: "key-usage-critical",
              severity: "warning",
              message: "Key usage is not marked critical: RFC 5280 asks for it, and so does the article.",
              source: "RFC 5280 4.2.1.3; the article",
              fix: { id: "key-usage-critical", label: "Make the key usages critical" },
              field: "keyUsage",
            },
          ]
        : [],
    fixes: { "key-usage-critical": (plan) => ({ ...plan, keyUsageCritical: true }) },
  },
  "eku-critical": {
    check: (f) =>
      f.extendedKeyUsage && f.extendedKeyUsageCritical
        ? [
            {
              id: "eku-critical",
              severity: "warning",
              message:
                "Extended Key Usage is marked critical: the article asks for it not to be, and public CAs write it non-critical.",
              source: `${BR("7.1.2.7.10")}; the article`,
              fix: { id: "eku-not-critical", label: "Make it not critical" },
              field: "extendedKeyUsage",
            },
          ]
        : [],
    fixes: { "eku-not-critical": (plan) => ({ ...plan, extendedKeyUsageCritical: false }) },
  },
  "basic-constraints-ca": {
    check: (f) =>
      f.basicConstraints?.ca
        ? [
            {
              id: "basic-constraints-ca",
              severity: "error",
              message:
                "Basic constraints say this is a CA: a server certificate is an end entity, and no CA will issue a CA certificate from this request.",
              source: `RFC 5280 4.2.1.9; ${BR("7.1.2.7.8")}`,
              fix: { id: "remove-ca", label: "Make it an end entity" },
              field: "basicConstraints",
            },
          ]
        : [],
    fixes: {
      "remove-ca": (plan) => ({ ...plan, basicConstraints: { ...plan.basicConstraints, ca: false, pathLength: null } }),
    },
  },
  country: {
    check: (f) =>
      f.subject
        .filter((p) => p.type === "C" && !ISO_3166.has(p.value.toUpperCase()))
        .map((p) => ({
          id: "country",
          severity: "error" as const,
          message: `${p.value} is not an ISO 3166 country code (for the United Kingdom it is GB).`,
          source: `X.520; ${BR("7.1.4.2.2")}`,
          field: "subject" as const,
        })),
  },
  "upper-bounds": {
    check: (f) =>
      f.subject.flatMap((p) => {
        const t = SUBJECT_TYPES.find((s) => s.type === p.type);
        return t && [...p.value].length > t.max
          ? [
              {
                id: "upper-bounds",
                severity: "error" as const,
                message: `${t.label} is ${[...p.value].length} characters; X.520 allows at most ${t.max}.`,
                source: "RFC 5280 Appendix A",
                field: "subject" as const,
              },
            ]
          : [];
      }),
  },
  "empty-subject-san": {
    check: (f) =>
      f.subject.length === 0 && f.altNames.length > 0 && !f.sanCritical
        ? [
            {
              id: "empty-subject-san",
              severity: "error",
              message:
                "The subject is empty and the alternative names are not marked critical: with an empty subject the SAN must be critical.",
              source: "RFC 5280 4.2.1.6",
              field: "altNames",
            },
          ]
        : [],
  },
  "hidden-characters": {
    check: (f) => {
      const values = [...f.subject.map((p) => p.value), ...f.altNames.map((n) => n.value)].filter(hasHiddenCharacters);
      if (values.length === 0) return [];
      const characters = [...new Set(values.flatMap(hiddenCharacters))].join(", ");
      return [
        {
          id: "hidden-characters",
          severity: "error",
          message: `${values.map(showHiddenCharacters).join(", ")}: ${characters} are control, direction or invisible characters, which can make a name read as another. Retype the name without them.`,
          source: "Unicode UTS #39 (confusable and invisible characters)",
          field: "subject",
        },
      ];
    },
  },
  "signature-key": {
    check: (f) =>
      f.keySpec === "signature"
        ? [
            {
              id: "signature-key",
              severity: "warning",
              message:
                "Key type Signature: Schannel never uses a signature-only key, so IIS, TMG, Lync and Exchange cannot use this certificate for TLS.",
              source: "Microsoft, Schannel and CAPI key specs",
              fix: { id: "key-spec-exchange", label: "Use key type Exchange" },
              field: "key",
            },
          ]
        : [],
    fixes: { "key-spec-exchange": (plan) => ({ ...plan, key: { ...plan.key, keySpec: "exchange" } }) },
  },
};

/** Every finding for the request, errors first (CA/B Forum Baseline Requirements, RFC 5280, the article). */
export function preflight(facts: RequestFacts, target: CaTarget): PreflightFinding[] {
  return bySeverity(Object.values(RULES).flatMap((rule) => rule.check(facts, target)));
}

/** The rules that judge each name on its own (not names against each other): Plan names shows them beside the input the name came from. */
export const PER_NAME_RULES: ReadonlySet<string> = new Set([
  "internal-names",
  "example-names",
  "private-ips",
  "reverse-dns-zones",
]);

/** The per-name rules' findings for some DNS names alone: what the preflight will say of them, for where the request goes. */
export function preflightNames(names: readonly string[], target: CaTarget): PreflightFinding[] {
  const facts: RequestFacts = {
    subject: [],
    altNames: names.map((value) => ({ type: "dns", value })),
    sanCritical: false,
    keyUsage: null,
    keyUsageCritical: true,
    extendedKeyUsage: null,
    extendedKeyUsageCritical: false,
    basicConstraints: null,
    key: { algorithm: "rsa", bits: 2048 },
    hash: "sha256",
  };
  return bySeverity([...PER_NAME_RULES].flatMap((id) => RULES[id]!.check(facts, target)));
}

/** Applies a one-click fix to the plan: the fix kept beside the rule whose findings offer it. */
export function applyFix(plan: RequestPlan, fix: FixId): RequestPlan {
  const apply = Object.values(RULES).find((rule) => rule.fixes?.[fix])?.fixes?.[fix];
  if (!apply) throw new Error(`No rule offers the fix ${fix}.`);
  return apply(plan);
}
