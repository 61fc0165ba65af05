/**
 * Fuzzing the readers of uploaded files: mutants of real vectors (bytes flipped, inserted, deleted, the file
 * cut short) go to inspect() and readCertificates(). Each either reads or refuses with its own error class and
 * one sentence of ours: never an uncaught library error, never a library's words.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vector } from "../../test/helpers/vectors";
import { CertificateInputError, readCertificates } from "./certificates";
import { inspect, InspectError } from "./inspect";

/** Words that only a library's message has: a sentence of ours never says them. */
const LIBRARY_WORDS =
  /ASN|Maximum|stack|undefined|null|NaN|TypeError|RangeError|SyntaxError|Cannot read|is not a function|is not iterable|object Object|Unexpected|atob|DOMException|offset|schema/i;

type Mutation =
  | { op: "flip"; at: number; bit: number }
  | { op: "set"; at: number; value: number }
  | { op: "insert"; at: number; value: number }
  | { op: "delete"; at: number; count: number }
  | { op: "truncate"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  // Bytes that matter to DER: tags, long-form lengths, the indefinite length, NUL.
  fc.record({
    op: fc.constant("set" as const),
    at: fc.nat(),
    value: fc.constantFrom(0x00, 0x02, 0x04, 0x05, 0x06, 0x0c, 0x1e, 0x30, 0x31, 0x80, 0x81, 0x82, 0x84, 0xa0, 0xff),
  }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
);

function mutate(original: Uint8Array, mutations: Mutation[]): Uint8Array<ArrayBuffer> {
  let bytes = Array.from(original);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length;
    if (m.op === "flip") bytes[at] = bytes[at]! ^ (1 << m.bit);
    else if (m.op === "set") bytes[at] = m.value;
    else if (m.op === "insert") bytes.splice(at, 0, m.value);
    else if (m.op === "delete") bytes.splice(at, m.count);
    else bytes = bytes.slice(0, at);
  }
  return new Uint8Array(bytes);
}

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
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        try {
          readCertificates({ bytes: mutate(original, mutations), name: "x.cer" });
        } catch (e) {
          expect(e).toBeInstanceOf(CertificateInputError);
          expect((e as Error).message).not.toMatch(LIBRARY_WORDS);
        }
      }),
      { numRuns: 150 },
    );
  });
});
