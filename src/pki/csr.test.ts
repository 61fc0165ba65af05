import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as x509 from "@peculiar/x509";
import { describe, expect, it } from "vitest";
import { fixedRsaPair, hex, vector } from "../../test/helpers/vectors";
import { createPkcs10, generalNamesDer, requestExtensions, toName } from "./csr";
import { generateKeyPair } from "./keys";
import { blankPlan, HASHES, reverseProxyPlan, type RequestPlan, type RsaKeySize } from "./request";
import { CLIENT_AUTH, SERVER_AUTH } from "./usages";

describe("toName", () => {
  it("writes PrintableString where it fits, UTF8String otherwise, IA5String for Email and DC, in the order added", () => {
    const der = toName([
      { type: "CN", value: "webext.contoso.com" },
      { type: "O", value: "Bücher GmbH" },
      { type: "E", value: "pki@contoso.com" },
      { type: "DC", value: "contoso" },
      { type: "C", value: "DE" },
    ]).toArrayBuffer();
    // Checked with `openssl asn1parse -inform DER`: PRINTABLESTRING, UTF8STRING, IA5STRING, IA5STRING, PRINTABLESTRING.
    expect(hex(der)).toBe(
      "307a311b3019060355040313127765626578742e636f6e746f736f2e636f6d31153013060355040a0c0c42c3bc6368657220476d6248" +
        "311e301c06092a864886f70d010901160f706b6940636f6e746f736f2e636f6d31173015060a0992268993f22c6401191607636f6e746f736f" +
        "310b3009060355040613024445",
    );
  });
});

describe("generalNamesDer", () => {
  it("encodes DNS, IPv4, IPv6, Email, URL, UPN (otherName UTF8String) and Directory name", () => {
    const der = generalNamesDer([
      { type: "dns", value: "a.example" },
      { type: "ipv4", value: "192.0.2.1" },
      { type: "ipv6", value: "2001:db8::1" },
      { type: "email", value: "a@b.example" },
      { type: "url", value: "https://a.example/" },
      { type: "upn", value: "u@b.example" },
      { type: "dn", value: "CN=x, O=y" },
    ]);
    expect(hex(der)).toBe(
      "307d" +
        "8209612e6578616d706c65" + // [2] dNSName
        "8704c0000201" + // [7] iPAddress, 4 bytes
        "871020010db8000000000000000000000001" + // [7] iPAddress, 16 bytes
        "810b6140622e6578616d706c65" + // [1] rfc822Name
        "861268747470733a2f2f612e6578616d706c652f" + // [6] uniformResourceIdentifier
        "a01b060a2b060104018237140203a00d0c0b7540622e6578616d706c65" + // [0] otherName 1.3.6.1.4.1.311.20.2.3, [0] UTF8String
        "a41a3018310a30080603550403130178310a3008060355040a130179", // [4] directoryName
    );
  });
});

describe("createPkcs10", () => {
  it("makes the article's reverse-proxy request byte for byte as OpenSSL does from the same key", async () => {
    const der = await createPkcs10({ plan: reverseProxyPlan(), keys: await fixedRsaPair() });
    expect(hex(der)).toBe(hex(vector("reverse-proxy.openssl.csr.der")));
  });

  const combos: [RequestPlan["key"]["algorithm"], RsaKeySize, RequestPlan["key"]["hash"], string][] = [];
  for (const hash of HASHES) {
    for (const size of [2048, 3072, 4096] as const)
      combos.push(["rsa", size, hash, `sha${hash.slice(3)}WithRSAEncryption`]);
    for (const curve of ["ecdsa-p256", "ecdsa-p384"] as const)
      combos.push([curve, 2048, hash, `ecdsa-with-SHA${hash.slice(3)}`]);
  }
  it.each(combos)(
    "signs a %s (RSA size %i) request with %s that openssl verifies as %s",
    async (algorithm, rsaKeySize, hash, name) => {
      const plan: RequestPlan = {
        ...reverseProxyPlan(),
        template: "cng",
        key: { algorithm, rsaKeySize, keySpec: "exchange", hash, alternateSignature: false },
      };
      const keys = await generateKeyPair({ choice: plan.key });
      const der = await createPkcs10({ plan, keys });
      expect(await new x509.Pkcs10CertificateRequest(der).verify()).toBe(true);
      const file = join(mkdtempSync(join(tmpdir(), "csr-")), "r.der");
      writeFileSync(file, new Uint8Array(der));
      const run = spawnSync("openssl", ["req", "-in", file, "-inform", "DER", "-noout", "-verify", "-text"], {
        encoding: "utf8",
      });
      expect(run.status).toBe(0);
      expect(run.stdout + run.stderr).toContain("verify OK");
      expect(run.stdout).toContain(`Signature Algorithm: ${name}`);
      expect(run.stdout).toContain(
        algorithm === "rsa" ? `Public-Key: (${rsaKeySize} bit)` : `NIST CURVE: P-${algorithm.slice(7)}`,
      );
    },
  );
});

describe("requestExtensions", () => {
  const oids = (exts: x509.Extension[]) => exts.map((e) => `${e.type}${e.critical ? "!" : ""}`);

  it("keeps each critical flag exactly as chosen", async () => {
    const { publicKey } = await fixedRsaPair();
    const plan: RequestPlan = {
      ...reverseProxyPlan(),
      keyUsageCritical: false,
      extendedKeyUsageCritical: true,
      basicConstraints: { enabled: true, ca: false, pathLength: null, critical: false },
    };
    expect(oids(await requestExtensions({ plan, publicKey }))).toEqual([
      "2.5.29.17",
      "2.5.29.15",
      "2.5.29.37!",
      "2.5.29.19",
      "2.5.29.14",
    ]);
  });

  it("adds the default key usage and Subject Key Identifier unless default extensions are suppressed", async () => {
    const { publicKey } = await fixedRsaPair();
    const plan: RequestPlan = { ...blankPlan(), subject: [{ type: "CN", value: "a.example" }] };
    const withDefaults = await requestExtensions({ plan, publicKey });
    expect(oids(withDefaults)).toEqual(["2.5.29.17", "2.5.29.15!", "2.5.29.14"]);
    expect(new x509.KeyUsagesExtension(withDefaults[1]!.rawData).usages).toBe(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
    );
    const suppressed = await requestExtensions({ plan: { ...plan, suppressDefaultExtensions: true }, publicKey });
    expect(oids(suppressed)).toEqual(["2.5.29.17"]);
  });

  it("makes the SAN critical when the subject is empty (RFC 5280 4.2.1.6)", async () => {
    const { publicKey } = await fixedRsaPair();
    const plan: RequestPlan = {
      ...blankPlan(),
      suppressDefaultExtensions: true,
      altNames: [{ type: "dns", value: "a.example" }],
    };
    expect(oids(await requestExtensions({ plan, publicKey }))).toEqual(["2.5.29.17!"]);
  });

  it("writes custom EKU OIDs beside MMC's", async () => {
    const { publicKey } = await fixedRsaPair();
    const plan: RequestPlan = { ...reverseProxyPlan(), extendedKeyUsage: [SERVER_AUTH, CLIENT_AUTH, "1.2.3.4.5"] };
    const eku = (await requestExtensions({ plan, publicKey })).find((e) => e.type === "2.5.29.37")!;
    expect(new x509.ExtendedKeyUsageExtension(eku.rawData).usages).toEqual([SERVER_AUTH, CLIENT_AUTH, "1.2.3.4.5"]);
  });
});
