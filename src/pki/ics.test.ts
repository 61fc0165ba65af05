import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldLine, reminderMargin, renewalReminder } from "./ics";
import { publicLifetime } from "./lifetimes";
import { showHiddenCharacters } from "./visible-text";

const day = 86_400_000;
const at = (iso: string) => new Date(iso);

/** A small RFC 5545 reader for the tests: unfold, split into properties, unescape TEXT. */
function parse(ics: string): { name: string; params: string; value: string }[] {
  expect(ics.endsWith("\r\n")).toBe(true);
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  return unfolded
    .split("\r\n")
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(":");
      const [name, ...params] = line.slice(0, colon).split(";");
      return { name: name!, params: params.join(";"), value: line.slice(colon + 1) };
    });
}
const unescapeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));

describe("the renewal reminder's date", () => {
  it.each([
    [398, 30],
    [200, 30],
    [100, 30],
    [47, 15],
    [10, 3],
  ])("for a %i-day certificate is %i days before it expires", (lifetime, margin) => {
    const notBefore = at("2027-01-01T00:00:00Z");
    expect(reminderMargin(notBefore, new Date(notBefore.getTime() + lifetime * day))).toBe(margin);
  });

  it("is an all-day event on the first day of the margin, with an alarm that morning", () => {
    const { text, on } = renewalReminder({
      name: "webext.contoso.com",
      altNames: ["webext.contoso.com", "meet.contoso.com"],
      notBefore: at("2027-03-22T12:00:00Z"),
      notAfter: at("2027-06-30T12:00:00Z"),
      thumbprint: "AB:CD:EF:01",
      settings: "webext.json",
      now: at("2027-03-22T13:14:15Z"),
    });
    expect(on.toISOString().slice(0, 10)).toBe("2027-05-31");
    const props = parse(text);
    const get = (n: string) => props.find((p) => p.name === n)!;
    expect(get("DTSTART")).toEqual({ name: "DTSTART", params: "VALUE=DATE", value: "20270531" });
    expect(get("DTEND").value).toBe("20270601");
    expect(get("DTSTAMP").value).toBe("20270322T131415Z");
    expect(get("UID").value).toBe("renew-ABCDEF01@certificate-request-wizard");
    expect(get("TRIGGER").value).toBe("PT9H");
    expect(unescapeText(get("DESCRIPTION").value)).toContain("Names: webext.contoso.com, meet.contoso.com.");
  });
});

describe("hostile text stays text", () => {
  it("no name, however written, ends its line or adds a property, and every line is at most 75 octets", () => {
    const hostile = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.constantFrom("x\r\nBEGIN:VEVENT\r\nSUMMARY:evil", "a;b,c\\d", "\u2028END:VCALENDAR", "é".repeat(80)),
      // Direction, zero-width and format characters (Unicode Cf) mixed into ordinary text.
      fc
        .array(
          fc.oneof(
            fc.constantFrom(..."\u202E\u202D\u2066\u2069\u200B\u200E\u200F\u2060\uFEFF\u00AD\u2028\n"),
            fc.string(),
          ),
          {
            maxLength: 8,
          },
        )
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(hostile, fc.array(hostile, { maxLength: 3 }), (name, names) => {
        const { text } = renewalReminder({
          name,
          altNames: names,
          notBefore: at("2027-01-01T00:00:00Z"),
          notAfter: at("2027-04-01T00:00:00Z"),
          thumbprint: name,
          settings: name,
        });
        for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        // Nothing in the calendar text can reorder or hide it, nor break a line.
        expect(text).not.toMatch(/[\p{Cf}\u2028\u2029]/u);
        expect(text.replace(/\r\n/g, "")).not.toMatch(/[\p{Cc}]/u);
        const props = parse(text);
        expect(props.map((p) => p.name)).toEqual([
          "BEGIN",
          "VERSION",
          "PRODID",
          "CALSCALE",
          "BEGIN",
          "UID",
          "DTSTAMP",
          "DTSTART",
          "DTEND",
          "SUMMARY",
          "DESCRIPTION",
          "TRANSP",
          "BEGIN",
          "ACTION",
          "DESCRIPTION",
          "TRIGGER",
          "END",
          "END",
          "END",
        ]);
        const summary = unescapeText(props.find((p) => p.name === "SUMMARY")!.value);
        expect(summary).toBe(`Renew the certificate ${showHiddenCharacters(name)}`);
      }),
      { numRuns: 300 },
    );
  });

  it("writes a direction, zero-width or byte order mark character out, so it cannot reorder the text", () => {
    const { text } = renewalReminder({
      name: "moc.\u202Eevil\u200B.contoso.com\uFEFF",
      altNames: ["a\u2066b\u2069"],
      notBefore: at("2027-01-01T00:00:00Z"),
      notAfter: at("2027-04-01T00:00:00Z"),
      thumbprint: "AB:CD",
      settings: "x\u2028y.json",
    });
    const props = parse(text);
    expect(unescapeText(props.find((p) => p.name === "SUMMARY")!.value)).toBe(
      "Renew the certificate moc.⟨U+202E⟩evil⟨U+200B⟩.contoso.com⟨U+FEFF⟩",
    );
    const description = unescapeText(props.find((p) => p.name === "DESCRIPTION")!.value);
    expect(description).toContain("Names: a⟨U+2066⟩b⟨U+2069⟩.");
    expect(description).toContain("Settings for the renewal: x⟨U+2028⟩y.json.");
  });

  it("folds without splitting a character", () => {
    const line = `SUMMARY:${"€".repeat(40)}`;
    const folded = foldLine(line);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    for (const part of folded.split("\r\n")) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
  });
});

describe("the public lifetime schedule (CA/Browser Forum SC-081v3)", () => {
  it.each([
    ["2026-01-01", 398, "2026-03-15"],
    ["2026-11-26", 200, "2027-03-15"],
    ["2027-03-15", 100, "2029-03-15"],
    ["2030-01-01", 47, null],
  ])("on %s the maximum is %i days, next step %s", (on, days, next) => {
    const schedule = publicLifetime(at(`${on}T12:00:00Z`));
    expect(schedule.days).toBe(days);
    expect(schedule.next?.from ?? null).toBe(next);
  });
});
