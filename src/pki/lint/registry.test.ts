import { describe, expect, it } from "vitest";
import { reverseProxyPlan } from "../request";
import { factsFromPlan, type CaTarget, type RequestFacts } from "./facts";
import * as keys from "./keys";
import * as names from "./names";
import * as publicNames from "./public-names";
import { PREFLIGHT_RULES, type PreflightRule } from "./registry";
import * as subject from "./subject";
import * as usages from "./usages";

const SUBJECTS = { keys, names, publicNames, subject, usages };
const written = Object.values(SUBJECTS).flatMap((m) => Object.values(m) as PreflightRule[]);
const ids = PREFLIGHT_RULES.map((r) => r.id);

const article = factsFromPlan(reverseProxyPlan());
const dns = (...values: string[]) => values.map((value) => ({ type: "dns" as const, value }));
/** Three requests that, between them, break every rule (a rule's conditions can exclude another's). */
const BAD: RequestFacts[] = [
  {
    ...article,
    subject: [
      { type: "CN", value: "c".repeat(65) },
      { type: "OU", value: "IT" },
      { type: "C", value: "UK" },
      { type: "O", value: "Contoso\u200b" },
    ],
    altNames: [
      ...dns("webext.contoso.com", "webext.contoso.com", "Meet.contoso.com", "meet.contoso.com", "*.contoso.com"),
      ...dns("proxy01", "5.0.0.10.in-addr.arpa"),
      ...dns(...Array.from({ length: 100 }, (_, i) => `n${i}.northwind.net`)),
      { type: "ipv4", value: "10.0.0.5" },
    ],
    key: { algorithm: "rsa", bits: 1024 },
    keyUsage: ["digitalSignature", "keyAgreement"],
    keyUsageCritical: false,
    extendedKeyUsageCritical: true,
    basicConstraints: { ca: true, critical: true },
    hash: "sha1",
    pss: true,
    keySpec: "signature",
  },
  { ...article, subject: [], sanCritical: false, key: { algorithm: "ecdsa", curve: "P-521" } },
  { ...article, altNames: [], key: { algorithm: "rsa", bits: 2049 } },
];
const findingsOf = (rule: PreflightRule, target: CaTarget) => BAD.flatMap((f) => rule.check(f, target));

describe("the preflight registry", () => {
  it("holds every rule id once", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("holds every rule the subject files write, and nothing else", () => {
    expect(new Set(PREFLIGHT_RULES)).toEqual(new Set(written));
    expect(written).toHaveLength(PREFLIGHT_RULES.length);
  });

  it.each(PREFLIGHT_RULES.map((r) => [r.id, r] as const))(
    "%s fires on one of the bad requests, and every finding it makes carries a source",
    (id, rule) => {
      const findings = [...findingsOf(rule, "public"), ...findingsOf(rule, "internal")];
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.id).toBe(id);
        expect(f.source.trim().length).toBeGreaterThan(3);
      }
    },
  );

  it("keeps each fix a finding offers beside the rule that offers it", () => {
    for (const rule of PREFLIGHT_RULES) {
      const offered = [...findingsOf(rule, "public"), ...findingsOf(rule, "internal")].flatMap((f) =>
        f.fix ? [f.fix.id] : [],
      );
      expect(Object.keys(rule.fixes ?? {}).sort()).toEqual([...new Set(offered)].sort());
    }
  });
});
