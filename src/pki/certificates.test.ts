import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { issue, makeCa, p7b, type TestCa } from "../../test/helpers/ca";
import { fixedRsaPair, hex, vector } from "../../test/helpers/vectors";
import {
  buildChain,
  certificateSpkiSha256,
  CertificateInputError,
  compareWithRequest,
  readCertificates,
  validity,
  windowsThumbprint,
} from "./certificates";
import { createPkcs10 } from "./csr";
import { spkiFingerprint, spkiOfPrivateKeyInfo } from "./keys";
import { readPemBlocks } from "./pem";
import { reverseProxyPlan } from "./request";

let ca: TestCa;
let leaf: string;
const file = (path: string) => new Uint8Array(readFileSync(path));

beforeAll(async () => {
  ca = makeCa();
  const request = join(ca.dir, "webext.req");
  writeFileSync(request, new Uint8Array(await createPkcs10({ plan: reverseProxyPlan(), keys: await fixedRsaPair() })));
  leaf = issue(ca, { request, inform: "DER", out: join(ca.dir, "webext.crt") });
  execFileSync("openssl", ["x509", "-in", leaf, "-outform", "DER", "-out", join(ca.dir, "webext.cer")]);
});

describe("readCertificates", () => {
  it("reads PEM, DER, PEM with text around it, and a .p7b chain in DER and PEM", () => {
    const der = join(ca.dir, "webext.cer");
    execFileSync("openssl", ["x509", "-in", leaf, "-outform", "DER", "-out", der]);
    expect(readCertificates({ bytes: file(leaf) })).toHaveLength(1);
    expect(readCertificates({ bytes: file(der) })[0]!.subject).toBe("CN=webext.contoso.com");
    const noisy = new TextEncoder().encode(
      `Issued by the CA on request 42:\n\n${readFileSync(leaf, "utf8")}\nThank you.\n`,
    );
    expect(readCertificates({ bytes: noisy })).toHaveLength(1);
    const chainDer = p7b([leaf, ca.intermediate], join(ca.dir, "chain.p7b"));
    const chainPem = p7b([leaf, ca.intermediate, ca.root], join(ca.dir, "chain.p7b.pem"), "PEM");
    expect(readCertificates({ bytes: file(chainDer) }).map((c) => c.subject)).toEqual([
      "CN=webext.contoso.com",
      "CN=Contoso Test Issuing CA",
    ]);
    expect(readCertificates({ bytes: file(chainPem) })).toHaveLength(3);
  });

  it.each<[string, () => Uint8Array<ArrayBuffer>, RegExp]>([
    [
      "a request given for a certificate",
      () => file(join(ca.dir, "webext.req")),
      /certificate request, not the certificate/,
    ],
    [
      "a PEM request",
      () => new TextEncoder().encode(readFileSync(join(ca.dir, "webext.req.pem"), "utf8")),
      /certificate request/,
    ],
    ["a truncated DER certificate", () => file(join(ca.dir, "webext.cer")).slice(0, 300), /damaged or cut short/],
    ["an empty .p7b", () => file(p7b([], join(ca.dir, "empty.p7b"))), /no certificate in it/],
    ["a text file", () => new TextEncoder().encode("hello, this is not a certificate"), /not a certificate/],
    ["an empty file", () => new Uint8Array(0), /is empty/],
    [
      "a PEM block with broken Base 64",
      () => new TextEncoder().encode("-----BEGIN CERTIFICATE-----\nMII*\n-----END CERTIFICATE-----\n"),
      /damaged PEM block/,
    ],
    ["a BEGIN without its END", () => new TextEncoder().encode("-----BEGIN CERTIFICATE-----\nMIIB\n"), /cut short/],
  ])("refuses %s with one sentence", (_what, bytes, message) => {
    expect(() => readCertificates({ bytes: bytes(), name: "answer.cer" })).toThrow(CertificateInputError);
    expect(() => readCertificates({ bytes: bytes(), name: "answer.cer" })).toThrow(message);
  });
});

