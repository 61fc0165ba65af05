import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTICLE_INF, parseInf } from "../../test/helpers/inf";
import { fixedRsaPair } from "../../test/helpers/vectors";
import { createPkcs10 } from "./csr";
import { certreqCommands, certreqInf, commandLine, opensslCommands, opensslConfig } from "./native";
import { reverseProxyPlan, type RequestPlan } from "./request";
import { KEY_USAGE_NAMES } from "./usages";
import * as x509 from "@peculiar/x509";

const article = reverseProxyPlan();
const everything: RequestPlan = {
  ...article,
  friendlyName: 'Proxy "blue", farm 2',
  subject: [
    { type: "CN", value: "webext.contoso.com" },
    { type: "O", value: "Contoso, Ltd" },
    { type: "OU", value: "IT" },
    { type: "OU", value: "Web" },
    { type: "L", value: "Zürich" },
    { type: "C", value: "CH" },
  ],
  altNames: [
    { type: "dns", value: "meet.contoso.com" },
    { type: "ipv4", value: "192.0.2.10" },
    { type: "ipv6", value: "2001:db8::10" },
    { type: "email", value: "pki@contoso.com" },
    { type: "url", value: "https://meet.contoso.com/" },
    { type: "upn", value: "svc-proxy@contoso.com" },
    { type: "dn", value: "CN=proxy, O=Contoso" },
  ],
  keyUsageCritical: false,
  extendedKeyUsage: ["1.3.6.1.5.5.7.3.1", "1.2.3.4.5"],
  extendedKeyUsageCritical: true,
  basicConstraints: { enabled: true, ca: false, pathLength: null, critical: true },
};

/** The subject and requested extensions `openssl req -text` prints, less the key identifier (it differs by key). */
function describe_(text: string): string[] {
  const lines = text.split("\n").map((l) => l.trim());
  const from = lines.findIndex((l) => l.startsWith("Requested Extensions:"));
  const to = lines.findIndex((l) => l.startsWith("Signature Algorithm:"));
  const extensions = lines.slice(from, to).filter((_, i, all) => !/Subject Key Identifier/.test(all[i - 1] ?? ""));
  return [lines.find((l) => l.startsWith("Subject:")) ?? "", ...extensions];
}

