import { describe, expect, it } from "vitest";
import { applyFix, factsFromPlan, preflight, RULES, type CaTarget, type RequestFacts } from "./lint";
import { reverseProxyPlan, type RequestPlan } from "./request";
import { CLIENT_AUTH, SERVER_AUTH } from "./usages";

const article = () => factsFromPlan(reverseProxyPlan());
const dns = (...values: string[]) => values.map((value) => ({ type: "dns" as const, value }));
const ids = (facts: RequestFacts, target: CaTarget = "public") => preflight(facts, target).map((f) => f.id);

/** For each rule: facts that make it fire, and facts that keep it quiet (both from the article's example). */
const CASES: [rule: string, fires: Partial<RequestFacts>, quiet: Partial<RequestFacts>, quietTarget?: CaTarget][] = [
  ["no-names", { altNames: [] }, {}],
  ["cn-not-in-san", { altNames: dns("meet.contoso.com") }, {}],
  [
    "example-names",
    {},
    {
      subject: [{ type: "CN", value: "webext.northwind.net" }],
      altNames: dns("webext.northwind.net", "meet.example.io"),
    },
  ],
  ["duplicate-names", { altNames: dns("webext.contoso.com", "meet.contoso.com", "meet.contoso.com") }, {}],
  ["case-only", { altNames: dns("webext.contoso.com", "Meet.contoso.com", "meet.contoso.com") }, {}],
  [
    "wildcard-covers",
    { altNames: dns("webext.contoso.com", "*.contoso.com", "meet.contoso.com") },
    { altNames: dns("webext.contoso.com", "*.contoso.com") },
  ],
  [
    "internal-names",
    { altNames: dns("webext.contoso.com", "proxy01.contoso.local") },
    { altNames: dns("webext.contoso.com", "proxy01.contoso.local") },
    "internal",
  ],
  ["internal-names", { altNames: dns("webext.contoso.com", "proxy01") }, {}],
  [
    "private-ips",
    { altNames: [...dns("webext.contoso.com"), { type: "ipv4", value: "10.0.0.5" }] },
    { altNames: [...dns("webext.contoso.com"), { type: "ipv4", value: "20.10.0.5" }] },
  ],
  [
    "private-ips",
    { altNames: [...dns("webext.contoso.com"), { type: "ipv6", value: "fd00::1" }] },
    { altNames: [...dns("webext.contoso.com"), { type: "ipv6", value: "2a00:1450::1" }] },
  ],
  ["rsa-size", { key: { algorithm: "rsa", bits: 1024 } }, { key: { algorithm: "rsa", bits: 2048 } }],
  ["rsa-size-multiple-of-8", { key: { algorithm: "rsa", bits: 2049 } }, { key: { algorithm: "rsa", bits: 3072 } }],
  [
    "reverse-dns-zones",
    { altNames: dns("webext.contoso.com", "5.0.0.10.in-addr.arpa") },
    { altNames: dns("webext.contoso.com", "arpa-gateway.contoso.com") },
  ],
  [
    "reverse-dns-zones",
    { altNames: dns("webext.contoso.com", "1.0.0.0.8.b.d.0.1.0.0.2.IP6.ARPA") },
    { altNames: dns("webext.contoso.com", "1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa") },
    "internal",
  ],
  [
    "ecdsa-curve",
    { key: { algorithm: "ecdsa", curve: "P-521" } },
    { key: { algorithm: "ecdsa", curve: "P-384" }, keyUsage: ["digitalSignature"] },
  ],
  ["sha1", { hash: "sha1" }, { hash: "sha256" }],
  [
    "organizational-unit",
    {
      subject: [
        { type: "CN", value: "webext.contoso.com" },
        { type: "OU", value: "IT" },
      ],
    },
    {},
  ],
  ["client-auth", {}, { extendedKeyUsage: [SERVER_AUTH] }],
  [
    "many-names",
    { altNames: dns(...Array.from({ length: 101 }, (_, i) => `n${i}.contoso.com`), "webext.contoso.com") },
    {},
  ],
  [
    "key-usage-fit",
    { key: { algorithm: "ecdsa", curve: "P-256" } },
    { key: { algorithm: "ecdsa", curve: "P-256" }, keyUsage: ["digitalSignature"] },
  ],
  ["key-usage-fit", { keyUsage: ["digitalSignature", "keyAgreement"] }, {}],
  ["key-usage-critical", { keyUsageCritical: false }, {}],
  ["eku-critical", { extendedKeyUsageCritical: true }, {}],
  [
    "basic-constraints-ca",
    { basicConstraints: { ca: true, critical: true } },
    { basicConstraints: { ca: false, critical: true } },
  ],
  [
    "country",
    {
      subject: [
        { type: "CN", value: "webext.contoso.com" },
        { type: "C", value: "UK" },
      ],
    },
    {
      subject: [
        { type: "CN", value: "webext.contoso.com" },
        { type: "C", value: "GB" },
      ],
    },
  ],
  [
    "upper-bounds",
    { subject: [{ type: "CN", value: "a".repeat(65) }] },
    { subject: [{ type: "CN", value: "a".repeat(64) }] },
  ],
  ["empty-subject-san", { subject: [], sanCritical: false }, { subject: [], sanCritical: true }],
  ["signature-key", { keySpec: "signature" }, { keySpec: "exchange" }],
];

