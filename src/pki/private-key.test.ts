import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixedRsaPair, hex, vector } from "../../test/helpers/vectors";
import { readPemBlocks } from "./pem";
import {
  decryptPrivateKey,
  encryptPrivateKey,
  encryptedKeyPem,
  UnsupportedKeyError,
  WrongPassphraseError,
} from "./private-key";

const PASSPHRASE = "correct horse battery staple";
const pemDer = (name: string) => readPemBlocks(vector(name).toString())[0]!.der;

describe("decryptPrivateKey", () => {
  it.each([
    ["p256.aes256-sha256.key.pem", "p256.pk8.pem"],
    ["rsa2048.aes128-sha1.key.pem", "rsa2048.pk8.pem"],
    ["rsa2048.des3-sha256.key.pem", "rsa2048.pk8.pem"],
  ])("opens %s, which OpenSSL encrypted, to the same PKCS #8 as %s", async (encrypted, plain) => {
    const pkcs8 = await decryptPrivateKey({ der: pemDer(encrypted), passphrase: PASSPHRASE });
    expect(hex(pkcs8)).toBe(hex(pemDer(plain)));
  });

  it("refuses a wrong passphrase to a 3DES key as to an AES one", async () => {
    await expect(
      decryptPrivateKey({ der: pemDer("rsa2048.des3-sha256.key.pem"), passphrase: "Correct horse battery staple" }),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it("refuses a wrong passphrase", async () => {
    await expect(
      decryptPrivateKey({ der: pemDer("p256.aes256-sha256.key.pem"), passphrase: "Correct horse battery staple" }),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it("says what a file that is not an encrypted key is", async () => {
    await expect(decryptPrivateKey({ der: pemDer("p256.pk8.pem"), passphrase: PASSPHRASE })).rejects.toBeInstanceOf(
      UnsupportedKeyError,
    );
  });
});

describe("encryptPrivateKey", () => {
  const salt = Uint8Array.from({ length: 16 }, (_, i) => i);
  const iv = Uint8Array.from({ length: 16 }, (_, i) => 0xf0 + i);

  it("writes PBES2 with PBKDF2-HMAC-SHA256, 600,000 iterations, a 16-byte salt and AES-256-CBC", async () => {
    const { privateKey } = await fixedRsaPair();
    const der = new Uint8Array(await encryptPrivateKey({ privateKey, passphrase: PASSPHRASE, salt, iv }));
    // The parameters as OpenSSL's `pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter 600000` writes them.
    const parameters =
      "30820536" +
      "3060" +
      "06092a864886f70d01050d" +
      "3053" + // EncryptedPrivateKeyInfo, id-PBES2
      "3032" +
      "06092a864886f70d01050c" +
      "3025" +
      "0410" +
      hex(salt) +
      "02030927c0" + // id-PBKDF2, salt, 600000
      "300c06082a864886f70d02090500" + // prf hmacWithSHA256, NULL
      "301d" +
      "060960864801650304012a" +
      "0410" +
      hex(iv); // aes256-CBC with its IV
    expect(hex(der).slice(0, parameters.length)).toBe(parameters);
  });

  it("writes a file that OpenSSL opens with the passphrase and refuses without it", async () => {
    const { privateKey } = await fixedRsaPair();
    const dir = mkdtempSync(join(tmpdir(), "key-"));
    const file = join(dir, "k.key");
    writeFileSync(
      file,
      encryptedKeyPem(await encryptPrivateKey({ privateKey, passphrase: PASSPHRASE, iterations: 2048 })),
    );
    const opened = execFileSync("openssl", ["pkey", "-in", file, "-passin", `pass:${PASSPHRASE}`]).toString();
    expect(opened).toBe(vector("rsa2048.pk8.pem").toString());
    expect(() => execFileSync("openssl", ["pkey", "-in", file, "-passin", "pass:wrong"], { stdio: "pipe" })).toThrow();
  });

  it("round-trips through decryptPrivateKey, with a fresh salt and IV each time", async () => {
    const { privateKey } = await fixedRsaPair();
    const a = await encryptPrivateKey({ privateKey, passphrase: "pässwörd ✓", iterations: 1000 });
    const b = await encryptPrivateKey({ privateKey, passphrase: "pässwörd ✓", iterations: 1000 });
    expect(hex(a)).not.toBe(hex(b));
    expect(hex(await decryptPrivateKey({ der: a, passphrase: "pässwörd ✓" }))).toBe(hex(pemDer("rsa2048.pk8.pem")));
  });
});
