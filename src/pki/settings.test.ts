import { describe, expect, it } from "vitest";
import { reverseProxyPlan } from "./request";
import { readSettings, writeSettings } from "./settings";

describe("request settings file", () => {
  it("reads back exactly the plan it wrote", () => {
    const plan = { ...reverseProxyPlan(), altNames: [{ type: "dns" as const, value: "xn--bcher-kva.example", unicode: "bücher.example" }] };
    expect(readSettings(writeSettings(plan))).toEqual({ ok: true, plan });
  });

  it.each([
    ["not JSON", "{", "not valid JSON"],
    ["another tool's JSON", JSON.stringify({ hello: 1 }), "not a request settings file"],
    ["a newer version", JSON.stringify({ format: "certificate-request-wizard/request-settings", version: 9, plan: {} }), "version 9"],
    ["a missing field", writeSettings(reverseProxyPlan()).replace('"friendlyName"', '"friendly"'), '"friendlyName" is missing'],
    ["a bad value", writeSettings(reverseProxyPlan()).replaceAll('"webext.contoso.com"', '"web ext.contoso.com"'), "spaces"],
    ["an unknown key size", writeSettings(reverseProxyPlan()).replace('"rsaKeySize": 2048', '"rsaKeySize": 2047'), "rsaKeySize"],
  ])("reports %s and loads nothing", (_what, text, says) => {
    const read = readSettings(text);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error).toContain(says);
      expect(read.error).toContain("Nothing was loaded");
    }
  });

  it("holds no secret", () => {
    expect(writeSettings(reverseProxyPlan())).not.toMatch(/pass|private|secret/i);
  });
});
