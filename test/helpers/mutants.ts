/**
 * Mutants of real files for the readers' property tests: bytes flipped, set to values that matter to DER,
 * inserted, deleted, the file cut short.
 */
import fc from "fast-check";

/** Words that only a library's message has: a sentence of ours never says them. */
export const LIBRARY_WORDS =
  /ASN|Maximum|stack|undefined|null|NaN|TypeError|RangeError|SyntaxError|Cannot read|is not a function|is not iterable|object Object|Unexpected|atob|DOMException|offset|schema/i;

export type Mutation =
  | { op: "flip"; at: number; bit: number }
  | { op: "set"; at: number; value: number }
  | { op: "insert"; at: number; value: number }
  | { op: "delete"; at: number; count: number }
  | { op: "truncate"; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
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

export function mutate(original: Uint8Array, mutations: Mutation[]): Uint8Array<ArrayBuffer> {
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
