/**
 * Subject name parts and alternative names: catalogue, validation and normalisation.
 * Messages are written for the administrator, as they appear beside the field.
 */
import { hasHiddenCharacters, hiddenCharacters } from "./visible-text";

/** Subject attribute types MMC offers, with their OIDs and RFC 5280 Appendix A upper bounds. */
export const SUBJECT_TYPES = [
  { type: "CN", label: "Common name", oid: "2.5.4.3", max: 64 }, // ub-common-name
  { type: "O", label: "Organization", oid: "2.5.4.10", max: 64 }, // ub-organization-name
  { type: "OU", label: "Organizational unit", oid: "2.5.4.11", max: 64 }, // ub-organizational-unit-name
  { type: "L", label: "Locality", oid: "2.5.4.7", max: 128 }, // ub-locality-name
  { type: "ST", label: "State", oid: "2.5.4.8", max: 128 }, // ub-state-name
  { type: "C", label: "Country", oid: "2.5.4.6", max: 2 }, // ub-country-name-alpha-length
  { type: "E", label: "Email", oid: "1.2.840.113549.1.9.1", max: 255 }, // ub-emailaddress-length (PKCS #9)
  { type: "DC", label: "Domain component", oid: "0.9.2342.19200300.100.1.25", max: 63 }, // RFC 4519, one DNS label
  // X.520 names (RFC 5280 Appendix A: X520name, ub-name 32768; X520Title, ub-title 64), with Windows' keys.
  { type: "G", label: "Given name", oid: "2.5.4.42", max: 32768 },
  { type: "I", label: "Initials", oid: "2.5.4.43", max: 32768 },
  { type: "SN", label: "Surname", oid: "2.5.4.4", max: 32768 },
  { type: "T", label: "Title", oid: "2.5.4.12", max: 64 },
] as const;

/**
 * The keys a typed distinguished name may use for each type, case-insensitive: Windows' (CertStrToName: S, E,
 * G, I, T), OpenSSL's (GN, emailAddress, initials, title) and the attribute names of RFC 4519.
 */
const DN_KEYS: Record<string, SubjectType> = {
  CN: "CN",
  COMMONNAME: "CN",
  O: "O",
  OU: "OU",
  L: "L",
  ST: "ST",
  S: "ST",
  C: "C",
  E: "E",
  EMAIL: "E",
  EMAILADDRESS: "E",
  DC: "DC",
  G: "G",
  GN: "G",
  GIVENNAME: "G",
  I: "I",
  INITIALS: "I",
  SN: "SN",
  SURNAME: "SN",
  T: "T",
  TITLE: "T",
};

export type SubjectType = (typeof SUBJECT_TYPES)[number]["type"];

/** One attribute of the subject, in the order the admin added it. */
export interface SubjectPart {
  type: SubjectType;
  value: string;
  /** A common name that is an international DNS name goes in as its `xn--` form; this keeps the one to show. */
  unicode?: string;
}

/** GeneralName choices MMC offers (RFC 5280 4.2.1.6), with its labels. */
export const ALT_NAME_TYPES = [
  { type: "dns", label: "DNS" },
  { type: "ipv4", label: "IP address (v4)" },
  { type: "ipv6", label: "IP address (v6)" },
  { type: "email", label: "Email" },
  { type: "url", label: "URL" },
  { type: "upn", label: "User principal name" },
  { type: "dn", label: "Directory name" },
  // otherName 1.3.6.1.4.1.311.25.1 (szOID_NTDS_REPLICATION): a computer object's GUID, 16 bytes as Windows stores it.
  { type: "guid", label: "GUID" },
] as const;

export type AltNameType = (typeof ALT_NAME_TYPES)[number]["type"];

/** One alternative name. `value` is what goes into the request (a DNS name in its `xn--` form). */
export interface AltName {
  type: AltNameType;
  value: string;
  /** The international form of a DNS name, kept only to show it beside its `xn--` form. */
  unicode?: string;
}

/** The catalogue entry of a subject attribute type: label, OID and RFC 5280 Appendix A upper bound. */
export function subjectType(type: SubjectType) {
  const found = SUBJECT_TYPES.find((t) => t.type === type);
  if (!found) throw new Error(`Unknown subject type ${type}`);
  return found;
}

