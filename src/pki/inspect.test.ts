import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { issue, makeCa } from "../../test/helpers/ca";
import { fixedRsaPair } from "../../test/helpers/vectors";
import { createPkcs10 } from "./csr";
import { inspect, InspectError, inspectionFacts, planFromInspection } from "./inspect";
import { preflight } from "./lint";
import { toWindowsRequestBase64 } from "./pem";
import { reverseProxyPlan } from "./request";
import { newP256Key } from "../../test/helpers/openssl-args";

let dir: string;
const bytes = (path: string) => new Uint8Array(readFileSync(path));
const text = (t: string) => new TextEncoder().encode(t);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "inspect-"));
  writeFileSync(
    join(dir, "mixed.cnf"),
    [
      "[req]",
      "prompt = no",
      "distinguished_name = dn",
      "req_extensions = ext",
      "[dn]",
      "CN = webext.contoso.com",
      "O = Contoso Ltd",
      "serialNumber = 42",
      "[ext]",
      "subjectAltName = @alt",
      "keyUsage = digitalSignature",
      "extendedKeyUsage = critical, serverAuth",
      "1.2.3.4 = ASN1:UTF8String:custom",
      "[alt]",
      "DNS.1 = webext.contoso.com",
      "DNS.2 = meet.contoso.com",
      "IP.1 = 192.0.2.10",
      "IP.2 = 2001:db8::10",
      "email.1 = pki@contoso.com",
      "URI.1 = https://meet.contoso.com/",
      "otherName.1 = 1.3.6.1.4.1.311.20.2.3;UTF8:svc@contoso.com",
      "dirName.1 = dir",
      "[dir]",
      "CN = proxy",
    ].join("\n"),
  );
  execFileSync(
    "openssl",
    [
      "req",
      "-new",
      ...newP256Key(join(dir, "k.pem")),
      "-config",
      join(dir, "mixed.cnf"),
      "-out",
      join(dir, "mixed.csr"),
    ],
    { stdio: "pipe" },
  );
});

