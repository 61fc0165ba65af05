/**
 * Fuzzing the readers of uploaded files: mutants of real vectors (bytes flipped, inserted, deleted, the file
 * cut short) go to inspect() and readCertificates(). Each either reads or refuses with its own error class and
 * one sentence of ours: never an uncaught library error, never a library's words.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIBRARY_WORDS, mutate, mutation } from "../../test/helpers/mutants";
import { vector } from "../../test/helpers/vectors";
import { CertificateInputError, readCertificates } from "./certificates";
import { inspect, InspectError } from "./inspect";

const VECTORS = [
  "windows-cmc.req",
  "windows-pkcs7.p7b.der",
  "windows-name-value.csr.der",
  "windows-pkcs9.csr.der.pem",
  "md5.csr.der",
  "dsa.csr.der",
  "ecdsa-sha1.csr.der",
  "subject-attributes.csr.der",
  "ms-template.crt.der",
  "webext.crt",
];

describe.each(VECTORS)("mutants of %s", (file) => {
  const original = new Uint8Array(vector(file));

  it("are read or refused by inspect() with an InspectError of one sentence of ours", async () => {
    const outcomes = { read: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const bytes = mutate(original, mutations);
        try {
          const seen = await inspect({ bytes });
          outcomes.read++;
          expect(["request", "certificate"]).toContain(seen.kind);
        } catch (e) {
          outcomes.refused++;
          expect(e).toBeInstanceOf(InspectError);
          expect((e as Error).message).not.toMatch(LIBRARY_WORDS);
          expect((e as Error).message).toMatch(/^[A-Z"].*[.)]$/s);
        }
      }),
      { numRuns: 150 },
    );
    // Why count: a reader that refused everything, or read everything, would pass the property vacuously.
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it("are read or refused by readCertificates() with a CertificateInputError of ours", () => {
    const outcomes = { read: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        try {
          readCertificates({ bytes: mutate(original, mutations), name: "x.cer" });
          outcomes.read++;
        } catch (e) {
          outcomes.refused++;
          expect(e).toBeInstanceOf(CertificateInputError);
          expect((e as Error).message).not.toMatch(LIBRARY_WORDS);
        }
      }),
      { numRuns: 150 },
    );
    // Why count: a reader that refused every mutant would pass the property vacuously.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.read + outcomes.refused).toBe(150);
  });
});
