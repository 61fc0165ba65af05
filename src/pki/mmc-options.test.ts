/**
 * Issue 14's MMC options, checked against OpenSSL: the X.520 name types, the GUID alternative name, the typed
 * Full DN, RSASSA-PSS ("Use alternate signature format"), and the same choices through the certreq INF, the
 * OpenSSL config, the settings file and the Open page's decoder. The golden DER is made by `openssl req` from
 * configs written here by hand, not by the product's own writers.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CertificationRequest } from "@peculiar/asn1-csr";
import { AsnConvert } from "@peculiar/asn1-schema";
import * as asn1X509 from "@peculiar/asn1-x509";
import { describe, expect, it } from "vitest";
import { fixedRsaPair, hex, vector } from "../../test/helpers/vectors";
import { createPkcs10, generalNamesDer, toName } from "./csr";
import { generateKeyPair } from "./keys";
import { inspect, planFromInspection } from "./inspect";
import { factsFromPlan, preflight } from "./lint";
import { checkAltName, formatDirectoryName, parseDistinguishedName, type SubjectPart } from "./names";
import { certreqInf, opensslCommands, opensslConfig } from "./native";
import { blankPlan, webServerPlan, type RequestPlan } from "./request";
import { readSettings, writeSettings } from "./settings";

const dir = mkdtempSync(join(tmpdir(), "mmc-options-"));
const keyFile = join(dir, "key.pem");
writeFileSync(keyFile, vector("rsa2048.pk8.pem"));

/** `openssl req -new` with a config written here; the request's DER. */
function opensslRequest(config: string, ...args: string[]): Uint8Array {
  const cnf = join(dir, `r${Math.random().toString(36).slice(2)}.cnf`);
  writeFileSync(cnf, config);
  return new Uint8Array(
    execFileSync("openssl", ["req", "-new", "-key", keyFile, "-config", cnf, "-outform", "DER", ...args]),
  );
}

const infoOf = (der: Uint8Array) => AsnConvert.parse(der, CertificationRequest).certificationRequestInfo;
const subjectDer = (der: Uint8Array) => hex(AsnConvert.serialize(infoOf(der).subject));
function sanDer(der: Uint8Array): string {
  const requested = infoOf(der).attributes.find((a) => a.type === "1.2.840.113549.1.9.14")!;
  const extensions = AsnConvert.parse(requested.values[0]!, asn1X509.Extensions);
  return hex(extensions.find((e) => e.extnID === "2.5.29.17")!.extnValue.buffer);
}

describe("the X.520 name types: Given name, Initials, Surname, Title", () => {
  it("are encoded as OpenSSL encodes givenName, initials, surname and title", () => {
    const golden = opensslRequest(
      [
        "[req]",
        "prompt = no",
        "distinguished_name = dn",
        "string_mask = MASK:0x2002",
        "utf8 = yes",
        "[dn]",
        "CN = Alex Wilber",
        "GN = Alex",
        "initials = A.",
        "SN = Wilber",
        "title = Proxy administrator",
        "O = Zürich Ltd",
      ].join("\n"),
    );
    const parts: SubjectPart[] = [
      { type: "CN", value: "Alex Wilber" },
      { type: "G", value: "Alex" },
      { type: "I", value: "A." },
      { type: "SN", value: "Wilber" },
      { type: "T", value: "Proxy administrator" },
      { type: "O", value: "Zürich Ltd" },
    ];
    expect(hex(toName(parts).toArrayBuffer())).toBe(subjectDer(golden));
  });

  it("keep X.520's bounds: a Title is at most 64 characters", () => {
    expect(parseDistinguishedName(`T=${"x".repeat(64)}`).ok).toBe(true);
    expect(parseDistinguishedName(`T=${"x".repeat(65)}`)).toMatchObject({ ok: false, error: /Title is at most 64/ });
  });
});

