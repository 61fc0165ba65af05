import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedRsaPair } from "../../test/helpers/vectors";
import { createPkcs10 } from "./csr";
import { certreqInf, opensslConfig } from "./native";
import { articleTopology } from "./profiles/lync-reverse-proxy";
import { reverseProxyPlan, type RequestPlan } from "./request";
import { readSettings, writeSettings } from "./settings";
import * as x509 from "@peculiar/x509";

/** A settings file of the article's plan with one value changed, as an edited or hostile file would have it. */
const fileWith = (change: (plan: RequestPlan) => RequestPlan) =>
  JSON.stringify({
    format: "certificate-request-wizard/request-settings",
    version: 1,
    plan: change(reverseProxyPlan()),
  });
const withCn = (cn: string) => fileWith((p) => ({ ...p, subject: [{ type: "CN", value: cn }] }));
const withDns = (dns: string) => fileWith((p) => ({ ...p, altNames: [{ type: "dns", value: dns }] }));
const withEku = (oid: string) => fileWith((p) => ({ ...p, extendedKeyUsage: ["1.3.6.1.5.5.7.3.1", oid] }));

/** What trim() takes off the ends but a request, a config or an INF would carry. */
const BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\ufeff", "\u200b", "\t", "\u0085"];
/** What trim() takes off and nothing would carry wrongly: ordinary and wide spaces. */
const SPACES = [" ", "\u00a0", "\u3000", "\u2003"];
const named = (chars: string[]) =>
  chars.map((c) => [
    [...c].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join(" "),
    c,
  ]);