describe("inspect", () => {
  it("decodes every field of a request OpenSSL made with a mix of name types", async () => {
    const i = await inspect({ bytes: bytes(join(dir, "mixed.csr")) });
    expect(i.kind).toBe("request");
    expect(i.subject).toEqual([
      { oid: "2.5.4.3", type: "CN", label: "Common name", value: "webext.contoso.com", stringType: "UTF8String" },
      { oid: "2.5.4.10", type: "O", label: "Organization", value: "Contoso Ltd", stringType: "UTF8String" },
      { oid: "2.5.4.5", type: "SERIALNUMBER", label: "Serial number", value: "42", stringType: "PrintableString" },
    ]);
    expect(i.altNames).toEqual([
      { type: "dns", value: "webext.contoso.com" },
      { type: "dns", value: "meet.contoso.com" },
      { type: "ipv4", value: "192.0.2.10" },
      { type: "ipv6", value: "2001:db8::10" },
      { type: "email", value: "pki@contoso.com" },
      { type: "url", value: "https://meet.contoso.com/" },
      { type: "upn", value: "svc@contoso.com" },
      { type: "dn", value: "CN=proxy" },
    ]);
    expect(i.keyUsage).toEqual({ usages: ["digitalSignature"], critical: false });
    expect(i.extendedKeyUsage).toEqual({ oids: ["1.3.6.1.5.5.7.3.1"], critical: true });
    expect(i.key.description).toBe("ECDSA P-256");
    expect(i.signatureAlgorithm).toBe("ecdsa-with-SHA256");
    expect(i.signatureValid).toBe(true);
    expect(i.otherExtensions).toEqual([
      { oid: "1.2.3.4", name: "(not known here)", critical: false, hex: "0c 06 63 75 73 74 6f 6d", value: null },
    ]);
    const der = execFileSync("openssl", ["req", "-in", join(dir, "mixed.csr"), "-outform", "DER"]);
    expect(i.thumbprints.sha256).toBe(
      execFileSync("openssl", ["dgst", "-sha256", "-r"], { input: der }).toString().split(" ")[0]!.toUpperCase(),
    );
  });

  it("reads the Windows NEW CERTIFICATE REQUEST armour, and shows a broken signature as broken", async () => {
    const der = new Uint8Array(await createPkcs10({ plan: reverseProxyPlan(), keys: await fixedRsaPair() }));
    const good = await inspect({ bytes: text(toWindowsRequestBase64(der)) });
    expect(good.signatureValid).toBe(true);
    expect(good.key.description).toBe("RSA (2048 bits)");
    const broken = der.slice();
    broken[broken.length - 5] = broken[broken.length - 5]! ^ 0xff;
    expect((await inspect({ bytes: broken })).signatureValid).toBe(false);
  });

  it("decodes a certificate with its issuer, validity and the extensions it knows by name", async () => {
    const ca = makeCa();
    const leaf = issue(ca, { request: join(dir, "mixed.csr"), out: join(dir, "mixed.crt") });
    const i = await inspect({ bytes: bytes(leaf) });
    expect(i.kind).toBe("certificate");
    expect(i.issuer).toBe("CN=Contoso Test Issuing CA");
    expect(i.validity?.state).toBe("valid");
    expect(i.otherExtensions.map((e) => e.name)).toEqual(
      expect.arrayContaining(["Subject Key Identifier", "Authority Key Identifier"]),
    );
  });

  it.each<[string, () => Uint8Array<ArrayBuffer>, RegExp]>([
    ["neither", () => text("just some text, no request here"), /neither a certificate request nor a certificate/],
    [
      "a text of PEM blocks none of which is a request or certificate",
      () => text(readFileSync(join(dir, "k.pem"), "utf8") + readFileSync(join(dir, "k.pem"), "utf8")),
      /holds 2 PEM blocks \(PRIVATE KEY, PRIVATE KEY\) and none is a certificate request or a certificate/,
    ],
    ["a 5 MB file", () => new Uint8Array(5 * 1024 * 1024), /5\.0 MB/],
    ["an empty file", () => new Uint8Array(0), /empty/],
    ["a private key", () => bytes(join(dir, "k.pem")), /PRIVATE KEY, not a certificate request/],
  ])("refuses %s with one sentence", async (_what, input, message) => {
    await expect(inspect({ bytes: input() })).rejects.toThrow(InspectError);
    await expect(inspect({ bytes: input() })).rejects.toThrow(message);
  });
});

describe("planFromInspection", () => {
  it("starts a renewal with the same names, usages and key, and says what it left out", async () => {
    const i = await inspect({ bytes: bytes(join(dir, "mixed.csr")) });
    const { plan, notes } = planFromInspection(i);
    expect(plan.subject).toEqual([
      { type: "CN", value: "webext.contoso.com" },
      { type: "O", value: "Contoso Ltd" },
    ]);
    expect(notes).toEqual(["The subject attribute SERIALNUMBER (42) is not one the wizard writes: it was left out."]);
    expect(plan.altNames.map((n) => n.value)).toEqual(i.altNames.map((n) => n.value));
    expect(plan.key.algorithm).toBe("ecdsa-p256");
    expect(plan.template).toBe("cng");
    expect(plan.extendedKeyUsageCritical).toBe(true);
    expect(plan.description).toBe("Renewal of webext.contoso.com");
  });

  it("round-trips the article's request", async () => {
    const der = new Uint8Array(await createPkcs10({ plan: reverseProxyPlan(), keys: await fixedRsaPair() }));
    const i = await inspect({ bytes: der });
    const { plan } = planFromInspection(i);
    const original = reverseProxyPlan();
    expect(plan.subject).toEqual(original.subject);
    expect(plan.altNames).toEqual(original.altNames);
    expect(plan.keyUsage).toEqual(original.keyUsage);
    expect(plan.extendedKeyUsage).toEqual(original.extendedKeyUsage);
    expect(plan.key).toEqual(original.key);
    expect(preflight(inspectionFacts(i), "public").map((f) => f.id)).toEqual(["example-names", "client-auth"]);
  });
});
