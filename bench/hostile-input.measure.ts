/**
 * The worst inputs the hostile-input review found, each at two sizes: a page stays responsive when doubling
 * the input about doubles the time (ratio near 2x), not quadruples it (4x). Printed, never asserted: timings
 * here are noisy (README, "Size and speed").
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "vitest";
import { inspect, inspectionFacts, planFromInspection } from "../src/pki/inspect";
import { factsFromPlan, preflight, type RequestFacts } from "../src/pki/lint";
import { readPemBlocks } from "../src/pki/pem";
import { articleTopology, planReverseProxyNames } from "../src/pki/profiles/lync-reverse-proxy";
import { readSettings, writeSettings } from "../src/pki/settings";
import { reverseProxyPlan } from "../src/pki/request";

/** Median milliseconds of `runs` calls. */
function time(run: () => unknown, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const cases: { input: string; make: (n: number) => () => unknown; n: number }[] = [
  {
    input: "PEM text of BEGIN lines with no END (n KB)",
    n: 512,
    make: (kb) => {
      const text = "-----BEGIN CERTIFICATE-----\n".repeat(Math.floor((kb * 1024) / 28));
      return () => readPemBlocks(text);
    },
  },
  {
    input: "preflight of n DNS names differing only in case",
    n: 500,
    make: (n) => {
      const facts: RequestFacts = {
        subject: [{ type: "CN", value: "webext.contoso.com" }],
        altNames: Array.from({ length: n }, (_, i) => ({
          type: "dns" as const,
          value: `Host${i % (n / 2)}.contoso.com`,
        })),
        sanCritical: false,
        keyUsage: ["digitalSignature", "keyEncipherment"],
        keyUsageCritical: true,
        extendedKeyUsage: ["1.3.6.1.5.5.7.3.1"],
        extendedKeyUsageCritical: false,
        basicConstraints: null,
        key: { algorithm: "rsa", bits: 2048 },
        hash: "sha256",
      };
      return () => preflight(facts, "public");
    },
  },
  {
    input: "preflight of n/2 wildcards and the n/2 names they cover",
    n: 500,
    make: (n) => {
      const altNames = Array.from({ length: n }, (_, i) => ({
        type: "dns" as const,
        value: i % 2 ? `*.d${i >> 1}.contoso.com` : `meet.d${i >> 1}.contoso.com`,
      }));
      const facts = { ...factsFromPlan(reverseProxyPlan()), altNames };
      return () => preflight(facts, "public");
    },
  },
  {
    input: "names planner with n SIP domains (capped at 100)",
    n: 2500,
    make: (n) => {
      const topology = { ...articleTopology(), sipDomains: Array.from({ length: n }, (_, i) => `d${i}.contoso.com`) };
      return () => planReverseProxyNames(topology);
    },
  },
  {
    input: "settings file with n alternative names (refused above 1000)",
    n: 5000,
    make: (n) => {
      const plan = {
        ...reverseProxyPlan(),
        altNames: Array.from({ length: n }, (_, i) => ({ type: "dns" as const, value: `h${i}.contoso.com` })),
      };
      const text = writeSettings({ plan });
      return () => readSettings(text);
    },
  },
];

/** A self-signed certificate with n DNS names and a URL name of 100,000 characters, made by OpenSSL. */
function bigCertificate(n: number): Uint8Array<ArrayBuffer> {
  const dir = mkdtempSync(join(tmpdir(), "big-"));
  const names = Array.from({ length: n }, (_, i) => `DNS.${i + 1} = h${i}.contoso.com`);
  const url = `URI.1 = https://meet.contoso.com/${"x".repeat(100_000)}`;
  const config = [
    "[req]",
    "prompt = no",
    "distinguished_name = dn",
    "x509_extensions = ext",
    "[dn]",
    "CN = big.contoso.com",
  ];
  writeFileSync(join(dir, "c.cnf"), [...config, "[ext]", "subjectAltName = @alt", "[alt]", url, ...names].join("\n"));
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"].concat([
      "-keyout",
      join(dir, "k.pem"),
      "-config",
      join(dir, "c.cnf"),
      "-outform",
      "DER",
      "-out",
      join(dir, "c.der"),
    ]),
    { stdio: "pipe" },
  );
  return new Uint8Array(readFileSync(join(dir, "c.der")));
}

it("prints the time of each worst input at n and 2n", async () => {
  const certificates = new Map([2500, 5000].map((n) => [n, bigCertificate(n)]));
  const opened: string[] = [];
  for (const [n, bytes] of certificates) {
    const start = performance.now();
    const result = await inspect({ bytes });
    planFromInspection(result);
    preflight(inspectionFacts(result), "public");
    opened.push(`${n}: ${(performance.now() - start).toFixed(0)} ms`);
  }
  const rows = cases.map(({ input, make, n }) => {
    const one = time(make(n));
    const two = time(make(2 * n));
    return `| ${input} | ${n} | ${one.toFixed(1)} | ${two.toFixed(1)} | ${(two / Math.max(one, 0.01)).toFixed(2)}x |`;
  });
  console.log(
    `Open a certificate with n names and a 100,000-character URL (inspect, renewal plan, preflight): ${opened.join(", ")}`,
  );
  console.log(
    [
      "",
      "Worst inputs at n and 2n, median of 5 (near 2x: linear; 4x: quadratic)",
      "| input | n | n (ms) | 2n (ms) | ratio |",
      "|---|---:|---:|---:|---:|",
      ...rows,
    ].join("\n"),
  );
});
