/**
 * "Add a renewal reminder": an iCalendar event (RFC 5545) a margin before the certificate expires. Every text
 * in it comes from a certificate, a file or the admin, so it is written through the one TEXT escaper of RFC
 * 5545 3.3.11 and folded as 3.1 requires: no value can end its line or start a property of its own.
 */
import { showHiddenCharacters } from "./visible-text";

/** The reminder's margin before notAfter: 30 days, or a third of the lifetime when that is shorter. */
export function reminderMargin(notBefore: Date, notAfter: Date): number {
  const lifetimeDays = (notAfter.getTime() - notBefore.getTime()) / 86_400_000;
  return Math.max(1, Math.min(30, Math.floor(lifetimeDays / 3)));
}

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, a line break written `\n`. Other
 * control characters are not allowed in TEXT, and format characters (bidi controls, zero-width characters,
 * U+FEFF) would reorder or hide what the calendar shows: each is written as U+FFFD, so that what the admin
 * reads shows something was there. The reminder shows outside text visibly before it gets here.
 */
export function icsText(value: string): string {
  return value
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, "\n")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n")
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === "\t" ? c : "\uFFFD"));
}

/** Folds one content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; each continuation line starts with a space, so it holds 74 more.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const icsDate = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, "");
const icsDateTime = (d: Date) => `${d.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;

export interface ReminderInput {
  /** The certificate's common name, or its first name when it has none. */
  name: string;
  altNames: readonly string[];
  notBefore: Date;
  notAfter: Date;
  /** SHA-1 thumbprint, as Windows shows it. */
  thumbprint: string;
  /** Where the request's settings are, for the renewal: a file name and how it was saved. */
  settings: string;
  now?: Date;
}

/** The reminder as an .ics file: one all-day event on the day the margin begins, with an alarm that morning. */
export function renewalReminder(reminder: ReminderInput): { text: string; on: Date; marginDays: number } {
  // Why shown: the names come from a certificate or a file; a line break, U+202E or U+200B in one would start
  // a new line of the event's text, reorder it or hide a character. Each is written out as ⟨U+XXXX⟩.
  const input = {
    ...reminder,
    name: showHiddenCharacters(reminder.name),
    altNames: reminder.altNames.map(showHiddenCharacters),
    thumbprint: showHiddenCharacters(reminder.thumbprint),
    settings: showHiddenCharacters(reminder.settings),
  };
  const marginDays = reminderMargin(input.notBefore, input.notAfter);
  const on = new Date(input.notAfter.getTime() - marginDays * 86_400_000);
  const next = new Date(on.getTime() + 86_400_000);
  const expires = input.notAfter.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  const description = [
    `The certificate ${input.name} expires on ${expires}: renew it within ${marginDays} days.`,
    `Names: ${input.altNames.join(", ") || "(none)"}.`,
    `Thumbprint (SHA-1): ${input.thumbprint}.`,
    `Settings for the renewal: ${input.settings}.`,
    "Renew with the certificate request wizard: Open a request or certificate, then Use as a starting point.",
  ].join("\n");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Certificate request wizard//Renewal reminder//EN",
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    // The thumbprint is hex: a UID that is the same for the same certificate, so a second download replaces it.
    `UID:renew-${reminder.thumbprint.replace(/[^0-9A-Fa-f]/g, "")}@certificate-request-wizard`,
    `DTSTAMP:${icsDateTime(input.now ?? new Date())}`,
    `DTSTART;VALUE=DATE:${icsDate(on)}`,
    `DTEND;VALUE=DATE:${icsDate(next)}`,
    `SUMMARY:${icsText(`Renew the certificate ${input.name}`)}`,
    `DESCRIPTION:${icsText(description)}`,
    "TRANSP:TRANSPARENT",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${icsText(`Renew the certificate ${input.name}`)}`,
    "TRIGGER:PT9H",
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return { text: `${lines.map(foldLine).join("\r\n")}\r\n`, on, marginDays };
}
