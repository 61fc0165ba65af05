import { describe, expect, it } from "vitest";
import { articleTopology } from "./profiles/lync-reverse-proxy";
import { reverseProxyPlan } from "./request";
import { readSettings, writeSettings } from "./settings";

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

  it("holds no secret", () => {
    expect(writeSettings({ plan: reverseProxyPlan() })).not.toMatch(/pass|private|secret/i);
  });
});