/** MMC's label of a GeneralName choice (RFC 5280 4.2.1.6). */
export function altNameLabel(type: AltNameType): string {
  return ALT_NAME_TYPES.find((t) => t.type === type)?.label ?? type;
}

/** The outcome of checking a value typed into a field: the value to store, or what is wrong with it. */
export type Checked = { ok: true; value: string; unicode?: string } | { ok: false; error: string };

const fail = (error: string): Checked => ({ ok: false, error });
const pass = (value: string): Checked => ({ ok: true, value });

/** PrintableString's alphabet, X.680 section 41.4. */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** True when the value fits PrintableString (X.680 41.4), so it may be encoded as one. */
export function isPrintableString(value: string): boolean {
  return PRINTABLE.test(value);
}

/**
 * Control, direction and invisible characters (visible-text.ts) and lone surrogates make a name that no CA or
 * program displays faithfully, or that reads as another name: typed input refuses them.
 */
function hasControlOrBrokenText(value: string): boolean {
  return hasHiddenCharacters(value) || !value.isWellFormed();
}

/** The sentence for a value refused for hidden characters, naming them. */
function hiddenMessage(label: string, value: string): string {
  const named = hiddenCharacters(value);
  return `${label} contains control characters or broken text${named.length ? ` (${named.join(", ")}: control, direction or invisible characters)` : ""}; retype it.`;
}

/** Checks and normalises one subject part as typed beside its Type. */
export function checkSubjectPart(type: SubjectType, input: string): Checked {
  const { label, max } = subjectType(type);
  const value = input.trim().normalize("NFC");
  if (!value) return fail(`Enter a value for ${label}.`);
  // Why the raw input: trim() takes a line break, U+2028 or U+FEFF off the ends, so a check of the trimmed
  // value alone would pass a value that still carries one wherever the raw text is kept.
  if (hasControlOrBrokenText(input)) return fail(hiddenMessage(label, input));
  switch (type) {
    case "C":
      // ISO 3166 alpha-2, and PrintableString of exactly two characters (RFC 5280 Appendix A).
      return /^[A-Za-z]{2}$/.test(value)
        ? pass(value.toUpperCase())
        : fail("Country must be exactly two letters, such as US or DE (ISO 3166).");
    case "E": {
      const email = checkEmail(value);
      if (!email.ok) return email;
      return email.value.length > max ? fail(`Email is at most ${max} characters.`) : email;
    }
    case "CN": {
      // Why the xn-- form: a CA copies the common name from the SAN byte for byte (CA/B Forum BR 7.1.4.3).
      const dns = value.includes(".") && /[^\p{ASCII}]/u.test(value) ? checkDnsName(value) : undefined;
      if (dns?.ok) {
        return dns.name.ascii.length > max
          ? fail(
              `${label} is at most ${max} characters (RFC 5280); in its xn-- form this one has ${dns.name.ascii.length}.`,
            )
          : { ok: true, value: dns.name.ascii, unicode: dns.name.unicode };
      }
      return [...value].length > max
        ? fail(`${label} is at most ${max} characters (RFC 5280); this one has ${[...value].length}.`)
        : pass(value);
    }
    case "DC":
      if (!/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/.test(value)) {
        return fail("A domain component is one DNS label, such as contoso or com: letters, digits and inner hyphens.");
      }
      return value.length > max ? fail(`A domain component is at most ${max} characters.`) : pass(value.toLowerCase());
    default:
      return [...value].length > max
        ? fail(`${label} is at most ${max} characters (RFC 5280); this one has ${[...value].length}.`)
        : pass(value);
  }
}

/** A DNS name as it goes into the request, and as the admin reads it when it is international. */
export interface DnsName {
  ascii: string;
  unicode: string;
}

