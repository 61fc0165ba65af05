/**
 * The PKCS #12 key derivation with @noble/hashes' SHA-1 (sha1-md.ts, what pkcs12Kdf uses) gives the bytes of
 * node-forge's own SHA-1 for any password, salt, iteration count, id and length, and the published vectors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import forge from "node-forge/lib/forge";
import "node-forge/lib/pbe";
import "node-forge/lib/sha1";
import "node-forge/lib/util";
import { pkcs12Kdf } from "./pfx";
import { nobleSha1Md } from "./sha1-md";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const fromHex = (text: string) => Uint8Array.from(Buffer.from(text, "hex"));

/** node-forge's derivation with node-forge's SHA-1: what pkcs12Kdf used before. */
function forgeKdf(p: { password: string | null; salt: Uint8Array; id: 1 | 2 | 3; iterations: number; length: number }) {
  const salt = forge.util.createBuffer(forge.util.binary.raw.encode(p.salt));
  const out = forge.pbe.generatePkcs12Key(
    p.password as string,
    salt,
    p.id,
    p.iterations,
    p.length,
    forge.md.sha1.create(),
  );
  return forge.util.bytesToHex(out.getBytes());
}

describe("the PKCS #12 key derivation with noble's SHA-1", () => {
  it("gives node-forge's bytes for any password, salt, iterations, id and length", () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 70, unit: "grapheme" }), { nil: null }),
        fc.uint8Array({ minLength: 0, maxLength: 80 }),
        fc.integer({ min: 1, max: 2100 }),
        fc.constantFrom(1 as const, 2 as const, 3 as const),
        fc.integer({ min: 1, max: 70 }),
        (password, salt, iterations, id, length) => {
          const mine = pkcs12Kdf({ password, salt, id, iterations, length, hash: "SHA-1" });
          expect(hex(mine)).toBe(forgeKdf({ password, salt, id, iterations, length }));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("gives node-forge's bytes for the profile's own derivations (2,048 iterations, 8-byte salts, key, IV, MAC)", () => {
    const salt = fromHex("0102030405060708");
    for (const [id, length] of [
      [1, 24],
      [2, 8],
      [3, 20],
    ] as const) {
      for (const password of ["", "correct horse battery staple", "pässwörd ✓", null]) {
        const mine = pkcs12Kdf({ password, salt, id, iterations: 2048, length, hash: "SHA-1" });
        expect(hex(mine)).toBe(forgeKdf({ password, salt, id, iterations: 2048, length }));
      }
    }
  });

  // Dr Stephen Henson's PKCS #12 key generation vectors (drh-consultancy test.txt), as GnuTLS's
  // tests/pkcs12_s2k.c and Bouncy Castle's PKCS12Test carry them: SHA-1, BMPString passwords.
  it.each([
    ["smeg", "0a58cf64530d823f", 1, 1, 24, "8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3"],
    ["smeg", "0a58cf64530d823f", 1, 2, 8, "79993dfe048d3b76"],
    ["smeg", "642b99ab44fb4b1f", 1, 1, 24, "f3a95fec48d7711e985cfe67908c5ab79fa3d7c5caa5d966"],
    ["smeg", "642b99ab44fb4b1f", 1, 2, 8, "c0a38d64a79bea1d"],
    ["smeg", "3d83c0e4546ac140", 1, 3, 20, "8d967d88f6caa9d714800ab3d48051d63f73a312"],
    ["queeg", "05dec959acff72f7", 1000, 1, 24, "ed2034e36328830ff09df1e1a07dd357185dac0d4f9eb3d4"],
    ["queeg", "05dec959acff72f7", 1000, 2, 8, "11dedad7758d4860"],
    ["queeg", "1682c0fc5b3f7ec5", 1000, 1, 24, "483dd6e919d7de2e8e648ba8f862f3fbfbdc2bcb2c02957f"],
    ["queeg", "1682c0fc5b3f7ec5", 1000, 2, 8, "9d461d1b00355c50"],
    ["queeg", "263216fcc2fab31c", 1000, 3, 20, "5ec4c7a80df652294c3925b6489a7ab857c83476"],
  ] as const)("password %s, salt %s, %i iterations, id %i, %i bytes", (password, salt, iterations, id, length, key) => {
    expect(hex(pkcs12Kdf({ password, salt: fromHex(salt), id, iterations, length, hash: "SHA-1" }))).toBe(key);
  });

  it("is SHA-1 on any message, one instance reused across start, update and digest", () => {
    const md = nobleSha1Md();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = forge.util.binary.raw.encode(bytes);
        const reference = forge.md.sha1.create().update(text).digest().toHex();
        expect(md.start().update(text).digest().toHex()).toBe(reference);
      }),
    );
  });
});
