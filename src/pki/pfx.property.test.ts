/**
 * Fuzzing the .pfx reader: mutants of the vectors that OpenSSL, Java, Windows-shaped writers (and, when present,
 * Windows itself: test/vectors/real) made go to openPfx with the right password. Each opens or is refused with
 * WrongPfxPasswordError or UnsupportedPfxError, whose sentence is ours: never an uncaught library error.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PFX } from "@peculiar/asn1-pfx";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { LIBRARY_WORDS, mutate, mutation, type Mutation } from "../../test/helpers/mutants";
import { realFile, realVectors } from "../../test/helpers/real-vectors";
import { vector } from "../../test/helpers/vectors";
import { pfxMac, UnsupportedPfxError, WrongPfxPasswordError } from "./pfx";
import { openPfx, pfxOpenError } from "./pfx-reader";

const made: [string, Uint8Array<ArrayBuffer>, string][] = [
  ["webext.tripledes-sha1.pfx", new Uint8Array(vector("webext.tripledes-sha1.pfx")), "correct horse battery staple"],
  ["webext.aes256-sha256.pfx", new Uint8Array(vector("webext.aes256-sha256.pfx")), "correct horse battery staple"],
  [
    "webext.openssl11-legacy.pfx",
    new Uint8Array(vector("webext.openssl11-legacy.pfx")),
    "correct horse battery staple",
  ],
  ["windows-absent-password.pfx", new Uint8Array(vector("windows-absent-password.pfx")), ""],
  ["windows-container-name.pfx", new Uint8Array(vector("windows-container-name.pfx")), "Test1234!"],
];
const real: [string, Uint8Array<ArrayBuffer>, string][] = realVectors
  .filter((v) => v.kind === "pfx")
  .flatMap((v) => {
    const bytes = realFile(v.file);
    return bytes ? [[v.file, bytes, v.password ?? ""] as [string, Uint8Array<ArrayBuffer>, string]] : [];
  });

describe.each([...made, ...real])("mutants of %s", (_, original, password) => {
  it("open, or are refused with one sentence of ours", async () => {
    const outcomes = { opened: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        try {
          await openPfx({ der: mutate(original, mutations), password });
          outcomes.opened++;
        } catch (e) {
          outcomes.refused++;
          expect([WrongPfxPasswordError, UnsupportedPfxError].some((kind) => e instanceof kind)).toBe(true);
          expect(pfxOpenError(e)).not.toMatch(LIBRARY_WORDS);
          expect(pfxOpenError(e)).toMatch(/^(This|The|A) .*\.$/s);
        }
      }),
      { numRuns: 60 },
    );
    // Why count: a reader that refused everything would pass the property vacuously.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.opened + outcomes.refused).toBe(60);
  });
});

/**
 * The same .pfx with its AuthenticatedSafe mutated and the MAC computed anew over it, as the maker of a crafted
 * file (who knows its password) can: the mutants reach the bags instead of stopping at the MAC.
 */
async function remacced(original: Uint8Array<ArrayBuffer>, password: string, mutations: Mutation[]) {
  const pfx = AsnConvert.parse(original, PFX);
  const authSafe = mutate(new Uint8Array(AsnConvert.parse(pfx.authSafe.content, OctetString).buffer), mutations);
  const hash = pfx.macData.mac.digestAlgorithm.algorithm === "1.3.14.3.2.26" ? "SHA-1" : "SHA-256";
  const mac = await pfxMac({
    hash,
    // The form that opens the file: the absent password for the Windows one, else the password as typed.
    password: password === "" ? null : password,
    salt: new Uint8Array(pfx.macData.macSalt.buffer),
    iterations: pfx.macData.iterations,
    data: authSafe,
    crypto,
  });
  pfx.authSafe.content = AsnConvert.serialize(new OctetString(authSafe));
  pfx.macData.mac.digest = new OctetString(mac);
  return new Uint8Array(AsnConvert.serialize(pfx));
}

describe.each(made)("mutants of %s with a MAC that fits them", (_, original, password) => {
  it("open, or are refused with one sentence of ours", async () => {
    const outcomes = { opened: 0, refused: 0, damaged: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        try {
          await openPfx({ der: await remacced(original, password, mutations), password });
          outcomes.opened++;
        } catch (e) {
          outcomes.refused++;
          if (e instanceof UnsupportedPfxError) outcomes.damaged++;
          expect([WrongPfxPasswordError, UnsupportedPfxError].some((kind) => e instanceof kind)).toBe(true);
          expect(pfxOpenError(e)).not.toMatch(LIBRARY_WORDS);
          expect(pfxOpenError(e)).toMatch(/^(This|The|A) .*\.$/s);
        }
      }),
      { numRuns: 60 },
    );
    // The MAC fits: some mutants must get past it to the bags and be refused there as damaged.
    expect(outcomes.damaged).toBeGreaterThan(0);
  });
});

it("opens the unmutated vectors, so the mutants above start from files that open", async () => {
  for (const [, original, password] of [...made, ...real]) {
    const opened = await openPfx({ der: original, password });
    expect(opened.certificates.length).toBeGreaterThan(0);
  }
});
