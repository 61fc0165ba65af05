/**
 * The Open page's reading of the files issue 18 found misread (test/vectors/make-windows-requests.sh), compared
 * field by field with what OpenSSL says of the same bytes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { vector } from "../../test/helpers/vectors";
import { readCertificates } from "./certificates";
import { inspect, InspectError, planFromInspection, signatureSentence, type Inspection } from "./inspect";
import { readPemBlocks, toPem } from "./pem";
import { newP256Key } from "../../test/helpers/openssl-args";

const bytes = (name: string) => new Uint8Array(vector(name));
const text = (t: string) => new TextEncoder().encode(t);
const openssl = (args: string[], input?: Uint8Array) =>
  execFileSync("openssl", args, { input, stdio: ["pipe", "pipe", "pipe"] }).toString();

/** OpenSSL's view of a request or certificate: subject as (OID, value), signature algorithm, key size, verify. */
function opensslView(der: Uint8Array, kind: "req" | "x509") {
  const subject = openssl([kind, "-inform", "DER", "-noout", "-subject", "-nameopt", "sep_multiline,oid,utf8"], der)
    .split("\n")
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [oid, ...value] = l.trim().split("=");
      return { oid: oid!, value: value.join("=") };
    });
  const textOut = openssl([kind, "-inform", "DER", "-noout", "-text"], der);
  const verified = kind === "req" && opensslVerifies(der);
  return {
    subject,
    signature: /Signature Algorithm: (\S+)/.exec(textOut)![1]!,
    bits: Number(/Public-Key: \((\d+) bit\)/.exec(textOut)![1]),
    verified,
  };
}

/** Whether `openssl req -verify` says "verify OK" (it says so on stderr, and exits 0 either way). */
function opensslVerifies(der: Uint8Array): boolean {
  const run = spawnSync("openssl", ["req", "-inform", "DER", "-noout", "-verify"], { input: der });
  return /verify OK/.test(`${run.stdout}${run.stderr}`);
}

/** The hex OpenSSL's asn1parse dumps for the OCTET STRING that follows the line ending in `after`. */
function octetsAfter(der: Uint8Array, after: string): string {
  const lines = openssl(["asn1parse", "-inform", "DER"], der).split("\n");
  const at = lines.findIndex((l) => l.endsWith(`:${after}`));
  expect(at).toBeGreaterThan(-1);
  return /\[HEX DUMP\]:([0-9A-F]+)/.exec(lines.slice(at + 1).find((l) => l.includes("OCTET STRING"))!)![1]!;
}

/** Algorithm names compared as OpenSSL spells them (dsa_with_SHA256, dsaWithSHA1) and as their RFCs do. */
const normalized = (name: string) =>
  name
    .replace(/^id-/, "")
    .replace(/[^a-z0-9]/gi, "")
    .toLowerCase();

function compareWithOpenssl(seen: Inspection, der: Uint8Array, kind: "req" | "x509") {
  const theirs = opensslView(der, kind);
  expect(seen.subject.map((s) => ({ oid: s.oid, value: s.value }))).toEqual(theirs.subject);
  expect(normalized(seen.signatureAlgorithm)).toBe(normalized(theirs.signature));
  expect(seen.key.description).toMatch(new RegExp(`\\(${theirs.bits} bits\\)|P-${theirs.bits}$`));
  return theirs;
}

const REQUESTS = [
  // file, signature check the page must give, what OpenSSL's verify said must be "OK"
  ["windows-pkcs9.csr.der", "verifies"],
  ["windows-name-value.csr.der", "verifies"],
  ["subject-attributes.csr.der", "verifies"],
  ["sha1.csr.der", "verifies"],
  ["ecdsa-sha1.csr.der", "verifies"],
  ["md5.csr.der", "cannot be checked"],
  ["dsa.csr.der", "cannot be checked"],
] as const;