describe("Full DN, typed as a string (RFC 4514 escapes, Windows' keys)", () => {
  it("is split into its parts in the order typed, with escapes, hex pairs and quoted values read", () => {
    const parsed = parseDistinguishedName(
      'CN=webext.contoso.com, O=Contoso\\, Ltd, OU="Web; Proxy", L=Z\\C3\\BCrich, S=Zurich, C=ch, E=pki@contoso.com, G=Alex, SN=Wilber, I=A., T=Admin, DC=contoso, 2.5.4.10=Second \\+ Co',
    );
    expect(parsed).toEqual({
      ok: true,
      parts: [
        { type: "CN", value: "webext.contoso.com" },
        { type: "O", value: "Contoso, Ltd" },
        { type: "OU", value: "Web; Proxy" },
        { type: "L", value: "Zürich" },
        { type: "ST", value: "Zurich" },
        { type: "C", value: "CH" },
        { type: "E", value: "pki@contoso.com" },
        { type: "G", value: "Alex" },
        { type: "SN", value: "Wilber" },
        { type: "I", value: "A." },
        { type: "T", value: "Admin" },
        { type: "DC", value: "contoso" },
        { type: "O", value: "Second + Co" },
      ],
    });
  });

  it.each([
    ["CN=a+O=b", /multi-valued/],
    ["CN=#0403616263", /#hex/],
    ["XX=1", /"XX" is not a name type/],
    ["CN=a,", /ends with a comma/],
    ["CN=a;b", /Write ; in a value as \\;/],
    ['CN="open', /no closing quote/],
    ["CN=\\FF", /not valid UTF-8/],
    ["C=USA", /Country must be exactly two letters/],
    ["just text", /TYPE=value/],
  ])("refuses %s with a reason", (input, reason) => {
    expect(parseDistinguishedName(input)).toMatchObject({ ok: false, error: reason });
  });

  it("writes back what it reads", () => {
    const parts: SubjectPart[] = [
      { type: "O", value: ' #lead, "quoted" + <angle>; back\\slash '.trim() },
      { type: "CN", value: "#hash first" },
    ];
    expect(parseDistinguishedName(formatDirectoryName(parts))).toEqual({ ok: true, parts });
  });
});

describe("GUID alternative name (otherName 1.3.6.1.4.1.311.25.1)", () => {
  const GUID = "f7c3ac41-b8ce-4fb4-aa58-3d1dc0e36b39";
  // The 16 bytes as Windows stores the GUID: the first three groups little-endian, written out by hand.
  const WINDOWS_BYTES = "41ACC3F7CEB8B44FAA583D1DC0E36B39";

  it("is typed with or without braces, and refused when it is not 8-4-4-4-12 hex digits", () => {
    expect(checkAltName("guid", `{${GUID.toUpperCase()}}`)).toEqual({ ok: true, value: GUID });
    expect(checkAltName("guid", GUID)).toEqual({ ok: true, value: GUID });
    expect(checkAltName("guid", `{${GUID}`)).toMatchObject({ ok: false });
    expect(checkAltName("guid", "f7c3ac41b8ce4fb4aa583d1dc0e36b39x")).toMatchObject({ ok: false });
  });

  it("is encoded as OpenSSL encodes the OCTET STRING of Windows' bytes", () => {
    const golden = opensslRequest(
      [
        "[req]",
        "prompt = no",
        "distinguished_name = dn",
        "req_extensions = ext",
        "[dn]",
        "CN = host",
        "[ext]",
        "subjectAltName = @alt",
        "[alt]",
        `otherName.1 = 1.3.6.1.4.1.311.25.1;FORMAT:HEX,OCTETSTRING:${WINDOWS_BYTES}`,
      ].join("\n"),
    );
    expect(hex(generalNamesDer([{ type: "guid", value: GUID }]))).toBe(sanDer(golden));
  });
});

/** Every new choice in one plan: the request, the INF, the OpenSSL config, the settings file and the decoder. */
const everything: RequestPlan = {
  ...webServerPlan(),
  template: "cng",
  subject: [
    { type: "CN", value: "webext.contoso.com" },
    { type: "G", value: "Alex" },
    { type: "I", value: "A." },
    { type: "SN", value: "Wilber" },
    { type: "T", value: "Proxy administrator" },
  ],
  altNames: [
    { type: "dns", value: "webext.contoso.com" },
    { type: "guid", value: "f7c3ac41-b8ce-4fb4-aa58-3d1dc0e36b39" },
  ],
  extendedKeyUsage: ["1.3.6.1.5.5.7.3.1", "1.3.6.1.4.1.311.54.1.2", "1.3.6.1.5.2.3.5"],
  key: { ...blankPlan().key, alternateSignature: true },
};

describe("Use alternate signature format (RSASSA-PSS, RFC 4055)", () => {
  it("signs with PSS, SHA-256, MGF1-SHA-256 and a 32-byte salt, with OpenSSL's parameters, and OpenSSL verifies it", async () => {
    const keys = await generateKeyPair({ choice: everything.key });
    const der = new Uint8Array(await createPkcs10({ plan: everything, keys }));
    const file = join(dir, "pss.der");
    writeFileSync(file, der);
    const text = execFileSync("openssl", ["req", "-inform", "DER", "-in", file, "-verify", "-noout", "-text"], {
      stdio: ["ignore", "pipe", "pipe"],
    }).toString();
    expect(text).toMatch(/Signature Algorithm: rsassaPss/);
    expect(text).toMatch(/Hash Algorithm: sha256/);
    expect(text).toMatch(/Mask Algorithm: mgf1 with sha256/);
    expect(text).toMatch(/Salt Length: 0x20/);
    // The AlgorithmIdentifier is byte for byte the one `openssl req -sigopt rsa_padding_mode:pss` writes.
    const golden = opensslRequest(
      ["[req]", "prompt = no", "distinguished_name = dn", "[dn]", "CN = host"].join("\n"),
      "-sha256",
      "-sigopt",
      "rsa_padding_mode:pss",
      "-sigopt",
      "rsa_pss_saltlen:digest",
    );
    const algorithm = (d: Uint8Array) =>
      hex(AsnConvert.serialize(AsnConvert.parse(d, CertificationRequest).signatureAlgorithm));
    expect(algorithm(der)).toBe(algorithm(golden));
  });

  it("is a warning for a public CA and a note for an internal one, with the fix back to PKCS #1 v1.5", () => {
    const publicCa = preflight(factsFromPlan(everything), "public").find((f) => f.id === "pss-signature");
    expect(publicCa).toMatchObject({ severity: "warning", fix: { id: "pkcs1-signature" } });
    expect(preflight(factsFromPlan(everything), "internal").find((f) => f.id === "pss-signature")?.severity).toBe(
      "info",
    );
    const ecdsa = { ...everything, key: { ...everything.key, algorithm: "ecdsa-p256" as const } };
    expect(preflight(factsFromPlan(ecdsa), "public").some((f) => f.id === "pss-signature")).toBe(false);
  });
});

describe("every new choice goes through the writers and comes back through the decoder", () => {
  it("the certreq INF carries the name types, the GUID, the policies and AlternateSignatureAlgorithm", () => {
    const inf = certreqInf(everything);
    expect(inf).toContain('Subject = "CN=webext.contoso.com, G=Alex, I=A., SN=Wilber, T=Proxy administrator"');
    // The certreq reference's other-name form: the GUID's 16 bytes in Windows' order.
    expect(inf).toContain(
      '_continue_ = "1.3.6.1.4.1.311.25.1={octet}{hex}41 AC C3 F7 CE B8 B4 4F AA 58 3D 1D C0 E3 6B 39"',
    );
    expect(inf).toContain('_continue_ = "1.3.6.1.4.1.311.54.1.2,"');
    expect(inf).toContain("AlternateSignatureAlgorithm = TRUE");
  });

  it("the OpenSSL config and commands make the same request, which OpenSSL verifies as PSS", async () => {
    const cnf = join(dir, "certificate-request.cnf");
    writeFileSync(cnf, opensslConfig(everything));
    const [, req] = opensslCommands(everything);
    const args = req!.args.map((a) =>
      a.endsWith(".key") ? keyFile : a.endsWith(".cnf") ? cnf : a.endsWith(".req") ? join(dir, "native.req") : a,
    );
    execFileSync("openssl", args, { stdio: ["ignore", "pipe", "pipe"] });
    const native = new Uint8Array(execFileSync("openssl", ["req", "-in", join(dir, "native.req"), "-outform", "DER"]));
    const keys = await fixedRsaPair();
    const ours = new Uint8Array(
      await createPkcs10({ plan: { ...everything, key: { ...everything.key, alternateSignature: false } }, keys }),
    );
    expect(subjectDer(native)).toBe(subjectDer(ours));
    expect(sanDer(native)).toBe(sanDer(ours));
    const text = execFileSync("openssl", ["req", "-in", join(dir, "native.req"), "-verify", "-noout", "-text"], {
      stdio: ["ignore", "pipe", "pipe"],
    }).toString();
    expect(text).toMatch(/rsassaPss/);
  });

  it("the settings file keeps them, and one written before the option opens as PKCS #1 v1.5", () => {
    const read = readSettings(writeSettings({ plan: everything }));
    expect(read.ok && read.plan).toEqual(everything);
    const old = JSON.parse(writeSettings({ plan: everything }));
    delete old.plan.key.alternateSignature;
    const readOld = readSettings(JSON.stringify(old));
    expect(readOld.ok && readOld.plan.key.alternateSignature).toBe(false);
  });

  it("the Open page decodes them, and Use as a starting point keeps every one", async () => {
    const keys = await generateKeyPair({ choice: everything.key });
    const der = new Uint8Array(await createPkcs10({ plan: everything, keys }));
    const seen = await inspect({ bytes: der });
    expect(seen.signatureAlgorithm).toBe("RSASSA-PSS (sha256)");
    expect(seen.signatureValid).toBe(true);
    expect(seen.subject.map((s) => s.label)).toEqual(["Common name", "Given name", "Initials", "Surname", "Title"]);
    expect(seen.altNames).toContainEqual({ type: "guid", value: "f7c3ac41-b8ce-4fb4-aa58-3d1dc0e36b39" });
    const { plan, notes } = planFromInspection(seen);
    expect(notes).toEqual([]);
    expect(plan.subject).toEqual(everything.subject);
    expect(plan.altNames).toEqual(everything.altNames);
    expect(plan.extendedKeyUsage).toEqual(everything.extendedKeyUsage);
    expect(plan.key.alternateSignature).toBe(true);
  });
});

it("RSA 8192 is offered and makes a request OpenSSL verifies", { timeout: 120_000 }, async () => {
  const plan: RequestPlan = { ...everything, key: { ...everything.key, rsaKeySize: 8192, alternateSignature: false } };
  const keys = await generateKeyPair({ choice: plan.key });
  const der = new Uint8Array(await createPkcs10({ plan, keys }));
  writeFileSync(join(dir, "8192.der"), der);
  const text = execFileSync(
    "openssl",
    ["req", "-inform", "DER", "-in", join(dir, "8192.der"), "-verify", "-noout", "-text"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  ).toString();
  expect(text).toMatch(/Public-Key: \(8192 bit\)/);
  expect(readFileSync(join(dir, "8192.der")).length).toBeGreaterThan(1000);
});