/** Converts an international label to its `xn--` form with the platform's IDNA (UTS #46) processing. */
function toAscii(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

/** A URL where a host name belongs: scheme, host (with any port or user), the rest. */
const PASTED_URL = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/i;

/**
 * The one fix for a URL pasted where a DNS name belongs (https://host/path): the host alone, when it is a DNS
 * name checkDnsName accepts; null otherwise (not a URL, or a host that is not a name, such as one with a port).
 */
export function hostOfPastedUrl(input: string): string | null {
  const url = PASTED_URL.exec(input.trim());
  if (!url?.[2]) return null;
  const host = checkDnsName(url[2]);
  return host.ok ? host.name.unicode : null;
}

/**
 * Checks a DNS name for a certificate (RFC 5280 4.2.1.6, RFC 1034 preferred syntax, CA/B Forum wildcard
 * form): letters, digits and inner hyphens, labels of 1-63, at most 253 in all, and a `*` only as the
 * whole first label. A trailing dot and upper case are normalised away; an international name is
 * converted to its `xn--` form.
 */
export function checkDnsName(input: string): { ok: true; name: DnsName } | { ok: false; error: string } {
  let value = input.trim();
  if (!value) return { ok: false, error: "Enter a DNS name, such as webext.contoso.com." };
  // The raw input, ends included: trim() would hide a line break or U+FEFF at the end (checkSubjectPart).
  if (hasControlOrBrokenText(input)) return { ok: false, error: hiddenMessage("A DNS name", input) };
  if (value.endsWith(".") && !value.endsWith("..")) value = value.slice(0, -1);
  // A URL pasted where a host name belongs: say what to remove rather than which character is wrong.
  const url = PASTED_URL.exec(value);
  if (url) {
    return {
      ok: false,
      error: `Remove "${url[1]}"${url[3] ? ` and "${url[3]}"` : ""}: a DNS name is the host alone, such as ${url[2] || "meet.contoso.com"}.`,
    };
  }
  if (/\s/.test(value)) return { ok: false, error: "A DNS name cannot contain spaces." };
  // Why before IDNA: UTS #46 maps zero-width and soft-hyphen characters away, so the name would read as another.
  if (hasControlOrBrokenText(value)) return { ok: false, error: hiddenMessage("A DNS name", value) };
  if (value.includes("_")) {
    return { ok: false, error: "A DNS name in a certificate cannot contain an underscore (_)." };
  }
  const wildcard = value.startsWith("*.");
  const rest = wildcard ? value.slice(2) : value;
  if (rest.includes("*")) {
    return { ok: false, error: "A wildcard is allowed only as the whole first label, as in *.contoso.com." };
  }
  if (rest.split(".").some((label) => label === "")) {
    return { ok: false, error: "A DNS name cannot have an empty label (two dots together, or a dot at the start)." };
  }
  const ascii = /^\p{ASCII}*$/u.test(rest) ? rest.toLowerCase() : toAscii(rest);
  if (ascii === null || ascii.includes("%")) {
    return { ok: false, error: "This international name cannot be converted to a DNS name." };
  }
  for (const label of ascii.split(".")) {
    if (label.length > 63) {
      return {
        ok: false,
        error: `The label "${label.slice(0, 20)}…" is ${label.length} characters; a label is at most 63.`,
      };
    }
    if (!/^[a-z0-9-]+$/.test(label)) {
      return { ok: false, error: `The label "${label}" may contain only letters, digits and hyphens.` };
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      return { ok: false, error: `The label "${label}" cannot start or end with a hyphen.` };
    }
  }
  if (wildcard && !ascii.includes(".")) {
    return { ok: false, error: "A wildcard needs a domain of at least two labels under it, as in *.contoso.com." };
  }
  const full = (wildcard ? "*." : "") + ascii;
  if (full.length > 253)
    return { ok: false, error: `A DNS name is at most 253 characters; this one has ${full.length}.` };
  const prefix = wildcard ? "*." : "";
  return {
    ok: true,
    name: { ascii: full, unicode: ascii === rest.toLowerCase() ? full : prefix + rest.normalize("NFC").toLowerCase() },
  };
}

function checkIpv4(input: string): Checked {
  const value = input.trim();
  const octet = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
  return new RegExp(`^${octet}(\\.${octet}){3}$`).test(value)
    ? pass(value)
    : fail("Enter an IPv4 address as four numbers from 0 to 255, such as 192.0.2.10.");
}

function checkIpv6(input: string): Checked {
  const value = input.trim().replace(/^\[|\]$/g, "");
  // The URL parser implements RFC 4291 text forms and gives the canonical RFC 5952 one back.
  const invalid = fail("Enter an IPv6 address, such as 2001:db8::10.");
  if (!value.includes(":") || !/^[0-9A-Fa-f:.]+$/.test(value)) return invalid;
  try {
    return pass(new URL(`http://[${value}]/`).hostname.slice(1, -1));
  } catch {
    return invalid;
  }
}

/** An rfc822Name (IA5String): an ASCII local part and a DNS domain. */
export function checkEmail(input: string): Checked {
  const value = input.trim();
  const at = value.lastIndexOf("@");
  if (at < 1) return fail("Enter an email address with a domain, such as admin@contoso.com.");
  const local = value.slice(0, at);
  const domain = checkDnsName(value.slice(at + 1));
  if (!domain.ok || !value.slice(at + 1).includes(".")) {
    return fail("The part after @ must be a domain, such as contoso.com.");
  }
  if (!/^[\x21-\x7e]+$/.test(local) || local.includes("@")) {
    return fail("The part before @ may contain only ASCII letters, digits and punctuation, without spaces.");
  }
  return pass(`${local}@${domain.name.ascii}`);
}

function checkUrl(input: string): Checked {
  const value = input.trim();
  if (hasControlOrBrokenText(value)) return fail(hiddenMessage("The URL", value));
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail("Enter a full URL with its scheme, such as https://meet.contoso.com/.");
  }
  if (!url.hostname) return fail("The URL needs a host name, such as https://meet.contoso.com/.");
  // uniformResourceIdentifier is an IA5String: the parser's serialisation is ASCII (punycode, %-escapes).
  return pass(url.href);
}

