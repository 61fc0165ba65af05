/** Input from outside stays data: hidden characters are refused or shown, limits hold, damaged DER is refused. */
import { describe, expect, it } from "vitest";
import { vector } from "../../test/helpers/vectors";
import { readCertificates } from "./certificates";
import { commandFileStem, safeFileStem } from "./file-names";
import { MAX_INPUT_BYTES, readInputFile } from "./input-limits";
import { factsFromPlan, preflight, type RequestFacts } from "./lint";
import { checkAltName, checkDnsName, checkSubjectPart } from "./names";
import { readPemBlocks, toPem } from "./pem";
import { articleTopology, MAX_LIST_ENTRIES, planReverseProxyNames } from "./profiles/lync-reverse-proxy";
import { MAX_ALT_NAMES, planProblems, reverseProxyPlan } from "./request";
import { readSettings, writeSettings } from "./settings";
import { hiddenCharacters, showHiddenCharacters } from "./visible-text";

const RLO = "\u202e";

describe("hidden characters", () => {
  it("are written out where a name is shown, so www.<RLO>moc.lapyap cannot pass for www.paypal.com", () => {
    expect(showHiddenCharacters(`www.${RLO}moc.lapyap`)).toBe("www.⟨U+202E⟩moc.lapyap");
    expect(showHiddenCharacters("a\u200bb\u0000c\u2066d")).toBe("a⟨U+200B⟩b⟨U+0000⟩c⟨U+2066⟩d");
    expect(hiddenCharacters(`x${RLO}y${RLO}\ufeff`)).toEqual(["U+202E", "U+FEFF"]);
  });

  it.each([
    ["a subject part with a bidi override", () => checkSubjectPart("O", `Contoso${RLO}dtL`)],
    ["a DNS name with a zero-width space, which IDNA would silently drop", () => checkDnsName("www.pay\u200bpal.com")],
    ["a URL with an isolate", () => checkAltName("url", "https://meet.contoso.com/\u2066x")],
    ["a UPN with a NUL", () => checkAltName("upn", "svc\u0000@contoso.com")],
  ])("refuse %s when typed, naming the characters", (_, check) => {
    const checked = check();
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.error).toMatch(/U\+[0-9A-F]{4}/);
  });

  it("make a preflight error that names them, for a request read from a file", () => {
    const facts: RequestFacts = {
      ...factsFromPlan(reverseProxyPlan()),
      subject: [{ type: "CN", value: `www.${RLO}moc.lapyap` }],
    };
    const finding = preflight(facts, "internal").find((f) => f.id === "hidden-characters");
    expect(finding?.severity).toBe("error");
    expect(finding?.message).toContain("U+202E");
    expect(finding?.message).toContain("www.⟨U+202E⟩moc.lapyap");
  });

  it("in a friendly name, refuse a settings file whole, so no line reaches an INF or config", () => {
    const file = writeSettings({ plan: { ...reverseProxyPlan(), friendlyName: "Proxy\n[req]\nencrypt_key = no\n#" } });
    const read = readSettings(file);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toContain("Friendly name contains control");
  });
});

describe("a URL pasted as a DNS name", () => {
  it("says what to remove", () => {
    expect(checkDnsName("https://meet.contoso.com")).toEqual({
      ok: false,
      error: 'Remove "https://": a DNS name is the host alone, such as meet.contoso.com.',
    });
    expect(checkAltName("dns", "https://meet.contoso.com/join?x=1")).toEqual({
      ok: false,
      error: 'Remove "https://" and "/join?x=1": a DNS name is the host alone, such as meet.contoso.com.',
    });
  });
});