describe("request settings file", () => {
  it("reads back exactly the plan it wrote", () => {
    const plan = {
      ...reverseProxyPlan(),
      altNames: [{ type: "dns" as const, value: "xn--bcher-kva.example", unicode: "bücher.example" }],
    };
    expect(readSettings(writeSettings({ plan }))).toEqual({ ok: true, plan });
  });

  it("reads back the topology saved with it", () => {
    const topology = {
      ...articleTopology(),
      sipDomains: ["contoso.com", "fabrikam.com"],
      meetingUrls: { "fabrikam.com": "meet.fabrikam.com" },
    };
    expect(readSettings(writeSettings({ plan: reverseProxyPlan(), topology }))).toEqual({
      ok: true,
      plan: reverseProxyPlan(),
      topology,
    });
  });

  it('still reads a file written with the topology under its earlier name, "namesPlan"', () => {
    const file = writeSettings({ plan: reverseProxyPlan(), topology: articleTopology() }).replace(
      '"topology":',
      '"namesPlan":',
    );
    expect(file).toContain('"namesPlan"');
    expect(readSettings(file)).toEqual({ ok: true, plan: reverseProxyPlan(), topology: articleTopology() });
  });

  it('reads a file from before each Exchange name was its own choice: its one "publish" applies to both', () => {
    const file = (publish: boolean) => {
      const data = JSON.parse(writeSettings({ plan: reverseProxyPlan(), topology: articleTopology() }));
      data.topology.exchange = { publish, autodiscover: [], webServices: "mail.contoso.com" };
      return JSON.stringify(data);
    };
    expect(file(true)).toContain('"publish":true');
    const read = readSettings(file(true));
    expect(read.ok && read.topology?.exchange).toEqual({
      publishAutodiscover: true,
      autodiscover: [],
      publishWebServices: true,
      webServices: "mail.contoso.com",
    });
    const off = readSettings(file(false));
    expect(off.ok && off.topology?.exchange).toMatchObject({ publishAutodiscover: false, publishWebServices: false });
  });

  it.each([
    ["not JSON", "{", "not valid JSON"],
    ["another tool's JSON", JSON.stringify({ hello: 1 }), "not a request settings file"],
    [
      "a newer version",
      JSON.stringify({ format: "certificate-request-wizard/request-settings", version: 9, plan: {} }),
      "version 9",
    ],
    [
      "a missing field",
      writeSettings({ plan: reverseProxyPlan() }).replace('"friendlyName"', '"friendly"'),
      '"friendlyName" is missing',
    ],
    [
      "a bad value",
      writeSettings({ plan: reverseProxyPlan() }).replaceAll('"webext.contoso.com"', '"web ext.contoso.com"'),
      "spaces",
    ],
    [
      "a damaged topology",
      writeSettings({ plan: reverseProxyPlan(), topology: articleTopology() }).replace(
        '"autodiscoverPort": 443',
        '"autodiscoverPort": 8443',
      ),
      "autodiscoverPort",
    ],
    [
      "an unknown key size",
      writeSettings({ plan: reverseProxyPlan() }).replace('"rsaKeySize": 2048', '"rsaKeySize": 2047'),
      "rsaKeySize",
    ],
  ])("reports %s and loads nothing", (_what, text, says) => {
    const read = readSettings(text);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error).toContain(says);
      expect(read.error).toContain("Nothing was loaded");
    }
  });

  it.each(named(BREAKS))(
    "refuses a common name, DNS name or EKU OID ending in %s, and loads nothing",
    (_shown, end) => {
      for (const file of [
        withCn(`webext.contoso.com${end}`),
        withDns(`meet.contoso.com${end}`),
        withEku(`1.2.3${end}`),
      ]) {
        const read = readSettings(file);
        expect(read).toMatchObject({ ok: false, error: expect.stringContaining("Nothing was loaded") });
        if (!read.ok) expect(read.error).toMatch(/control|invisible/);
      }
    },
  );

  it.each(named(SPACES))("keeps exactly the checked value of a name or OID ending in %s", (_shown, end) => {
    expect(readSettings(withCn(`${end}webext.contoso.com${end}`))).toMatchObject({
      ok: true,
      plan: { subject: [{ type: "CN", value: "webext.contoso.com" }] },
    });
    expect(readSettings(withDns(`meet.contoso.com${end}`))).toMatchObject({
      ok: true,
      plan: { altNames: [{ type: "dns", value: "meet.contoso.com" }] },
    });
    expect(readSettings(withEku(`1.2.3${end}`))).toMatchObject({
      ok: true,
      plan: { extendedKeyUsage: ["1.3.6.1.5.5.7.3.1", "1.2.3"] },
    });
  });

  it("refuses a display form that names another host", () => {
    const file = fileWith((p) => ({
      ...p,
      altNames: [{ type: "dns", value: "xn--bcher-kva.example", unicode: "webext.contoso.com" }],
    }));
    expect(readSettings(file)).toMatchObject({ ok: false, error: expect.stringContaining("another name") });
  });

  it("never gives a plan whose request, OpenSSL config or INF carries a line break from a value", async () => {
    const keys = await fixedRsaPair();
    const lineCount = (text: string) => text.split(/\r\n|\n/).length;
    const fileOf = (where: string, start: string, end: string) =>
      where === "cn"
        ? withCn(`${start}webext.contoso.com${end}`)
        : where === "dns"
          ? withDns(`${start}webext.contoso.com${end}`)
          : withEku(`${start}1.2.3${end}`);
    const linesOf = (plan: RequestPlan) => [lineCount(opensslConfig(plan)), lineCount(certreqInf(plan))];
    // Spaces twice as often as breaks, so both the refusing and the loading paths run in every run.
    const ends = fc.oneof(
      { arbitrary: fc.constantFrom(...SPACES, ""), weight: 2 },
      { arbitrary: fc.constantFrom(...BREAKS), weight: 1 },
    );
    let loaded = 0;
    await fc.assert(
      fc.asyncProperty(ends, ends, fc.constantFrom("cn", "dns", "eku"), async (start, end, where) => {
        const read = readSettings(fileOf(where, start, end));
        if (!read.ok) {
          expect([start, end].some((c) => BREAKS.includes(c))).toBe(true);
          return;
        }
        loaded++;
        const { plan } = read;
        for (const value of [...plan.subject, ...plan.altNames].map((n) => n.value).concat(plan.extendedKeyUsage)) {
          expect(value).toBe(value.trim());
          expect(value).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
        }
        // The same number of lines as the plan without the characters: no value added or split a line.
        const clean = readSettings(fileOf(where, "", ""));
        expect(clean.ok && linesOf(plan)).toEqual(clean.ok && linesOf(clean.plan));
        const csr = new x509.Pkcs10CertificateRequest(await createPkcs10({ plan, keys }));
        expect(csr.subject).not.toMatch(/[\r\n\u2028\u2029\ufeff]/);
      }),
      { numRuns: 120 },
    );
    // Guard: files were really loaded and written out, not all refused.
    expect(loaded).toBeGreaterThan(20);
  });

  it("holds no secret", () => {
    expect(writeSettings({ plan: reverseProxyPlan() })).not.toMatch(/pass|private|secret/i);
  });
});