function checkUpn(input: string): Checked {
  const value = input.trim().normalize("NFC");
  const at = value.lastIndexOf("@");
  if (hasControlOrBrokenText(value)) return fail(hiddenMessage("A user principal name", value));
  if (at < 1 || at === value.length - 1 || /\s/.test(value)) {
    return fail("Enter a user principal name as user@domain, such as svc-proxy@contoso.com.");
  }
  return pass(value);
}

type Parsed<T> = { ok: true; parts: T } | { ok: false; error: string };

/** RFC 4514's characters that are escaped with a backslash in a value ("special" less space, "#" and "="). */
const DN_ESCAPED = new Set(['"', "+", ",", ";", "<", ">", "\\"]);

/**
 * One attribute value of a string DN (RFC 4514 2.4 / 3): backslash pairs (`\,`, `\\`, `\ `, …) and hex pairs
 * (`\C3\A9`, UTF-8 bytes), or a value in double quotes as Windows and RFC 2253 write it (`""` or `\"` inside).
 * Stops at the next unescaped "," and says what it found there.
 */
function readDnValue(text: string, from: number): { value: string; end: number; stop: string } | { error: string } {
  let i = from;
  while (text[i] === " ") i++;
  if (text[i] === "#") return { error: "A value written as #hex (BER) is not accepted here: type it as text." };
  const bytes: number[] = [];
  let value = "";
  const flush = () => {
    if (bytes.length === 0) return true;
    try {
      value += new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      return false;
    }
    bytes.length = 0;
    return true;
  };
  const badHex = { error: "A \\XX escape in the name is not valid UTF-8." };
  if (text[i] === '"') {
    for (i++; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '"' && text[i + 1] === '"') value += text[++i];
      else if (ch === "\\" && i + 1 < text.length) value += text[++i];
      else if (ch === '"') break;
      else value += ch;
    }
    if (text[i] !== '"') return { error: "A quoted value in the name has no closing quote." };
    i++;
    while (text[i] === " ") i++;
    const stop = text[i] ?? "";
    if (stop && stop !== ",") return { error: `Put a comma between the parts of the name; found "${stop}".` };
    return { value, end: i, stop };
  }
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\\") {
      const hex = /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 1, i + 3));
      if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 2;
        continue;
      }
      const next = text[i + 1];
      if (next === undefined) return { error: "The name ends with a lone backslash." };
      if (!flush()) return badHex;
      value += next;
      i++;
      continue;
    }
    if (!flush()) return badHex;
    if (ch === ",") break;
    if (ch === "+")
      return {
        error:
          "A multi-valued part (joined by +) is not offered: one attribute per part, as MMC writes it. Write a plus sign in a value as \\+.",
      };
    if (DN_ESCAPED.has(ch)) return { error: `Write ${ch} in a value as \\${ch} (RFC 4514).` };
    value += ch;
  }
  if (!flush()) return badHex;
  return { value: value.replace(/ +$/, ""), end: i, stop: text[i] ?? "" };
}

/**
 * A distinguished name typed as a string, as MMC's "Full DN" and a Directory name take it: `CN=…, O=…, C=…`
 * with RFC 4514's escapes, each part checked as the Subject tab checks it. The parts keep the order typed,
 * which is the order Windows' certreq and MMC write them into the request (first typed, first encoded).
 */