describe.each(REQUESTS)("the request %s", (file, check) => {
  it(`reads as OpenSSL does, field by field, and its signature ${check}`, async () => {
    const der = bytes(file);
    const seen = await inspect({ bytes: der });
    const theirs = compareWithOpenssl(seen, der, "req");
    expect(theirs.verified).toBe(true);
    expect(seen.signatureCheck).toBe(check);
    // An authentic request is never called tampered: false only for a signature checked and failed.
    expect(seen.signatureValid).toBe(check === "verifies" ? true : null);
  });
});

describe("signatures a browser cannot check, or a CA refuses", () => {
  it("names md5WithRSAEncryption and dsa-with-sha256, and says they cannot be checked here, not that they fail", async () => {
    const md5 = await inspect({ bytes: bytes("md5.csr.der") });
    expect(md5.signatureAlgorithm).toBe("md5WithRSAEncryption");
    expect(signatureSentence(md5)).toEqual({
      tone: "warning",
      text: expect.stringMatching(
        /^The request's signature \(md5WithRSAEncryption\) cannot be checked in a browser, which has no MD5: .* A CA will refuse a request signed with MD5/,
      ),
    });
    const dsa = await inspect({ bytes: bytes("dsa.csr.der") });
    expect(dsa.signatureAlgorithm).toBe("dsa-with-sha256");
    expect(dsa.key.description).toBe("DSA (2048 bits)");
    expect(signatureSentence(dsa)?.text).toContain("which has no DSA");
    expect(signatureSentence(dsa)?.text).not.toContain("refuse");
  });

  it("checks SHA-1 with WebCrypto and says a CA will refuse it", async () => {
    const sha1 = await inspect({ bytes: bytes("sha1.csr.der") });
    expect(sha1.refusedHash).toBe(true);
    expect(signatureSentence(sha1)).toEqual({
      tone: "warning",
      text: expect.stringContaining(
        "verifies: it was signed by the key it carries. A CA will refuse a request signed with SHA-1",
      ),
    });
    expect(planFromInspection(sha1).notes).toContain(
      "The request was signed with sha1WithRSAEncryption; the new one uses sha256.",
    );
  });

  it("says a SHA-1 or ECDSA-SHA1 request changed after signing does not verify, as OpenSSL says", async () => {
    for (const file of ["sha1.csr.der", "ecdsa-sha1.csr.der"]) {
      const changed = bytes(file);
      changed[changed.length - 3] = changed[changed.length - 3]! ^ 0x01;
      expect(opensslVerifies(changed)).toBe(false);
      const seen = await inspect({ bytes: changed });
      expect(seen.signatureCheck).toBe("does not verify");
      expect(seen.signatureValid).toBe(false);
      expect(signatureSentence(seen)?.tone).toBe("error");
    }
  });
});

