// The worst .pfx the reader's limits let through (src/pki/pfx.ts PFX_LIMITS): MAC, certificates and key at
// 300,000 iterations each, 900,000 in all, TripleDES bags and a SHA-1 MAC; made by OpenSSL from the test vectors.
// Shared by e2e/windows-pfx.spec.ts and bench/worst-pfx.mjs.
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";

/**
 * Writes worst.pfx into `dir` under `password` and returns its path.
 * @param {string} dir
 * @param {string} password
 * @returns {string}
 */
export function makeWorstPfx(dir, password) {
  const out = join(dir, "worst.pfx");
  execFileSync("openssl", [
    "pkcs12",
    "-export",
    "-in",
    resolve("test/vectors/webext.crt"),
    "-inkey",
    resolve("test/vectors/rsa2048.pk8.pem"),
    "-out",
    out,
    "-passout",
    `pass:${password}`,
    "-iter",
    "300000",
    "-keypbe",
    "PBE-SHA1-3DES",
    "-certpbe",
    "PBE-SHA1-3DES",
    "-macalg",
    "sha1",
  ]);
  return out;
}
