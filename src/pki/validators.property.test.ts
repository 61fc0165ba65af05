/**
 * Property tests: random and hostile text thrown at every field's validator. A validator never throws, and
 * whatever it accepts encodes into the request and decodes back to the same value.
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import * as asn1X509 from "@peculiar/asn1-x509";
import * as x509 from "@peculiar/x509";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { altNamesOfExtension } from "./certificates";
import { generalNamesDer, toName } from "./csr";
import {
  ALT_NAME_TYPES,
  checkAltName,
  checkDnsName,
  checkSubjectPart,
  parseDirectoryName,
  SUBJECT_TYPES,
} from "./names";
import { parseSimpleUrl, planReverseProxyNames, articleTopology } from "./profiles/lync-reverse-proxy";
import { validateOid } from "./usages";

/** Text an attacker or a bad paste would produce: controls, NUL, bidi marks, emoji, mixed scripts, lone surrogates, long runs. */
const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "\u202e",
    "\u200f",
    "\ufeff",
    "\ud800",
    "\udfff",
    "😀",
    "Ǆ",
    "ſ",
    "ﬀ",
    "İ",
    "ß",
    "\u0301",
    "é",
    "中文.例子",
    "пример.рф",
    "a\u0000b.com",
    "x".repeat(10_000),
  ),
  fc
    .array(
      fc.constantFrom(
        "a",
        "-",
        ".",
        "*",
        "_",
        " ",
        "@",
        ":",
        "/",
        "\\",
        ",",
        "=",
        '"',
        "😀",
        "\u202e",
        "ü",
        "1",
        "[",
        "]",
      ),
      { maxLength: 30 },
    )
    .map((a) => a.join("")),
  fc.constant("a".repeat(10_000)),
);
/** Values that are mostly valid, some with hostile pieces spliced in, so the accepting paths are exercised too. */
const plausible = fc.oneof(
  fc.domain(),
  fc.emailAddress(),
  fc.ipV4(),
  fc.ipV6(),
  fc.webUrl(),
  fc.tuple(fc.string({ unit: "grapheme", maxLength: 12 }), fc.domain()).map(([a, d]) => `${a}@${d}`),
  fc
    .tuple(fc.constantFrom("bücher", "пример", "例子", "straße", "xn--bcher-kva", "*"), fc.domain())
    .map(([a, d]) => `${a}.${d}`),
  fc
    .tuple(fc.constantFrom("CN", "O", "OU", "C", "DC", "E"), fc.string({ unit: "grapheme", maxLength: 20 }))
    .map(([k, v]) => `${k}=${v}`),
  fc.tuple(fc.domain(), hostile).map(([d, h]) => `${d}${h}`),
);
const anything = fc.oneof(hostile, plausible);
const RUNS = { numRuns: 400 };

describe("validators never throw on hostile text", () => {
  it("subject parts, alternative names, DNS names, directory names, OIDs and simple URLs", () => {
    fc.assert(
      fc.property(anything, (text) => {
        for (const t of SUBJECT_TYPES) checkSubjectPart(t.type, text);
        for (const t of ALT_NAME_TYPES) checkAltName(t.type, text);
        checkDnsName(text);
        parseDirectoryName(text);
        validateOid(text);
        parseSimpleUrl(text, "dedicated");
        parseSimpleUrl(text, "common");
        planReverseProxyNames({
          ...articleTopology(),
          sipDomains: [text],
          pools: [text],
          meetingUrls: { [text]: text },
          dialInUrl: text,
          officeWebApps: text,
        });
      }),
      RUNS,
    );
  });
});