describe("a request wrapped in CMC or PKCS #7", () => {
  let plain: Inspection;
  beforeAll(async () => {
    plain = await inspect({ bytes: bytes("windows-pkcs9.csr.der") });
  });

  it.each([
    ["windows-cmc.req", "cmc", /wrapped in CMC/],
    ["windows-pkcs7.p7b.der", "pkcs7", /wrapped in a PKCS #7/],
  ] as const)("%s shows the PKCS #10 inside, verified, and says how it came", async (file, wrapping, note) => {
    const seen = await inspect({ bytes: bytes(file) });
    // OpenSSL finds the same PKCS #10 in the SignedData's encapsulated content, byte for byte.
    const der = file.endsWith(".req") ? readPemBlocks(vector(file).toString())[0]!.der : bytes(file);
    const content = octetsAfter(der, wrapping === "cmc" ? "id-cct-PKIData" : "pkcs7-data");
    expect(content).toContain(vector("windows-pkcs9.csr.der").toString("hex").toUpperCase());
    expect(seen.wrapping).toBe(wrapping);
    expect(seen.notes).toEqual([expect.stringMatching(note)]);
    expect(seen.signatureCheck).toBe("verifies");
    const { thumbprints: _a, wrapping: _b, notes: _c, ...fields } = seen;
    const { thumbprints: _d, wrapping: _e, notes: _f, ...plainFields } = plain;
    expect(fields).toEqual(plainFields);
    const { plan, notes } = planFromInspection(seen);
    expect(notes).toEqual([]);
    expect(plan.altNames).toHaveLength(4);
  });

  it("a damaged request inside is said in the admin's words", async () => {
    const der = readPemBlocks(vector("windows-cmc.req").toString())[0]!.der;
    // The inner request's subject CN value, first byte of "webext": still DER, no longer a PKCS #10 the parser takes.
    const at = Buffer.from(der).indexOf(Buffer.from(vector("windows-pkcs9.csr.der").subarray(0, 4)));
    const broken = der.slice();
    broken[at + 8] = 0x05; // the CertificationRequestInfo's version INTEGER made a NULL
    await expect(inspect({ bytes: broken })).rejects.toThrow(
      new InspectError("The request inside the CMC or PKCS #7 wrapping is damaged: it cannot be decoded."),
    );
  });
});

describe("names shown as certlm.msc shows them", () => {
  it("subject attributes beyond the wizard's have their names", async () => {
    const seen = await inspect({ bytes: bytes("subject-attributes.csr.der") });
    expect(seen.subject.map((s) => `${s.type} (${s.label})`)).toEqual([
      "CN (Common name)",
      "O (Organization)",
      "STREET (Street address)",
      "PostalCode (Postal code)",
      "SERIALNUMBER (Serial number)",
      "Description (Description)",
      "Phone (Telephone number)",
      "BusinessCategory (Business category)",
      "POBox (Post office box)",
      "jurisdictionC (Jurisdiction country)",
      "jurisdictionST (Jurisdiction state or province)",
      "jurisdictionL (Jurisdiction locality)",
      "OrganizationIdentifier (Organization identifier)",
      "UID (User ID)",
      "DC (Domain component)",
      "T (Title)",
      "G (Given name)",
    ]);
  });

  it("Microsoft's template and application policy extensions are decoded, matching OpenSSL's parse of each value", async () => {
    const der = bytes("ms-template.crt.der");
    const seen = await inspect({ bytes: der });
    const values = Object.fromEntries(seen.otherExtensions.map((e) => [e.oid, e.value]));
    expect(values).toMatchObject({
      "1.3.6.1.4.1.311.21.7":
        "Template=1.3.6.1.4.1.311.21.8.8620144.13291137.2117830.9043856.15434148.150.11111.4242, Major Version Number=100, Minor Version Number=4",
      "1.3.6.1.4.1.311.20.2": "WebServer",
      "1.3.6.1.4.1.311.21.10": "Server Authentication (1.3.6.1.5.5.7.3.1), Client Authentication (1.3.6.1.5.5.7.3.2)",
    });
    // OpenSSL's own parse of each extension value (asn1parse -strparse at the OCTET STRING after its OID).
    const lines = openssl(["asn1parse", "-inform", "DER"], der).split("\n");
    const parsed = (oid: string) => {
      const at = lines.findIndex((l) => l.endsWith(`:${oid}`));
      const offset = /^\s*(\d+):/.exec(lines.slice(at + 1).find((l) => l.includes("OCTET STRING"))!)![1]!;
      return openssl(["asn1parse", "-inform", "DER", "-strparse", offset], der);
    };
    expect(parsed("1.3.6.1.4.1.311.21.7")).toMatch(
      /OBJECT\s+:1\.3\.6\.1\.4\.1\.311\.21\.8\.8620144\.13291137\.2117830\.9043856\.15434148\.150\.11111\.4242[\s\S]*INTEGER\s+:64[\s\S]*INTEGER\s+:04/,
    );
    expect(parsed("1.3.6.1.4.1.311.21.10")).toMatch(
      /TLS Web Server Authentication[\s\S]*TLS Web Client Authentication/,
    );
    // asn1parse names a BMPString without printing it: its UTF-16BE bytes are in the OCTET STRING's dump.
    const name = Buffer.from(octetsAfter(der, "1.3.6.1.4.1.311.20.2"), "hex");
    expect(parsed("1.3.6.1.4.1.311.20.2")).toMatch(/BMPSTRING/);
    expect(Buffer.from(name.subarray(2)).swap16().toString("utf16le")).toBe("WebServer");
    expect(compareWithOpenssl(seen, der, "x509").bits).toBe(2048);
  });

  it("a damaged template extension is shown raw, and the rest still read", async () => {
    const der = bytes("ms-template.crt.der");
    const name = Buffer.from(der).indexOf(Buffer.from("\x1e\x12\x00W", "latin1")); // BMPString "WebServer"
    const changed = der.slice();
    changed[name] = 0x02; // now an INTEGER
    const seen = await inspect({ bytes: changed });
    const template = seen.otherExtensions.find((e) => e.oid === "1.3.6.1.4.1.311.20.2")!;
    expect(template.value).toBeNull();
    expect(template.hex).toMatch(/^02 12 00 57/);
    expect(seen.subject[0]!.value).toBe("webext.contoso.com");
  });

  it("Microsoft's name-value pairs read Name: value", async () => {
    const seen = await inspect({ bytes: bytes("windows-name-value.csr.der") });
    expect(seen.attributes.filter((a) => a.oid === "1.3.6.1.4.1.311.13.2.1").map((a) => a.value)).toEqual([
      "CertificateTemplate: WebServer",
      "SAN: dns=webext.contoso.com&dns=meet.contoso.com",
    ]);
  });
});

describe("a text holding a request among other text", () => {
  const request = () => readFileSync(new URL("../../test/vectors/windows-pkcs9.csr.der.pem", import.meta.url), "utf8");
  const key = () => vector("rsa2048.pk8.pem").toString();

  it("opens the one request among other PEM blocks and says which block it was", async () => {
    const mail = `Hello,\n\nhere is the key and the request.\n\n${key()}\n${request()}\nRegards`;
    const seen = await inspect({ bytes: text(mail) });
    expect(seen.kind).toBe("request");
    expect(seen.subject[0]!.value).toBe("webext.contoso.com");
    expect(seen.notes).toEqual([
      "This text holds 2 PEM blocks; the second (CERTIFICATE REQUEST) was opened and the rest was ignored.",
    ]);
  });

  it("of several requests and certificates opens the first request and counts the others", async () => {
    const cert = vector("webext.crt").toString();
    const seen = await inspect({ bytes: text(cert + request() + request()) });
    expect(seen.kind).toBe("request");
    expect(seen.notes).toEqual([
      "This text holds 3 PEM blocks; the second (CERTIFICATE REQUEST) was opened, the first request; 2 other requests or certificates were ignored.",
    ]);
  });

  it("of a chain opens the end certificate, whatever the order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chain-"));
    openssl([
      "req",
      "-x509",
      ...newP256Key(join(dir, "ca.key")),
      "-subj",
      "/CN=Issuing CA",
      "-out",
      join(dir, "ca.crt"),
    ]);
    openssl([
      "req",
      "-new",
      ...newP256Key(join(dir, "leaf.key")),
      "-subj",
      "/CN=leaf.contoso.com",
      "-out",
      join(dir, "leaf.csr"),
    ]);
    openssl([
      "x509",
      "-req",
      "-in",
      join(dir, "leaf.csr"),
      "-CA",
      join(dir, "ca.crt"),
      "-CAkey",
      join(dir, "ca.key"),
      "-set_serial",
      "7",
      "-out",
      join(dir, "leaf.crt"),
    ]);
    const chain = readFileSync(join(dir, "ca.crt"), "utf8") + readFileSync(join(dir, "leaf.crt"), "utf8");
    const seen = await inspect({ bytes: text(chain) });
    expect(seen.subject[0]!.value).toBe("leaf.contoso.com");
    expect(seen.notes[0]).toMatch(
      /the second \(CERTIFICATE\) was opened, the end certificate of the chain; 1 other certificate was ignored\./,
    );
    // The Complete page still reads the whole chain from the same text.
    expect(readCertificates({ bytes: text(chain) }).map((c) => c.subject)).toEqual([
      "CN=Issuing CA",
      "CN=leaf.contoso.com",
    ]);
  });
});