describe("preflight rules", () => {
  it.each(CASES)("%s fires when it should, and not otherwise", (rule, fires, quiet, quietTarget = "public") => {
    const [first] = RULES[rule]!.check({ ...article(), ...fires }, "public");
    expect(first?.id).toBe(rule);
    expect(first?.message.length).toBeGreaterThan(20);
    expect(first?.source).toBeTruthy();
    expect(RULES[rule]!.check({ ...article(), ...quiet }, quietTarget)).toEqual([]);
  });

  it("switches the public-CA rules off for an internal CA", () => {
    const internal = {
      ...article(),
      altNames: dns("webext.contoso.com", "proxy01.contoso.local"),
      subject: [
        { type: "OU", value: "IT" },
        { type: "CN", value: "webext.contoso.com" },
      ],
    };
    expect(ids(internal, "public")).toEqual(
      expect.arrayContaining(["internal-names", "organizational-unit", "client-auth"]),
    );
    expect(ids(internal, "internal")).not.toEqual(expect.arrayContaining(["internal-names"]));
    expect(ids(internal, "internal")).not.toContain("organizational-unit");
    expect(ids(internal, "internal")).not.toContain("client-auth");
  });

  it("reports no error for the article's example in public-CA mode, and flags Client Authentication as a warning", () => {
    const findings = preflight(article(), "public");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings).toEqual([
      expect.objectContaining({ id: "example-names", severity: "warning" }),
      expect.objectContaining({ id: "client-auth", severity: "warning" }),
    ]);
  });

  it("calls only the Lync article's names its example; other contoso.com names are documentation names", () => {
    const message = (...names: string[]) =>
      preflight(factsFromPlan({ ...reverseProxyPlan(), subject: [], altNames: dns(...names) }), "public").find(
        (f) => f.id === "example-names",
      );
    const lync = message("webext.contoso.com", "meet.contoso.com");
    expect(lync?.message).toContain("the article's example or a documentation name. A public CA cannot validate it");
    expect(lync?.source).toContain("Request and Configure a Certificate for Your Reverse HTTP Proxy");
    const exchange = message("mail.contoso.com", "autodiscover.fabrikam.com");
    expect(exchange?.message).toMatch(
      /^mail\.contoso\.com, autodiscover\.fabrikam\.com: a documentation name \(contoso\.com, fabrikam\.com…/,
    );
    expect(exchange?.message).not.toContain("article");
    expect(exchange?.source).not.toContain("Reverse HTTP Proxy");
  });

  it("lists errors first", () => {
    const findings = preflight({ ...article(), keyUsageCritical: false, hash: "sha1" }, "public");
    expect(findings.map((f) => f.severity)).toEqual(["error", "warning", "warning", "warning"]);
  });
});