export function parseDistinguishedName(input: string): Parsed<SubjectPart[]> {
  const text = input.trim();
  const example = 'Enter the name as TYPE=value parts separated by commas, such as "CN=proxy, O=Contoso, C=US".';
  if (!text) return { ok: false, error: example };
  if (hasControlOrBrokenText(text)) return { ok: false, error: hiddenMessage("The name", text) };
  const parts: SubjectPart[] = [];
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf("=", i);
    if (eq < 0) return { ok: false, error: example };
    const rawKey = text.slice(i, eq).trim();
    const key = rawKey.toUpperCase();
    const byOid = SUBJECT_TYPES.find((t) => t.oid === rawKey)?.type;
    const type = DN_KEYS[key] ?? byOid;
    if (!type) {
      return {
        ok: false,
        error: rawKey ? `"${rawKey}" is not a name type here; use CN, O, OU, L, S, C, E, DC, G, I, SN or T.` : example,
      };
    }
    const read = readDnValue(text, eq + 1);
    if ("error" in read) return { ok: false, error: read.error };
    const part = checkSubjectPart(type, read.value);
    if (!part.ok) return part;
    parts.push(part.unicode ? { type, value: part.value, unicode: part.unicode } : { type, value: part.value });
    i = read.end + 1;
    if (read.stop === "," && !text.slice(i).trim()) return { ok: false, error: "The name ends with a comma." };
  }
  return { ok: true, parts };
}

/** A directory name alternative name: the same string form as the Full DN (kept for the name it had). */
export const parseDirectoryName = parseDistinguishedName;