describe("a DER certificate carrying another certificate's PEM text in an extension", () => {
  let crafted: Uint8Array<ArrayBuffer>;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "hidden-"));
    const hidden = vector("webext.crt")
      .toString()
      .replace(/\s+/g, "")
      .replace("-----BEGINCERTIFICATE-----", "-----BEGIN CERTIFICATE-----")
      .replace("-----ENDCERTIFICATE-----", "-----END CERTIFICATE-----");
    writeFileSync(
      join(dir, "ext.cnf"),
      `[req]\ndistinguished_name=dn\n[dn]\n[ext]\n1.2.3.4=ASN1:UTF8String:${hidden}\n`,
    );
    openssl([
      "req",
      "-x509",
      ...newP256Key(join(dir, "k.pem")),
      "-subj",
      "/CN=outer.contoso.com",
      "-config",
      join(dir, "ext.cnf"),
      "-extensions",
      "ext",
      "-outform",
      "DER",
      "-out",
      join(dir, "outer.der"),
    ]);
    crafted = new Uint8Array(readFileSync(join(dir, "outer.der")));
  });

  it("holds PEM text a PEM search would find (the test can fail)", () => {
    const found = readPemBlocks(new TextDecoder().decode(crafted));
    expect(found.map((b) => b.label)).toEqual(["CERTIFICATE"]);
    expect(openssl(["x509", "-inform", "DER", "-noout", "-subject"], found[0]!.der)).not.toContain("outer");
  });

  it("is shown as itself on the Open page, not as the hidden one", async () => {
    const seen = await inspect({ bytes: crafted });
    expect(seen.subject[0]!.value).toBe("outer.contoso.com");
    expect(seen.otherExtensions.find((e) => e.oid === "1.2.3.4")).toBeDefined();
  });

  it("is loaded as itself on the Complete page", () => {
    expect(readCertificates({ bytes: crafted, name: "outer.cer" }).map((c) => c.subject)).toEqual([
      "CN=outer.contoso.com",
    ]);
  });

  it("as PEM text is still read as PEM: only its own block, not the one inside it", async () => {
    const pem = text(toPem({ label: "CERTIFICATE", der: crafted }));
    expect((await inspect({ bytes: pem })).subject[0]!.value).toBe("outer.contoso.com");
  });
});

describe("library messages never reach the admin", () => {
  const nested = (depth: number) => new Uint8Array(Array.from({ length: depth }, () => [0x30, 0x80]).flat());

  it.each([
    ["DER nested thousands deep", () => nested(5000)],
    [
      "a SEQUENCE of nested indefinite lengths cut short",
      () => new Uint8Array([0x30, 0x82, 0x01, 0x00, ...nested(300)]),
    ],
    ["a CMC wrapper around nothing", () => readPemBlocks(vector("windows-cmc.req").toString())[0]!.der.slice(0, 60)],
  ])("%s gets one sentence of ours", async (_, input) => {
    const error = await inspect({ bytes: input() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InspectError);
    expect((error as Error).message).not.toMatch(/ASN|Maximum|stack|undefined|TypeError|RangeError/);
    let thrown: unknown;
    try {
      readCertificates({ bytes: input(), name: "x.cer" });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).name).toBe("CertificateInputError");
    expect((thrown as Error).message).not.toMatch(/ASN|Maximum|stack|undefined|TypeError|RangeError/);
  });
});
