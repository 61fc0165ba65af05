import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { issue, makeCa, type TestCa } from "../../test/helpers/ca";
import { vector } from "../../test/helpers/vectors";
import { readPemBlocks } from "./pem";
import { pemBundle } from "./pem-bundles";
import { encryptedKeyPem, encryptPrivateKeyInfo } from "./private-key";

const PASSWORD = "export password, not the key's";
const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: ["ignore", "pipe", "pipe"] }).toString();
const der = (pemFile: string) => readPemBlocks(readFileSync(pemFile, "utf8"))[0]!.der;

let ca: TestCa;
let dir: string;
let leaf: string;
let keyPem: string;
beforeAll(async () => {
  ca = makeCa();
  dir = mkdtempSync(join(tmpdir(), "bundles-"));
  writeFileSync(join(dir, "key.pem"), vector("rsa2048.pk8.pem"));
  openssl("req", "-new", "-key", join(dir, "key.pem"), "-subj", "/CN=webext.contoso.com", "-out", join(dir, "r.csr"));
  leaf = issue(ca, { request: join(dir, "r.csr"), out: join(dir, "leaf.pem") });
  const pkcs8 = readPemBlocks(vector("rsa2048.pk8.pem").toString())[0]!.der;
  keyPem = encryptedKeyPem(await encryptPrivateKeyInfo({ pkcs8, passphrase: PASSWORD, iterations: 2_000 }));
});

function write(target: "nginx" | "haproxy" | "apache", stem = "webext contoso; rm -rf /") {
  const bundle = pemBundle({
    target,
    stem,
    leaf: new Uint8Array(der(leaf)),
    chain: [new Uint8Array(der(ca.intermediate))],
    encryptedKeyPem: keyPem,
  });
  for (const f of bundle.files) writeFileSync(join(dir, f.name), f.content);
  return bundle;
}

const publicKeyOf = (cert: string) => openssl("x509", "-in", cert, "-noout", "-pubkey");

describe("NGINX: fullchain.pem and an encrypted privkey.pem", () => {
  it("OpenSSL verifies the fullchain with -untrusted and opens the key with the export password", () => {
    const bundle = write("nginx");
    expect(bundle.files.map((f) => f.name)).toEqual([
      "webext-contoso--rm--rf.fullchain.pem",
      "webext-contoso--rm--rf.privkey.pem",
    ]);
    const fullchain = join(dir, bundle.files[0]!.name);
    expect(openssl("verify", "-CAfile", ca.root, "-untrusted", fullchain, fullchain)).toContain(": OK");
    expect(readFileSync(fullchain, "utf8").match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    const key = join(dir, bundle.files[1]!.name);
    expect(readFileSync(key, "utf8")).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(openssl("pkey", "-in", key, "-passin", `pass:${PASSWORD}`, "-pubout")).toBe(publicKeyOf(leaf));
    expect(openssl("pkcs8", "-in", key, "-passin", `pass:${PASSWORD}`, "-topk8", "-nocrypt")).toContain("PRIVATE KEY");
    expect(bundle.config.join("\n")).toContain("ssl_password_file");
  });
});

describe("Apache: certificate, chain and key", () => {
  it("writes three files whose chain verifies the certificate, and SSLPassPhraseDialog for the key", () => {
    const bundle = write("apache", "webext");
    const [crt, chain, key] = bundle.files.map((f) => join(dir, f.name));
    expect(openssl("verify", "-CAfile", ca.root, "-untrusted", chain!, crt!)).toContain(": OK");
    expect(openssl("pkey", "-in", key!, "-passin", `pass:${PASSWORD}`, "-pubout")).toBe(publicKeyOf(leaf));
    expect(bundle.config).toContain("SSLPassPhraseDialog     exec:/etc/ssl/webext.pass.sh");
  });
});

describe("HAProxy: one PEM, key first", () => {
  it("becomes, with the server-side commands its steps give, a file OpenSSL reads as key, certificate and chain", () => {
    const bundle = write("haproxy", "webext");
    const file = join(dir, bundle.files[0]!.name);
    const blocks = readPemBlocks(readFileSync(file, "utf8")).map((b) => b.label);
    expect(blocks).toEqual(["ENCRYPTED PRIVATE KEY", "CERTIFICATE", "CERTIFICATE"]);
    // The two commands of the steps, as the admin runs them on the server.
    const combined = join(dir, "webext.pem");
    openssl("pkey", "-in", file, "-passin", `pass:${PASSWORD}`, "-out", combined);
    const certs = execFileSync("sed", ["-n", "/BEGIN CERTIFICATE/,/END CERTIFICATE/p", file]).toString();
    writeFileSync(combined, readFileSync(combined, "utf8") + certs);
    expect(readPemBlocks(readFileSync(combined, "utf8")).map((b) => b.label)).toEqual([
      "PRIVATE KEY",
      "CERTIFICATE",
      "CERTIFICATE",
    ]);
    expect(openssl("verify", "-CAfile", ca.root, "-untrusted", combined, combined)).toContain(": OK");
    expect(bundle.steps[0]!.run).toEqual([
      "(umask 077 && openssl pkey -in webext.haproxy.pem -out /etc/haproxy/certs/webext.pem)",
      "sed -n '/BEGIN CERTIFICATE/,/END CERTIFICATE/p' webext.haproxy.pem >> /etc/haproxy/certs/webext.pem",
    ]);
  });
});