describe("download names", () => {
  it.each([
    ["CON", "_CON"],
    ["com1.req", "_com1.req"],
    ["name. . ", "name"],
    [`in${RLO}voice\u200b`, "invoice"],
    ["C:\\certs\\webext", "C-certs-webext"],
    ["x".repeat(300), "x".repeat(100)],
    ["", "fallback"],
    ["...", "fallback"],
  ])("clean %j to %j", (text, stem) => {
    expect(safeFileStem(text, "fallback")).toBe(stem);
  });

  it("for a command line keep only letters, digits, '.', '-' and '_', never leading with '-' or '.'", () => {
    expect(commandFileStem("$(touch PWNED)", "f")).toBe("touch-PWNED");
    expect(commandFileStem("-rf /", "f")).toBe("rf");
    expect(commandFileStem("Reverse Proxy Listener for Lync Server", "f")).toBe(
      "Reverse-Proxy-Listener-for-Lync-Server",
    );
  });
});

describe("limits", () => {
  it("a file over 1 MB is refused with its size before a byte of it is read", async () => {
    let read = false;
    const file = { name: "huge.json", size: 3 * 1048576, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) };
    expect(await readInputFile(file)).toEqual({ ok: false, error: expect.stringContaining('"huge.json" is 3.0 MB') });
    expect(read).toBe(false);
  });

  it("a settings text over 1 MB is refused whole", () => {
    const read = readSettings(" ".repeat(MAX_INPUT_BYTES + 1));
    expect(!read.ok && read.error).toMatch(/over the 1 MB.*Nothing was loaded\./);
  });

  it("PEM text of a megabyte of BEGIN lines yields no block, scanned once", () => {
    const text = "-----BEGIN CERTIFICATE-----\n".repeat(40_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(readPemBlocks(text)).toEqual([]);
  });

  it("PEM blocks pair each BEGIN with its own END, whatever comes between", () => {
    const der = new Uint8Array([1, 2, 3]);
    const text = `-----BEGIN X-----\nnoise\n${toPem({ label: "CERTIFICATE", der })}-----END Y-----\n${toPem({ label: "PKCS7", der })}`;
    expect(readPemBlocks(text).map((b) => b.label)).toEqual(["CERTIFICATE", "PKCS7"]);
  });

  it("a settings file with more alternative names than any CA issues is refused with the reason", () => {
    const plan = {
      ...reverseProxyPlan(),
      altNames: Array.from({ length: MAX_ALT_NAMES + 1 }, (_, i) => ({
        type: "dns" as const,
        value: `h${i}.contoso.com`,
      })),
    };
    expect(planProblems(plan)[0]?.message).toContain(`At most ${MAX_ALT_NAMES} alternative names`);
  });

  it("the planner uses at most the first hundred SIP domains and says why", () => {
    const names = planReverseProxyNames({
      ...articleTopology(),
      sipDomains: Array.from({ length: MAX_LIST_ENTRIES + 50 }, (_, i) => `d${i}.contoso.com`),
    });
    expect(names.sipDomains).toHaveLength(MAX_LIST_ENTRIES);
    expect(names.findings.find((f) => f.field === "sipDomains")?.message).toContain(
      `at most ${MAX_LIST_ENTRIES} entries`,
    );
  });
});

describe("DER certificates", () => {
  const der = () => {
    const pem = vector("webext.crt").toString();
    return readPemBlocks(pem)[0]!.der;
  };

  it("with trailing bytes are refused, not copied into a .pfx", () => {
    const bytes = new Uint8Array([...der(), 0, 0]);
    expect(() => readCertificates({ bytes, name: "x.cer" })).toThrow(/not a certificate|damaged/);
  });

  it("cut short are refused as damaged", () => {
    const whole = der();
    expect(() => readCertificates({ bytes: whole.slice(0, whole.length - 10), name: "x.cer" })).toThrow(
      /damaged or cut short/,
    );
  });

  it("with an inner length past its container are refused", () => {
    const bad = der().slice();
    bad[6] = bad[6]! + 1; // the TBSCertificate's length, 256 bytes longer than the certificate holds
    expect(() => readCertificates({ bytes: bad, name: "x.cer" })).toThrow(/damaged or cut short/);
  });

  it("two in a row are both read", () => {
    const one = der();
    const two = new Uint8Array([...one, ...one]);
    expect(readCertificates({ bytes: two, name: "x.cer" })).toHaveLength(2);
  });
});