function opensslText(args: string[], file: string): string {
  const run = spawnSync("openssl", ["req", "-in", file, "-noout", "-text", ...args], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe("opensslConfig", () => {
  it.each<[string, RequestPlan]>([
    ["the article's example", article],
    ["every name type, repeated OUs, quoting, critical EKU and basic constraints", everything],
    [
      "ECDSA P-384 with default extensions suppressed",
      {
        ...article,
        template: "cng",
        suppressDefaultExtensions: true,
        keyUsage: ["digitalSignature"],
        key: { ...article.key, algorithm: "ecdsa-p384", hash: "sha384" },
      },
    ],
  ])("makes, through openssl req -config, the same names and extensions as the wizard: %s", async (_what, plan) => {
    const dir = mkdtempSync(join(tmpdir(), "native-"));
    writeFileSync(join(dir, "r.cnf"), opensslConfig(plan));
    const newkey =
      plan.key.algorithm === "rsa" ? ["-newkey", "rsa:2048"] : ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"];
    const run = spawnSync(
      "openssl",
      [
        "req",
        "-new",
        ...newkey,
        "-nodes",
        "-keyout",
        join(dir, "k.pem"),
        "-config",
        join(dir, "r.cnf"),
        "-out",
        join(dir, "openssl.req"),
      ],
      { encoding: "utf8" },
    );
    expect(run.status, run.stderr).toBe(0);
    writeFileSync(
      join(dir, "wizard.req"),
      new Uint8Array(
        await createPkcs10({
          plan: { ...plan, key: { ...plan.key, algorithm: "rsa", hash: "sha256" } },
          keys: await fixedRsaPair(),
        }),
      ),
    );
    const theirs = describe_(opensslText([], join(dir, "openssl.req")));
    const ours = describe_(opensslText(["-inform", "DER"], join(dir, "wizard.req")));
    expect(theirs.join("\n")).toMatch(/X509v3 Subject Alternative Name/);
    expect(theirs).toEqual(ours);
  });

  it("gives the commands that make an AES-256 encrypted PKCS #8 key and the request, with safe file names", () => {
    expect(opensslCommands(article).map(commandLine)).toEqual([
      "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -aes-256-cbc -out Reverse-Proxy-Listener-for-Lync-Server.key",
      "openssl req -new -key Reverse-Proxy-Listener-for-Lync-Server.key -config Reverse-Proxy-Listener-for-Lync-Server.cnf -out Reverse-Proxy-Listener-for-Lync-Server.req",
    ]);
    expect(certreqCommands(article).map(commandLine)).toEqual([
      "certreq -new Reverse-Proxy-Listener-for-Lync-Server.inf Reverse-Proxy-Listener-for-Lync-Server.req",
    ]);
  });

  it("makes a key with genpkey that Complete the request can open", async () => {
    const dir = mkdtempSync(join(tmpdir(), "native-"));
    const [genpkey] = opensslCommands(article);
    const args = genpkey!.args.map((a) => (a.endsWith(".key") ? join(dir, a) : a));
    const run = spawnSync("openssl", [...args, "-pass", "pass:correct horse battery"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const { openKeyFile } = await import("./private-key");
    const opened = await openKeyFile({
      pem: readFileSync(join(dir, "Reverse-Proxy-Listener-for-Lync-Server.key"), "utf8"),
      passphrase: "correct horse battery",
    });
    expect(opened.spkiSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});

describe("certreqInf", () => {
  it("writes the key usage as the DER bytes of the page's own Key Usage extension, for every choice of usages", async () => {
    const keys = await fixedRsaPair();
    const subsets = KEY_USAGE_NAMES.flatMap((_, i) => [KEY_USAGE_NAMES.slice(0, i + 1), KEY_USAGE_NAMES.slice(i)]);
    for (const keyUsage of subsets) {
      const plan = { ...article, keyUsage };
      const csr = new x509.Pkcs10CertificateRequest(await createPkcs10({ plan, keys }));
      const theirs = Buffer.from(csr.getExtension("2.5.29.15")!.value).toString("hex");
      const inf = parseInf(certreqInf(plan));
      expect(inf.Extensions!["2.5.29.15"]!.replace("{hex}", "").replaceAll(" ", ""), keyUsage.join()).toBe(theirs);
      expect(inf.Extensions!.Critical).toContain("2.5.29.15");
    }
  });

  it("writes every value of the article's example as certreq reads it", () => {
    const inf = parseInf(certreqInf(article));
    expect(inf.Version).toEqual({ Signature: "$Windows NT$" });
    expect(inf.NewRequest).toEqual(ARTICLE_INF.NewRequest);
    expect(inf.Extensions).toEqual(ARTICLE_INF.Extensions);
  });

  it("quotes, joins and flags everything else correctly", () => {
    const inf = parseInf(
      certreqInf({
        ...everything,
        template: "cng",
        key: { ...everything.key, algorithm: "ecdsa-p256" },
        suppressDefaultExtensions: true,
      }),
    );
    expect(inf.NewRequest!.Subject).toBe('CN=webext.contoso.com, O="Contoso, Ltd", OU=IT, OU=Web, L=Zürich, C=CH');
    expect(inf.NewRequest!.FriendlyName).toBe('Proxy "blue", farm 2');
    expect(inf.NewRequest!.KeyAlgorithm).toBe("ECDSA_P256");
    expect(inf.NewRequest!.KeyLength).toBe("256");
    expect(inf.NewRequest!.ProviderName).toBe("Microsoft Software Key Storage Provider");
    expect(inf.NewRequest!.ProviderType).toBeUndefined();
    expect(inf.NewRequest!.SuppressDefaults).toBe("TRUE");
    expect(inf.Extensions!["2.5.29.17"]).toBe(
      "{text}dns=webext.contoso.com&dns=meet.contoso.com&ipaddress=192.0.2.10&ipaddress=2001:db8::10&email=pki@contoso.com&url=https://meet.contoso.com/&upn=svc-proxy@contoso.com&DirectoryName=CN=proxy, O=Contoso",
    );
    expect(inf.Extensions!["2.5.29.37"]).toBe("{text}1.3.6.1.5.5.7.3.1,1.2.3.4.5");
    expect(inf.Extensions!["2.5.29.19"]).toBe("{text}ca=0");
    expect(inf.Extensions!.Critical).toBe("2.5.29.37,2.5.29.19");
  });

  it("writes a GUID as the reference's other-name form, with the bytes of the page's own request", async () => {
    const guid = "f7c3ac41-b8ce-4fb4-aa58-3d1dc0e36b39";
    const plan: RequestPlan = { ...article, altNames: [{ type: "guid", value: guid }] };
    const inf = parseInf(certreqInf(plan));
    const entry = inf.Extensions!["2.5.29.17"]!.split("&").find((e) => e.startsWith("1.3.6.1.4.1.311.25.1="));
    expect(entry).toBe("1.3.6.1.4.1.311.25.1={octet}{hex}41 AC C3 F7 CE B8 B4 4F AA 58 3D 1D C0 E3 6B 39");
    expect(certreqInf(plan)).not.toMatch(/guid=|\bdn=/i);
    // The same 16 bytes as the otherName's OCTET STRING in the request the page makes.
    const csr = new x509.Pkcs10CertificateRequest(await createPkcs10({ plan, keys: await fixedRsaPair() }));
    const san = Buffer.from(csr.getExtension("2.5.29.17")!.value).toString("hex").toUpperCase();
    expect(san).toContain(entry!.split("{hex}")[1]!.replaceAll(" ", ""));
  });

  it("doubles a percent sign, so that no value becomes a %strkey% token", () => {
    const text = certreqInf({
      ...article,
      friendlyName: "100% %windir%",
      subject: [{ type: "O", value: "50% off %USERNAME%" }],
      altNames: [{ type: "url", value: "https://meet.contoso.com/a%20b" }],
    });
    expect(text).toContain('FriendlyName = "100%% %%windir%%"');
    expect(text).toContain('Subject = "O=50%% off %%USERNAME%%"');
    expect(text).toContain('_continue_ = "url=https://meet.contoso.com/a%%20b"');
    const inf = parseInf(text);
    expect(inf.NewRequest!.FriendlyName).toBe("100% %windir%");
    expect(inf.NewRequest!.Subject).toBe("O=50% off %USERNAME%");
  });

  it("writes key type Signature as KeySpec 2", () => {
    expect(
      parseInf(certreqInf({ ...article, key: { ...article.key, keySpec: "signature" } })).NewRequest!.KeySpec,
    ).toBe("2");
  });
});
