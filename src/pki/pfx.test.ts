import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hex, vector } from "../../test/helpers/vectors";
import { readPemBlocks } from "./pem";
import { readPfx } from "../../test/helpers/pfx-reader";
import {
  createPfx,
  deriveInThread,
  SCHANNEL_CSP,
  startPfxDerivations,
  WrongPfxPasswordError,
  type PfxProfile,
} from "./pfx";

const PASSWORD = "correct horse battery staple";
const NAME = "Reverse Proxy Listener for Lync Server";
const key = () => readPemBlocks(vector("rsa2048.pk8.pem").toString())[0]!.der;
const cert = () => readPemBlocks(vector("webext.crt").toString())[0]!.der;

function opensslInfo(pfx: ArrayBuffer, password: string): { status: number | null; out: string } {
  const file = join(mkdtempSync(join(tmpdir(), "pfx-")), "p.pfx");
  writeFileSync(file, new Uint8Array(pfx));
  const run = spawnSync("openssl", ["pkcs12", "-in", file, "-info", "-nodes", "-passin", `pass:${password}`], {
    encoding: "utf8",
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe("readPfx", () => {
  it.each<[string, string, number | undefined, string | undefined]>([
    ["webext.tripledes-sha1.pfx", "SHA-1", 0x10, SCHANNEL_CSP],
    ["webext.aes256-sha256.pfx", "SHA-256", undefined, undefined],
  ])("reads %s, which OpenSSL wrote, to the same key and certificate", async (file, macAlgorithm, keySpec, cspName) => {
    const read = await readPfx({ der: new Uint8Array(vector(file)), password: PASSWORD });
    expect(read.macAlgorithm).toBe(macAlgorithm);
    const keyBag = read.bags.find((b) => b.kind === "key")!;
    const certBag = read.bags.find((b) => b.kind === "certificate")!;
    expect(hex(certBag.der)).toBe(hex(cert()));
    expect(certBag.friendlyName).toBe(NAME);
    expect(keyBag.friendlyName).toBe(NAME);
    expect(keyBag.localKeyId).toBe(certBag.localKeyId);
    expect(keyBag.cspName).toBe(cspName);
    expect(keyBag.keySpec).toBe(keySpec);
    // The key inside, less OpenSSL's key-spec attribute, is the fixed key.
    const jwk = async (der: ArrayBuffer) =>
      crypto.subtle.exportKey(
        "jwk",
        await crypto.subtle.importKey("pkcs8", der, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["sign"]),
      );
    expect((await jwk(keyBag.der)).d).toBe((await jwk(key().slice().buffer)).d);
  });

  it("refuses a wrong password", async () => {
    await expect(
      readPfx({ der: new Uint8Array(vector("webext.tripledes-sha1.pfx")), password: "wrong" }),
    ).rejects.toBeInstanceOf(WrongPfxPasswordError);
    await expect(
      readPfx({ der: new Uint8Array(vector("webext.aes256-sha256.pfx")), password: "wrong" }),
    ).rejects.toBeInstanceOf(WrongPfxPasswordError);
  });
});

describe("createPfx", () => {
  const profiles: [PfxProfile, RegExp[]][] = [
    [
      "TripleDES-SHA1",
      [
        /MAC: sha1, Iteration 2048/,
        /PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/,
        /Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/,
      ],
    ],
    [
      "AES256-SHA256",
      [
        /MAC: sha256, Iteration 2048/,
        /PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/,
        /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/,
      ],
    ],
  ];

  it.each(profiles)("writes %s exactly as the profile says, and openssl pkcs12 reads it", async (profile, lines) => {
    const pfx = await createPfx({
      profile,
      privateKeyInfo: key(),
      certificates: [cert()],
      password: PASSWORD,
      friendlyName: NAME,
    });
    const info = opensslInfo(pfx, PASSWORD);
    expect(info.status).toBe(0);
    for (const line of lines) expect(info.out).toMatch(line);
    expect(info.out.match(/friendlyName: Reverse Proxy Listener for Lync Server/g)).toHaveLength(2);
    expect(info.out).not.toMatch(/Microsoft CSP Name|Key Attributes: <No Attributes>\n\s+X509v3/);
    expect(opensslInfo(pfx, "wrong").status).not.toBe(0);
    const read = await readPfx({ der: pfx, password: PASSWORD });
    expect(hex(read.bags.find((b) => b.kind === "key")!.der)).toBe(hex(key()));
  });

  it.each<["exchange" | "signature", string]>([
    ["exchange", "X509v3 Key Usage: 10"],
    ["signature", "X509v3 Key Usage: 80"],
  ])(
    "writes the legacy provider name and the %s key spec as openssl pkcs12 -CSP -keyex/-keysig does",
    async (keySpec, says) => {
      const pfx = await createPfx({
        profile: "TripleDES-SHA1",
        privateKeyInfo: key(),
        certificates: [cert()],
        password: PASSWORD,
        friendlyName: NAME,
        provider: { name: SCHANNEL_CSP, keySpec },
      });
      const info = opensslInfo(pfx, PASSWORD);
      expect(info.out).toContain(`Microsoft CSP Name: ${SCHANNEL_CSP}`);
      expect(info.out).toContain(says);
      const read = await readPfx({ der: pfx, password: PASSWORD });
      expect(read.bags.find((b) => b.kind === "key")!.keySpec).toBe(keySpec === "exchange" ? 0x10 : 0x80);
    },
  );

  it("puts the chain after the leaf, with the pairing attributes on the leaf only", async () => {
    const ca = cert(); // any second certificate will do for the layout
    const pfx = await createPfx({
      profile: "AES256-SHA256",
      privateKeyInfo: key(),
      certificates: [cert(), ca],
      password: PASSWORD,
      friendlyName: NAME,
    });
    const read = await readPfx({ der: pfx, password: PASSWORD });
    const certs = read.bags.filter((b) => b.kind === "certificate");
    expect(certs).toHaveLength(2);
    expect(certs[0]!.localKeyId).toMatch(/^[0-9a-f]{40}$/);
    expect(certs[1]!.localKeyId).toBeUndefined();
    expect(certs[1]!.friendlyName).toBeUndefined();
  });

  it.each<PfxProfile>(["TripleDES-SHA1", "AES256-SHA256"])(
    "writes the same bytes for %s with its derivations started ahead, elsewhere, as it does alone",
    async (profile) => {
      // A fixed "random" source: the same salts, so the same bytes.
      const counting = () => {
        let n = 0;
        return (size: number) => Uint8Array.from({ length: size }, () => n++ & 0xff);
      };
      const common = { profile, privateKeyInfo: key(), certificates: [cert(), cert()], friendlyName: NAME };
      const alone = await createPfx({ ...common, password: PASSWORD, random: counting() });
      // A runner that answers later, as Workers do.
      const later = async (jobs: Parameters<typeof deriveInThread>[0]) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return deriveInThread(jobs);
      };
      const derivations = startPfxDerivations({ profile, password: PASSWORD, random: counting(), derive: later });
      const ahead = await createPfx({ ...common, password: PASSWORD, derivations, random: () => new Uint8Array(0) });
      expect(hex(ahead)).toBe(hex(alone));
      // Derivations started for another password are not used.
      const other = startPfxDerivations({ profile, password: "another", random: counting() });
      const ignored = await createPfx({ ...common, password: PASSWORD, derivations: other, random: counting() });
      expect(hex(ignored)).toBe(hex(alone));
      expect(opensslInfo(ahead, PASSWORD).status).toBe(0);
    },
  );
});