/** One value as RFC 4514 2.4 writes it: `\` before its special characters, a leading "#" or space, a trailing space. */
function escapeDnValue(value: string): string {
  return value
    .replace(/[\\"+,;<>]/g, (c) => `\\${c}`)
    .replace(/^[#\s]/, (c) => `\\${c}`)
    .replace(/ $/, "\\ ");
}

/** Writes parts back as the string form parseDistinguishedName reads, in the same order. */
export function formatDirectoryName(parts: readonly SubjectPart[]): string {
  return parts.map((p) => `${p.type}=${escapeDnValue(p.value)}`).join(", ");
}

/**
 * A GUID as Windows shows it, with or without braces: 32 hex digits in 8-4-4-4-12 groups. Stored in lower case,
 * without braces.
 */
function checkGuid(input: string): Checked {
  const match = /^\{?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}?$/i.exec(input.trim());
  if (!match || input.trim().startsWith("{") !== input.trim().endsWith("}")) {
    return fail(
      "Enter a GUID as 32 hex digits in groups of 8-4-4-4-12, such as {f7c3ac41-b8ce-4fb4-aa58-3d1dc0e36b39}.",
    );
  }
  return pass(match.slice(1).join("-").toLowerCase());
}

/** Checks and normalises one alternative name as typed beside its Type. */
export function checkAltName(type: AltNameType, input: string): Checked {
  // The raw input, ends included: trim() would hide a line break or U+FEFF at the end (checkSubjectPart).
  if (type !== "dns" && input.trim() && hasControlOrBrokenText(input)) {
    return fail(hiddenMessage(`The alternative name (${altNameLabel(type)})`, input));
  }
  switch (type) {
    case "dns": {
      const dns = checkDnsName(input);
      if (!dns.ok) return dns;
      return dns.name.unicode === dns.name.ascii
        ? pass(dns.name.ascii)
        : { ok: true, value: dns.name.ascii, unicode: dns.name.unicode };
    }
    case "ipv4":
      return checkIpv4(input);
    case "ipv6":
      return checkIpv6(input);
    case "email":
      return checkEmail(input);
    case "url":
      return checkUrl(input);
    case "upn":
      return checkUpn(input);
    case "dn": {
      const dn = parseDirectoryName(input);
      return dn.ok ? pass(formatDirectoryName(dn.parts)) : dn;
    }
    case "guid":
      return checkGuid(input);
  }
}

type Rechecked<T> = { ok: true; kept: T } | { ok: false; error: string };

/**
 * A stored value read back from outside (a settings file, a draft, a renewal), kept as exactly the value the
 * typed-input check returns, so nothing the check trimmed or normalised away (a line break, U+FEFF, a space)
 * rides along into the request. A stored display form must be one the same check gives for the same value.
 */
function recheck<T extends { value: string; unicode?: string }>(
  stored: T,
  check: (input: string) => Checked,
  what: string,
): Rechecked<T> {
  const checked = check(stored.value);
  if (!checked.ok) return checked;
  let unicode = checked.unicode;
  if (stored.unicode !== undefined && stored.unicode !== checked.value) {
    const shown = check(stored.unicode);
    // Why refuse: a display form of another name would show one name and request another.
    if (!shown.ok || shown.value !== checked.value) {
      return { ok: false, error: `${what} ${checked.value} is stored with a display form that is another name.` };
    }
    unicode = shown.unicode;
  }
  const { unicode: _dropped, ...rest } = stored;
  return {
    ok: true,
    kept:
      unicode === undefined
        ? ({ ...rest, value: checked.value } as T)
        : ({ ...rest, value: checked.value, unicode } as T),
  };
}

/** A subject part from outside, checked as typed and kept as exactly the checked value (recheck). */
export function recheckSubjectPart(part: SubjectPart): Rechecked<SubjectPart> {
  return recheck(part, (input) => checkSubjectPart(part.type, input), subjectType(part.type).label);
}

/** An alternative name from outside, checked as typed and kept as exactly the checked value (recheck). */
export function recheckAltName(name: AltName): Rechecked<AltName> {
  return recheck(name, (input) => checkAltName(name.type, input), `The alternative name (${altNameLabel(name.type)})`);
}

/** How an `xn--` DNS name reads to a person; the platform has no punycode decoder, so we keep both forms. */
export function dnsDisplay(ascii: string, unicode: string | undefined): string {
  return unicode && unicode !== ascii ? `${unicode} (${ascii})` : ascii;
}

/**
 * The alternative names the request will carry: the admin's, with the common name added first when it is
 * a DNS name missing from them. Why: "The subject name must also be present in the subject alternative
 * name" (the article), and browsers ignore the common name altogether (CA/B Forum BR 7.1.4.3).
 */
export function effectiveAltNames(subject: readonly SubjectPart[], altNames: readonly AltName[]): AltName[] {
  const implied = impliedAltName(subject, altNames);
  return implied ? [implied, ...altNames] : [...altNames];
}

/** The article's rule, word for word (CA/B Forum BR 7.1.4.3 says the same): shown wherever the rule is. */
export const SUBJECT_IN_SAN = "The subject name must also be present in the subject alternative name";

/** The finding's sentence when a common name is missing from the SAN: the preflight and the planner say it alike. */
export function subjectNotInSanMessage(commonName: string): string {
  return `The subject name ${commonName} must also be present in the subject alternative name.`;
}

/**
 * The common name as the DNS name the SAN must also carry, when it is a DNS name (RFC 1034 syntax, at least
 * two labels) that the given DNS names lack, compared without case (RFC 4343); undefined otherwise.
 */
export function commonNameMissingFromSan(
  commonName: string | undefined,
  dnsNames: readonly string[],
): DnsName | undefined {
  if (!commonName?.includes(".")) return undefined;
  const dns = checkDnsName(commonName);
  if (!dns.ok || dnsNames.some((d) => d.toLowerCase() === dns.name.ascii)) return undefined;
  return dns.name;
}

/** The alternative name effectiveAltNames adds for the common name, when it adds one: the pages show it as such. */
export function impliedAltName(subject: readonly SubjectPart[], altNames: readonly AltName[]): AltName | undefined {
  const cn = subject.find((p) => p.type === "CN");
  const dnsNames = altNames.filter((a) => a.type === "dns").map((a) => a.value);
  const missing = commonNameMissingFromSan(cn?.value, dnsNames);
  if (!cn || !missing) return undefined;
  return { type: "dns", value: missing.ascii, ...(cn.unicode ? { unicode: cn.unicode } : {}) };
}

/** A wildcard covers exactly one label: *.contoso.com covers meet.contoso.com, not contoso.com nor a.b.contoso.com. */
export function wildcardCovers(wildcard: string, host: string): boolean {
  if (!wildcard.startsWith("*.")) return false;
  const base = wildcard.slice(1); // ".contoso.com"
  const left = host.endsWith(base) ? host.slice(0, -base.length) : "";
  return left.length > 0 && !left.includes(".");
}
