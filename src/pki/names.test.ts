import { describe, expect, it } from "vitest";
import {
  checkAltName,
  checkDnsName,
  hostOfPastedUrl,
  checkSubjectPart,
  effectiveAltNames,
  parseDirectoryName,
  recheckAltName,
  recheckSubjectPart,
} from "./names";
import { validateOid } from "./usages";

describe("hostOfPastedUrl", () => {
  it("offers the host alone for a URL pasted as a DNS name, and nothing for what is not one", () => {
    expect(hostOfPastedUrl("https://Meet.Contoso.com/meet?x=1")).toBe("meet.contoso.com");
    expect(hostOfPastedUrl(" http://webext.contoso.com ")).toBe("webext.contoso.com");
    expect(hostOfPastedUrl("webext.contoso.com")).toBeNull();
    expect(hostOfPastedUrl("https://meet.contoso.com:444/")).toBeNull();
    expect(hostOfPastedUrl("https:///meet")).toBeNull();
  });
});

describe("checkDnsName", () => {
  it.each([
    ["web ext.contoso.com", "spaces"],
    ["web_ext.contoso.com", "underscore"],
    ["web..contoso.com", "empty label"],
    [".contoso.com", "empty label"],
    [`${"a".repeat(64)}.contoso.com`, "at most 63"],
    [`${"abcdefghi.".repeat(26)}com`, "at most 253"],
    ["-web.contoso.com", "hyphen"],
    ["web-.contoso.com", "hyphen"],
    ["web.*.contoso.com", "wildcard"],
    ["w*.contoso.com", "wildcard"],
    ["*.com.*", "wildcard"],
    ["*.com", "two labels"],
    ["", "Enter a DNS name"],
  ])("refuses %s (%s)", (input, says) => {
    const checked = checkDnsName(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toContain(says);
  });

  it.each([
    ["webext.contoso.com", "webext.contoso.com"],
    ["WebExt.Contoso.COM.", "webext.contoso.com"],
    ["*.contoso.com", "*.contoso.com"],
    [`${"a".repeat(63)}.contoso.com`, `${"a".repeat(63)}.contoso.com`],
  ])("accepts %s as %s", (input, ascii) => {
    const checked = checkDnsName(input);
    expect(checked.ok && checked.name.ascii).toBe(ascii);
  });

  it("writes an international name in its xn-- form and keeps the Unicode form to show", () => {
    const checked = checkDnsName("Bücher.example");
    expect(checked.ok && checked.name).toEqual({ ascii: "xn--bcher-kva.example", unicode: "bücher.example" });
    expect(checkAltName("dns", "bücher.example")).toEqual({
      ok: true,
      value: "xn--bcher-kva.example",
      unicode: "bücher.example",
    });
  });
});

describe("checkSubjectPart", () => {
  it.each([
    ["C", "USA", "exactly two letters"],
    ["C", "1A", "exactly two letters"],
    ["CN", "a".repeat(65), "at most 64"],
    ["E", "admin", "with a domain"],
    ["E", "admin@localhost", "must be a domain"],
    ["DC", "con.toso", "one DNS label"],
    ["O", "   ", "Enter a value"],
    ["O", "Bad\u0000Name", "control characters"],
  ] as const)("refuses %s=%s", (type, value, says) => {
    const checked = checkSubjectPart(type, value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toContain(says);
  });

  it("writes an international DNS common name in its xn-- form, keeping the Unicode form to show", () => {
    expect(checkSubjectPart("CN", "bücher.example")).toEqual({
      ok: true,
      value: "xn--bcher-kva.example",
      unicode: "bücher.example",
    });
    expect(checkSubjectPart("CN", "Reverse Proxy Listener")).toEqual({ ok: true, value: "Reverse Proxy Listener" });
  });

  it("upper-cases a country and accepts a 64-character common name", () => {
    expect(checkSubjectPart("C", "us")).toEqual({ ok: true, value: "US" });
    expect(checkSubjectPart("CN", "a".repeat(64)).ok).toBe(true);
  });
});

describe("checkAltName", () => {
  it.each([
    ["ipv4", "256.1.1.1"],
    ["ipv4", "10.0.0"],
    ["ipv6", "2001:db8::g"],
    ["ipv6", "1:2:3:4:5:6:7:8:9"],
    ["email", "admin@"],
    ["email", "admin"],
    ["url", "meet.contoso.com"],
    ["upn", "svc proxy@contoso.com"],
    ["dn", "proxy"],
    ["dn", "X=1"],
  ] as const)("refuses the %s %s", (type, value) => {
    expect(checkAltName(type, value).ok).toBe(false);
  });

  it.each([
    ["ipv4", "192.0.2.10", "192.0.2.10"],
    ["ipv6", "2001:DB8:0:0::10", "2001:db8::10"],
    ["email", "Admin@Contoso.com", "Admin@contoso.com"],
    ["url", "https://Meet.Contoso.com", "https://meet.contoso.com/"],
    ["upn", "svc-proxy@contoso.com", "svc-proxy@contoso.com"],
    ["dn", "cn=proxy,o=Contoso\\, Ltd,c=us", "CN=proxy, O=Contoso\\, Ltd, C=US"],
  ] as const)("accepts the %s %s as %s", (type, value, stored) => {
    expect(checkAltName(type, value)).toEqual({ ok: true, value: stored });
  });

  it("reads back what it writes for a directory name", () => {
    const parsed = parseDirectoryName("CN=proxy, O=Contoso\\, Ltd");
    expect(parsed.ok && parsed.parts).toEqual([
      { type: "CN", value: "proxy" },
      { type: "O", value: "Contoso, Ltd" },
    ]);
  });
});

/** What trim() takes off the ends but a request, a config or an INF would carry: line breaks and invisible characters. */
const TRAILING = [
  ["LF", "\n"],
  ["CR LF", "\r\n"],
  ["U+2028", "\u2028"],
  ["U+2029", "\u2029"],
  ["U+FEFF", "\ufeff"],
  ["U+200B", "\u200b"],
  ["a tab", "\t"],
] as const;

describe("a value with a line break or invisible character at an end", () => {
  it.each(TRAILING)("is refused, not trimmed, as a common name, a DNS name or a URL (%s)", (_what, end) => {
    for (const checked of [
      checkSubjectPart("CN", `webext.contoso.com${end}`),
      checkSubjectPart("O", `${end}Contoso`),
      checkAltName("dns", `meet.contoso.com${end}`),
      checkAltName("url", `https://meet.contoso.com/${end}`),
      checkAltName("upn", `svc@contoso.com${end}`),
      checkAltName("guid", `f7c3ac41-b8ce-4fb4-aa58-3d1dc0e36b39${end}`),
    ]) {
      expect(checked).toMatchObject({ ok: false, error: expect.stringContaining("control characters") });
    }
  });

  it.each(TRAILING)("is refused as an extended key usage OID (%s)", (_what, end) => {
    expect(validateOid(`1.3.6.1.5.5.7.3.1${end}`)).toMatch(/line break, control or invisible/);
  });

  it("is still trimmed of ordinary spaces, as typed", () => {
    expect(checkSubjectPart("CN", "  webext.contoso.com ")).toEqual({ ok: true, value: "webext.contoso.com" });
    expect(validateOid(" 1.3.6.1.5.5.7.3.1 ")).toBeNull();
  });
});

describe("a stored name read back from outside", () => {
  it("is kept as exactly the value its check returns", () => {
    expect(recheckSubjectPart({ type: "CN", value: "webext.contoso.com\u00a0" })).toEqual({
      ok: true,
      kept: { type: "CN", value: "webext.contoso.com" },
    });
    expect(recheckSubjectPart({ type: "C", value: " ch" })).toEqual({ ok: true, kept: { type: "C", value: "CH" } });
    expect(recheckAltName({ type: "dns", value: "Meet.Contoso.com." })).toEqual({
      ok: true,
      kept: { type: "dns", value: "meet.contoso.com" },
    });
  });

  it("keeps a display form that is the same name, and refuses one that is another name", () => {
    const name = { type: "dns" as const, value: "xn--bcher-kva.example", unicode: "bücher.example" };
    expect(recheckAltName(name)).toEqual({ ok: true, kept: name });
    expect(recheckAltName({ ...name, unicode: "paypal.example" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("another name"),
    });
    expect(recheckAltName({ ...name, unicode: "bücher.example\n" })).toMatchObject({ ok: false });
  });
});

describe("effectiveAltNames", () => {
  it("puts a DNS common name first in the alternative names when it is missing", () => {
    const names = effectiveAltNames(
      [{ type: "CN", value: "webext.contoso.com" }],
      [{ type: "dns", value: "meet.contoso.com" }],
    );
    expect(names.map((n) => n.value)).toEqual(["webext.contoso.com", "meet.contoso.com"]);
  });

  it("does not repeat it, nor add a common name that is not a DNS name", () => {
    const present = [{ type: "dns" as const, value: "webext.contoso.com" }];
    expect(effectiveAltNames([{ type: "CN", value: "webext.contoso.com" }], present)).toEqual(present);
    expect(effectiveAltNames([{ type: "CN", value: "Reverse proxy" }], [])).toEqual([]);
  });
});