describe("applyFix", () => {
  const plan = (change: Partial<RequestPlan>): RequestPlan => ({ ...reverseProxyPlan(), ...change });
  it.each<[string, RequestPlan]>([
    ["remove-client-auth", plan({})],
    ["key-usage-critical", plan({ keyUsageCritical: false })],
    ["eku-not-critical", plan({ extendedKeyUsageCritical: true })],
    [
      "remove-ou",
      plan({
        subject: [
          { type: "CN", value: "webext.contoso.com" },
          { type: "OU", value: "IT" },
        ],
      }),
    ],
    [
      "remove-internal-names",
      plan({ altNames: [...reverseProxyPlan().altNames, ...dns("proxy01.contoso.local", "proxy01")] }),
    ],
    [
      "remove-private-ips",
      plan({ altNames: [...reverseProxyPlan().altNames, { type: "ipv4", value: "192.168.1.5" }] }),
    ],
    ["remove-reverse-dns-names", plan({ altNames: [...reverseProxyPlan().altNames, ...dns("5.0.0.10.in-addr.arpa")] })],
    ["remove-duplicates", plan({ altNames: [...reverseProxyPlan().altNames, ...dns("meet.contoso.com")] })],
    ["lower-case-names", plan({ altNames: [...reverseProxyPlan().altNames, ...dns("Meet.contoso.com")] })],
    ["remove-covered", plan({ altNames: [...reverseProxyPlan().altNames, ...dns("*.contoso.com")] })],
    ["rsa-2048", plan({ key: { ...reverseProxyPlan().key, rsaKeySize: 1024 } })],
    ["remove-ca", plan({ basicConstraints: { enabled: true, ca: true, pathLength: 0, critical: true } })],
    ["key-spec-exchange", plan({ key: { ...reverseProxyPlan().key, keySpec: "signature" } })],
    ["remove-key-encipherment", plan({ template: "cng", key: { ...reverseProxyPlan().key, algorithm: "ecdsa-p256" } })],
    ["remove-key-agreement", plan({ keyUsage: ["digitalSignature", "keyEncipherment", "keyAgreement"] })],
  ])("%s clears the finding it belongs to", (fixId, before) => {
    const finding = preflight(factsFromPlan(before), "public").find((f) => f.fix?.id === fixId);
    expect(finding).toBeDefined();
    const after = applyFix(before, fixId as never);
    expect(
      preflight(factsFromPlan(after), "public").find((f) => f.id === finding!.id && f.fix?.id === fixId),
    ).toBeUndefined();
  });

  it("keeps the common name when it removes the names a wildcard covers", () => {
    const after = applyFix(reverseProxyPlan(), "remove-covered");
    expect(after.altNames.map((n) => n.value)).toEqual(reverseProxyPlan().altNames.map((n) => n.value));
    const withWildcard = applyFix(
      { ...reverseProxyPlan(), altNames: [...reverseProxyPlan().altNames, ...dns("*.contoso.com")] },
      "remove-covered",
    );
    expect(withWildcard.altNames.map((n) => n.value)).toEqual(["webext.contoso.com", "*.contoso.com"]);
  });

  it("refuses a SHA-1-signed request for a public CA and says that certreq signs with SHA-1 by default", () => {
    const sha1 = (target: CaTarget) => preflight({ ...article(), hash: "sha1" }, target).find((f) => f.id === "sha1");
    expect(sha1("public")).toMatchObject({ severity: "error", message: expect.stringMatching(/certreq/) });
    expect(sha1("public")?.source).toMatch(/certreq reference \(HashAlgorithm, default sha1\)/);
    expect(sha1("internal")?.severity).toBe("warning"); // your own CA may accept it
  });

  it("refuses an RSA key whose size is not divisible by 8 for a public CA, and warns for an internal one", () => {
    const odd = (bits: number, target: CaTarget) =>
      preflight({ ...article(), key: { algorithm: "rsa", bits } }, target).find(
        (f) => f.id === "rsa-size-multiple-of-8",
      );
    expect(odd(2049, "public")).toMatchObject({ severity: "error", source: expect.stringMatching(/6\.1\.5/) });
    expect(odd(4092, "internal")?.severity).toBe("warning");
    for (const bits of [2048, 3072, 4096, 8192]) expect(odd(bits, "public")).toBeUndefined();
  });

  it("removes only the reverse-DNS names with its fix", () => {
    const plan = {
      ...reverseProxyPlan(),
      altNames: [...reverseProxyPlan().altNames, ...dns("5.0.0.10.in-addr.arpa", "*.8.b.d.0.1.0.0.2.ip6.arpa")],
    };
    const finding = preflight(factsFromPlan(plan), "public").find((f) => f.id === "reverse-dns-zones");
    expect(finding?.message).toMatch(/^5\.0\.0\.10\.in-addr\.arpa, \*\.8\.b\.d\.0\.1\.0\.0\.2\.ip6\.arpa:/);
    expect(applyFix(plan, "remove-reverse-dns-names").altNames).toEqual(reverseProxyPlan().altNames);
  });

  it("dates the end of Client Authentication as public-ca-rules.md does: Chrome 2027-03-15, DigiCert 2027-03-01", () => {
    const f = preflight(article(), "public").find((x) => x.id === "client-auth");
    expect(f?.message).toContain("Chrome Root Program Policy 1.8 wants server-only leaves from 2027-03-15");
    expect(f?.message).toContain("DigiCert removes it from 2027-03-01 (not by default since 2025-10-01)");
    expect(f?.message).toContain("Sectigo fully by 2026-05-15");
    expect(f?.message).not.toMatch(/2026-05-01/);
    expect(f?.source).toMatch(/Chrome Root Program Policy 1\.8/);
  });

  it("client authentication is selectable and explained, never a blocker", () => {
    const f = preflight(
      factsFromPlan({ ...reverseProxyPlan(), extendedKeyUsage: [SERVER_AUTH, CLIENT_AUTH] }),
      "public",
    ).find((x) => x.id === "client-auth");
    expect(f?.severity).toBe("warning");
    expect(f?.message).toMatch(/Edge certificate/);
  });
});