describe("matching, chain and comparison", () => {
  it("matches the leaf to its key by SPKI fingerprint, whether the key comes from WebCrypto or a key file", async () => {
    const [cert] = readCertificates({ bytes: file(leaf) });
    const fromPair = await spkiFingerprint({ publicKey: (await fixedRsaPair()).publicKey });
    expect(await certificateSpkiSha256(cert!)).toBe(fromPair);
    const spki = await spkiOfPrivateKeyInfo({ pkcs8: readPemBlocks(vector("rsa2048.pk8.pem").toString())[0]!.der });
    const openssl = execFileSync("openssl", [
      "pkey",
      "-in",
      new URL("../../test/vectors/rsa2048.pk8.pem", import.meta.url).pathname,
      "-pubout",
      "-outform",
      "DER",
    ]);
    expect(hex(spki)).toBe(hex(openssl));
  });

  it("rebuilds an ECDSA key's public half as OpenSSL does", async () => {
    const spki = await spkiOfPrivateKeyInfo({ pkcs8: readPemBlocks(vector("p256.pk8.pem").toString())[0]!.der });
    const openssl = execFileSync("openssl", [
      "pkey",
      "-in",
      new URL("../../test/vectors/p256.pk8.pem", import.meta.url).pathname,
      "-pubout",
      "-outform",
      "DER",
    ]);
    expect(hex(spki)).toBe(hex(openssl));
  });

  it("builds the chain up to the root when it is given, and says when it stops short", async () => {
    const [cert] = readCertificates({ bytes: file(leaf) });
    const pool = [...readCertificates({ bytes: file(ca.intermediate) }), ...readCertificates({ bytes: file(ca.root) })];
    const full = await buildChain(cert!, pool);
    expect(full.chain.map((c) => c.subject)).toEqual([
      "CN=webext.contoso.com",
      "CN=Contoso Test Issuing CA",
      "CN=Contoso Test Root CA",
    ]);
    expect(full.complete).toBe(true);
    const partial = await buildChain(cert!, pool.slice(0, 1));
    expect(partial.chain).toHaveLength(2);
    expect(partial.complete).toBe(false);
  });

  it("finds nothing dropped when the CA copied the request's extensions", () => {
    const [cert] = readCertificates({ bytes: file(leaf) });
    expect(compareWithRequest(cert!, reverseProxyPlan())).toEqual({
      droppedNames: [],
      addedNames: [],
      droppedKeyUsages: [],
      addedKeyUsages: [],
      droppedExtendedKeyUsages: [],
      addedExtendedKeyUsages: [],
    });
  });

  it("lists the names and usages a CA dropped or added", () => {
    const out = issue(ca, {
      request: join(ca.dir, "webext.req"),
      inform: "DER",
      out: join(ca.dir, "public-ca.crt"),
      extensions:
        "subjectAltName=DNS:webext.contoso.com,DNS:meet.contoso.com,DNS:dialin.contoso.com,DNS:www.contoso.com\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
    });
    const [cert] = readCertificates({ bytes: file(out) });
    const diff = compareWithRequest(cert!, reverseProxyPlan());
    expect(diff.droppedNames).toEqual(["DNS:lyncdiscover.contoso.com"]);
    expect(diff.addedNames).toEqual(["DNS:www.contoso.com"]);
    expect(diff.droppedExtendedKeyUsages).toEqual(["Client Authentication"]);
    expect(diff.addedExtendedKeyUsages).toEqual([]);
  });

  it("shows the SHA-1 thumbprint as Windows does and tells the validity", async () => {
    const [cert] = readCertificates({ bytes: file(leaf) });
    const openssl = execFileSync("openssl", ["x509", "-in", leaf, "-noout", "-fingerprint", "-sha1"], {
      encoding: "utf8",
    });
    expect(await windowsThumbprint(cert!)).toBe(openssl.split("=")[1]!.trim().replace(/:/g, ""));
    expect(validity(cert!).state).toBe("valid");
    expect(validity(cert!, new Date(cert!.notAfter.getTime() + 1000)).state).toBe("expired");
    expect(validity(cert!, new Date(cert!.notBefore.getTime() - 1000)).state).toBe("not-yet-valid");
  });
});