describe("whatever a validator accepts encodes and decodes back to the same value", () => {
  it("subject parts", () => {
    let accepted = 0;
    fc.assert(
      fc.property(anything, fc.constantFrom(...SUBJECT_TYPES.map((t) => t.type)), (text, type) => {
        const checked = checkSubjectPart(type, text);
        if (!checked.ok) return;
        accepted++;
        const der = toName([{ type, value: checked.value }]).toArrayBuffer();
        const [[atv]] = AsnConvert.parse(der, asn1X509.Name) as unknown as [[asn1X509.AttributeTypeAndValue]];
        expect(atv.value.toString()).toBe(checked.value);
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it("alternative names", () => {
    const accepted = new Set<string>();
    // Each type is tried with text of its own shape half the time, so every type's accepting path is reached
    // (random text is almost never a GUID or a directory name), and with anything the other half.
    const shaped: Record<(typeof ALT_NAME_TYPES)[number]["type"], fc.Arbitrary<string>> = {
      dns: fc.domain(),
      ipv4: fc.ipV4(),
      ipv6: fc.ipV6(),
      email: fc.emailAddress(),
      url: fc.webUrl(),
      upn: fc.tuple(fc.string({ maxLength: 12 }), fc.domain()).map(([a, d]) => `${a}@${d}`),
      dn: fc
        .tuple(fc.constantFrom("CN", "O", "OU"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }))
        .map(([k, v]) => `${k}=${v}`),
      guid: fc.oneof(
        fc.uuid(),
        fc.uuid().map((u) => `{${u.toUpperCase()}}`),
      ),
    };
    const typed = fc
      .constantFrom(...ALT_NAME_TYPES.map((t) => t.type))
      .chain((type) => fc.tuple(fc.oneof(anything, shaped[type]), fc.constant(type)));
    fc.assert(
      fc.property(typed, ([text, type]) => {
        const checked = checkAltName(type, text);
        if (!checked.ok) return;
        accepted.add(type);
        const der = generalNamesDer([{ type, value: checked.value }]);
        const ext = new x509.Extension("2.5.29.17", false, der);
        const [back] = altNamesOfExtension(ext);
        expect(back?.type).toBe(type);
        if (type === "ipv6") expect(checkAltName("ipv6", back!.value)).toEqual({ ok: true, value: checked.value });
        // A directory name comes back in RFC 4514 form (its own escapes): compare the parts it holds.
        else if (type === "dn") expect(parseDirectoryName(back!.value)).toEqual(parseDirectoryName(checked.value));
        else expect(back?.value).toBe(checked.value);
      }),
      { numRuns: 1500 },
    );
    expect([...accepted].sort()).toEqual(ALT_NAME_TYPES.map((t) => t.type).sort());
  });

  it("accepted names are shaped for the request: ASCII DNS names, no control characters anywhere", () => {
    fc.assert(
      fc.property(anything, (text) => {
        const dns = checkDnsName(text);
        if (dns.ok) {
          expect(dns.name.ascii).toMatch(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/);
          expect(dns.name.ascii.length).toBeLessThanOrEqual(253);
        }
        for (const t of SUBJECT_TYPES) {
          const c = checkSubjectPart(t.type, text);
          if (c.ok) expect(c.value).not.toMatch(/\p{Cc}/u);
        }
      }),
      RUNS,
    );
  });

  it("nothing is accepted whose raw text, ends included, holds a line break or invisible character", () => {
    const breaks = fc.constantFrom("\n", "\r\n", "\u2028", "\u2029", "\ufeff", "\u200b", "\u202e", "\t");
    let refused = 0;
    fc.assert(
      fc.property(plausible, breaks, fc.boolean(), (text, mark, atStart) => {
        const raw = atStart ? `${mark}${text}` : `${text}${mark}`;
        // Why: trim() takes these off the ends, so a check of the trimmed text alone let the raw value through.
        for (const t of SUBJECT_TYPES) expect(checkSubjectPart(t.type, raw).ok).toBe(false);
        for (const t of ALT_NAME_TYPES) expect(checkAltName(t.type, raw).ok).toBe(false);
        expect(checkDnsName(raw).ok).toBe(false);
        expect(validateOid(raw)).not.toBeNull();
        refused++;
      }),
      RUNS,
    );
    // Guard: the same texts without the mark are accepted often enough that the refusals mean something.
    const accepted = fc.sample(plausible, 200).filter((t) => checkAltName("dns", t).ok).length;
    expect(refused).toBe(RUNS.numRuns);
    expect(accepted).toBeGreaterThan(20);
  });
});
