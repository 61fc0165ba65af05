/**
 * The same request reproduced natively, for admins whose policy wants the key made on the server itself:
 * a certreq INF file (Windows) and an OpenSSL config with its command lines. Each is a grammar someone will
 * run, so every value goes in through the one escaper of that grammar, or is refused with a reason
 * (NativeRequestError) where the grammar has no escape for it.
 */

/** A value the grammar cannot carry; the message says which and why, for the page to show instead. */
export class NativeRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NativeRequestError";
  }
}

/** The name stem of the native files and of the files their commands write: safe in every shell unquoted. */
export function nativeFileStem(plan: RequestPlan): string {
  return commandFileStem(fileStem(plan), "certificate-request");
}

/** Why: a line break would start a new INF or config line, and any control character is invisible there. */
function refuseControls(value: string, what: string): string {
  if (/[\p{Cc}\u2028\u2029]/u.test(value)) {
    throw new NativeRequestError(
      `${what} contains a line break or a control character, which no INF or config line can carry.`,
    );
  }
  return value;
}
import { curveOfAlgorithm } from "./curves";
import { commandFileStem } from "./file-names";
import { effectiveAltNames, parseDirectoryName, type AltName, type SubjectType } from "./names";
import { effectiveKeyUsage, fileStem, type RequestPlan } from "./request";
import { keyUsage, type KeyUsageName } from "./usages";

/**
 * certreq's SAN {text} keywords. Microsoft's certreq reference ([Extensions] table,
 * https://learn.microsoft.com/windows-server/administration/windows-commands/certreq_1) documents UPN=, EMail=,
 * DNS=, DirectoryName=, URL=, IPAddress=, RegisteredId= and, for any other name, `OID={octet}{hex}bytes`; it
 * documents no `dn=` and no `guid=`, so a directory name is written DirectoryName= and a GUID as its other name
 * (infSanEntry).
 */
const INF_SAN: Record<Exclude<AltName["type"], "guid">, string> = {
  dns: "dns",
  ipv4: "ipaddress",
  ipv6: "ipaddress",
  email: "email",
  url: "url",
  upn: "upn",
  dn: "DirectoryName",
};
/** The other name of a directory object's GUID (Microsoft szOID_NTDS_REPLICATION, an OCTET STRING of 16 bytes). */
const GUID_OTHER_NAME = "1.3.6.1.4.1.311.25.1";
/** OpenSSL's subjectAltName keywords (x509v3_config). */
const OPENSSL_SAN: Record<Exclude<AltName["type"], "upn" | "dn" | "guid">, string> = {
  dns: "DNS",
  ipv4: "IP",
  ipv6: "IP",
  email: "email",
  url: "URI",
};
/** OpenSSL's short names of the subject types (objects.txt) where they differ from Windows' keys. */
const OPENSSL_DN: Partial<Record<SubjectType, string>> = { E: "emailAddress", G: "GN", I: "initials", T: "title" };
const opensslDnKey = (type: SubjectType) => OPENSSL_DN[type] ?? type;

/** OpenSSL's key usage names (x509v3_config). */
const OPENSSL_KU: Record<KeyUsageName, string> = {
  digitalSignature: "digitalSignature",
  nonRepudiation: "nonRepudiation",
  keyEncipherment: "keyEncipherment",
  dataEncipherment: "dataEncipherment",
  keyAgreement: "keyAgreement",
  keyCertSign: "keyCertSign",
  cRLSign: "cRLSign",
  encipherOnly: "encipherOnly",
  decipherOnly: "decipherOnly",
};

/** A GUID's 16 bytes as Windows stores them (the first three groups little-endian), in hex for ASN1_generate_nconf. */
export function guidHex(guid: string): string {
  const groups = guid.split("-");
  const reversed = (hex: string) => hex.match(/../g)!.reverse().join("");
  return [...groups.slice(0, 3).map(reversed), ...groups.slice(3)].join("").toUpperCase();
}

/**
 * An INF string value: in double quotes, a double quote inside doubled, and a percent sign doubled, since a
 * single "%" starts a %strkey% string token. Microsoft, General Syntax Rules for INF Files
 * (https://learn.microsoft.com/windows-hardware/drivers/install/general-syntax-rules-for-inf-files): "In order to
 * include a percent (%) character in values supplied in section entries and directives, escape the percent
 * character with another percent character", and a double quote "with another double quote character".
 */
export const infString = (value: string, what = "A value") =>
  `"${refuseControls(value, what).replace(/"/g, '""').replace(/%/g, "%%")}"`;

/**
 * One alternative name inside certreq's `{text}` SAN value, where "&" starts the next name and the reference
 * documents no escape for it. Why refuse rather than drop: a name cut at "&" would be a different name.
 */
function infSanEntry(name: AltName): string {
  if (name.value.includes("&")) {
    throw new NativeRequestError(
      `The alternative name ${name.value} contains "&", which certreq's {text} format reads as the start of the next name: make this request on this page or with the OpenSSL config.`,
    );
  }
  const value = refuseControls(name.value, `The alternative name ${name.value}`);
  // The reference's other-name form, as in its `1.2.3.4.6.2={octet}{hex}00 01 02 03 04 05 06 07`.
  if (name.type === "guid") return `${GUID_OTHER_NAME}={octet}{hex}${guidHex(value).match(/../g)!.join(" ")}`;
  return `${INF_SAN[name.type]}=${value}`;
}

/** The subject as certreq reads it (X.500 string): a value with a comma, quote, plus or equals sign is quoted. */
function infSubject(plan: RequestPlan): string {
  return plan.subject
    .map(
      (p) =>
        `${p.type === "ST" ? "S" : p.type}=${/[,+="\\<>;#]/.test(p.value) || /^\s|\s$/.test(p.value) ? `"${p.value.replace(/"/g, '""')}"` : p.value}`,
    )
    .join(", ");
}

/**
 * The KeyUsage extension's value (RFC 5280 4.2.1.3) as DER hex bytes for an INF `{hex}` value: a BIT STRING
 * (X.690 8.6) with bit n of RFC 5280 at 0x80 >> (n mod 8) of byte n / 8, trailing zero bits left out as DER
 * requires for a named bit list (X.690 11.2.2). Why written out: certreq documents `Critical =` for the
 * extensions in [Extensions], so this is how the INF's key usage is made critical as the page's is.
 */
export function keyUsageHex(usages: readonly KeyUsageName[]): string {
  const bits = usages.map((u) => keyUsage(u).bit);
  const last = Math.max(...bits);
  const bytes = new Uint8Array((last >> 3) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  const unused = 7 - (last & 7);
  return [0x03, bytes.length + 1, unused, ...bytes].map((b) => b.toString(16).padStart(2, "0")).join(" ");
}

/** The same request as a certreq INF file (Microsoft, certreq: INF file syntax) for `certreq -new`. */
export function certreqInf(plan: RequestPlan): string {
  const legacy = plan.template === "legacy";
  const rsa = plan.key.algorithm === "rsa";
  const ku = effectiveKeyUsage(plan);
  const names = effectiveAltNames(plan.subject, plan.altNames);
  const lines = ["[Version]", 'Signature="$Windows NT$"', "", "[NewRequest]"];
  if (plan.subject.length > 0) lines.push(`Subject = ${infString(infSubject(plan), "The subject")}`);
  if (legacy) {
    lines.push(`KeyLength = ${plan.key.rsaKeySize}`, `KeySpec = ${plan.key.keySpec === "exchange" ? 1 : 2}`);
  } else {
    lines.push(
      `KeyAlgorithm = ${rsa ? "RSA" : plan.key.algorithm === "ecdsa-p256" ? "ECDSA_P256" : "ECDSA_P384"}`,
      `KeyLength = ${rsa ? plan.key.rsaKeySize : plan.key.algorithm === "ecdsa-p256" ? 256 : 384}`,
    );
  }
  lines.push(
    "Exportable = TRUE",
    "MachineKeySet = TRUE",
    `ProviderName = ${infString(legacy ? "Microsoft RSA SChannel Cryptographic Provider" : "Microsoft Software Key Storage Provider")}`,
  );
  if (legacy) lines.push("ProviderType = 12");
  lines.push(`HashAlgorithm = ${plan.key.hash}`, "RequestType = PKCS10");
  // certreq's name for MMC's "Use alternate signature format": RSASSA-PSS.
  if (rsa && plan.key.alternateSignature) lines.push("AlternateSignatureAlgorithm = TRUE");
  if (plan.friendlyName) lines.push(`FriendlyName = ${infString(plan.friendlyName, "The friendly name")}`);
  if (plan.suppressDefaultExtensions) lines.push("SuppressDefaults = TRUE");

  const ext: string[] = [];
  const critical: string[] = [];
  if (names.length > 0) {
    ext.push('2.5.29.17 = "{text}"');
    // Each entry is joined to the next by "&"; the last has none.
    names.forEach((n, i) =>
      ext.push(`_continue_ = ${infString(`${infSanEntry(n)}${i < names.length - 1 ? "&" : ""}`)}`),
    );
    if (plan.subject.length === 0) critical.push("2.5.29.17");
  }
  if (ku.length > 0) {
    // Microsoft's certutil reference writes a Key Usage extension this way: "{hex}", then its DER bytes.
    ext.push('2.5.29.15 = "{hex}"', `_continue_ = ${infString(keyUsageHex(ku))}`);
    if (plan.keyUsageCritical) critical.push("2.5.29.15");
  }
  if (plan.extendedKeyUsage.length > 0) {
    ext.push('2.5.29.37 = "{text}"');
    plan.extendedKeyUsage.forEach((oid, i) =>
      ext.push(`_continue_ = ${infString(`${oid}${i < plan.extendedKeyUsage.length - 1 ? "," : ""}`)}`),
    );
    if (plan.extendedKeyUsageCritical) critical.push("2.5.29.37");
  }
  const bc = plan.basicConstraints;
  if (bc.enabled) {
    ext.push(
      `2.5.29.19 = ${infString(`{text}ca=${bc.ca ? 1 : 0}${bc.ca && bc.pathLength !== null ? `&pathlength=${bc.pathLength}` : ""}`)}`,
    );
    if (bc.critical) critical.push("2.5.29.19");
  }
  // The certreq reference shows one critical extension, `Critical=2.5.29.19`, and no form for several. INF
  // entries take several values separated by commas (General Syntax Rules for INF Files: "Commas separate the
  // values supplied in section entries and directives"), so several OIDs are one entry's values; a second
  // `Critical =` line is a second entry under the same key, which nothing documents certreq reading.
  if (critical.length > 0) ext.push(`Critical = ${critical.join(",")}`);
  if (ext.length > 0) lines.push("", "[Extensions]", ...ext);
  return `${lines.join("\r\n")}\r\n`;
}

/** One command line: the program and its arguments, exactly as the program must receive them. */
export interface Command {
  program: "certreq" | "openssl";
  args: string[];
}

/** The command that makes the request from the INF on the server (Microsoft, certreq -new). */
export function certreqCommands(plan: RequestPlan): Command[] {
  const stem = nativeFileStem(plan);
  return [{ program: "certreq", args: ["-new", `${stem}.inf`, `${stem}.req`] }];
}

/**
 * POSIX sh quoting (XCU 2.2.2): a word of safe characters as it is, anything else in single quotes, inside
 * which nothing is special, with each ' written '\''. Why: the line is pasted into a shell; no value may
 * become code, a redirection or a second command.
 */
export function shellWord(arg: string): string {
  return /^[A-Za-z0-9._/=:,@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/**
 * A command as the page shows it. For certreq (cmd or PowerShell, whose quoting rules differ) every argument
 * must need no quoting at all, which the strict file stems guarantee; anything else is refused.
 */
export function commandLine(command: Command): string {
  if (command.program === "certreq") {
    const unsafe = command.args.find((a) => !/^[A-Za-z0-9_][A-Za-z0-9._-]*$|^-new$/.test(a));
    if (unsafe !== undefined)
      throw new NativeRequestError(`"${unsafe}" cannot be written safely on a Windows command line.`);
    return [command.program, ...command.args].join(" ");
  }
  return [command.program, ...command.args].map(shellWord).join(" ");
}

/**
 * An OpenSSL config value (config(5)): always in double quotes, inside which "#" starts no comment and "$"
 * expands no variable, with "\\" and '"' escaped by a backslash. Why always quoted: the parser trims
 * unquoted white space and reads "#", "$" and "\\" outside quotes, so an unquoted value would not always
 * arrive as typed. A line break has no escape there, and is refused.
 */
export function configValue(value: string, what = "A value"): string {
  return `"${refuseControls(value, what).replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** The plan as an `openssl req` config: the DN in order, then the extensions the wizard writes. */
export function opensslConfig(plan: RequestPlan): string {
  const names = effectiveAltNames(plan.subject, plan.altNames);
  const ku = effectiveKeyUsage(plan);
  const lines = [
    // Why no friendly name here: a comment is a line too, and nothing typed belongs outside a quoted value.
    "# Made by the certificate request wizard",
    "[req]",
    "prompt = no",
    `default_md = ${plan.key.hash}`,
    "distinguished_name = dn",
    "req_extensions = ext",
    // Why MASK:0x2002 (PrintableString | UTF8String): "default" would write non-ASCII as TeletexString or
    // BMPString; this mask writes each value exactly as the wizard's own request does.
    "# PrintableString where the value fits, UTF8String otherwise, as the wizard writes the subject.",
    "string_mask = MASK:0x2002",
    "utf8 = yes",
    "",
    "[dn]",
  ];
  // OpenSSL needs a distinct key per entry for repeated types: a numeric prefix "0.OU", "1.OU" does it.
  const seen = new Map<string, number>();
  for (const p of plan.subject) {
    const n = seen.get(p.type) ?? 0;
    seen.set(p.type, n + 1);
    const key = opensslDnKey(p.type);
    lines.push(`${n > 0 ? `${n}.` : ""}${key} = ${configValue(p.value, `The subject's ${p.type}`)}`);
  }
  if (plan.subject.length === 0) lines.push("# (empty subject: the command passes -subj /)");
  lines.push("", "[ext]");
  if (names.length > 0) lines.push(`subjectAltName = ${plan.subject.length === 0 ? "critical, " : ""}@alt`);
  if (ku.length > 0)
    lines.push(`keyUsage = ${plan.keyUsageCritical ? "critical, " : ""}${ku.map((u) => OPENSSL_KU[u]).join(", ")}`);
  if (plan.extendedKeyUsage.length > 0)
    lines.push(
      `extendedKeyUsage = ${plan.extendedKeyUsageCritical ? "critical, " : ""}${plan.extendedKeyUsage.join(", ")}`,
    );
  const bc = plan.basicConstraints;
  if (bc.enabled)
    lines.push(
      `basicConstraints = ${bc.critical ? "critical, " : ""}CA:${bc.ca ? "TRUE" : "FALSE"}${bc.ca && bc.pathLength !== null ? `, pathlen:${bc.pathLength}` : ""}`,
    );
  if (!plan.suppressDefaultExtensions) lines.push("subjectKeyIdentifier = hash");
  const dirs: string[] = [];
  if (names.length > 0) {
    lines.push("", "[alt]");
    const count = new Map<string, number>();
    const next = (k: string) => {
      const n = (count.get(k) ?? 0) + 1;
      count.set(k, n);
      return `${k}.${n}`;
    };
    for (const name of names) {
      const what = `The alternative name ${name.value}`;
      if (name.type === "upn")
        lines.push(
          `${next("otherName")} = ${configValue(`1.3.6.1.4.1.311.20.2.3;FORMAT:UTF8,UTF8:${name.value}`, what)}`,
        );
      else if (name.type === "guid")
        lines.push(
          `${next("otherName")} = ${configValue(`1.3.6.1.4.1.311.25.1;FORMAT:HEX,OCTETSTRING:${guidHex(name.value)}`, what)}`,
        );
      else if (name.type === "dn") {
        const section = `dir_${dirs.length + 1}`;
        lines.push(`${next("dirName")} = ${section}`);
        // Why refuse: openssl reads a dirName section as ASCII (MBSTRING_ASC), so "€" would arrive as three
        // Latin-1 characters; the request made on this page writes it right.
        if (/[^\p{ASCII}]/u.test(name.value)) {
          throw new NativeRequestError(
            `The directory name ${name.value} has characters beyond ASCII, which openssl reads wrongly in an alternative name: make this request on this page.`,
          );
        }
        const parsed = parseDirectoryName(name.value);
        dirs.push(
          "",
          `[${section}]`,
          ...(parsed.ok ? parsed.parts : []).map(
            (p, i) => `${i}.${opensslDnKey(p.type)} = ${configValue(p.value, what)}`,
          ),
        );
      } else lines.push(`${next(OPENSSL_SAN[name.type])} = ${configValue(name.value, what)}`);
    }
  }
  return `${[...lines, ...dirs].join("\n")}\n`;
}

/**
 * The commands that make the key and the request from the config: `openssl genpkey -aes-256-cbc` writes the
 * key as PKCS #8 with PBES2 and AES-256-CBC (RFC 8018), which Complete the request opens, then `openssl req`
 * signs the request with it. An empty subject is passed as `-subj /`, since a config section cannot be empty.
 */
export function opensslCommands(plan: RequestPlan): Command[] {
  const stem = nativeFileStem(plan);
  const keygen =
    plan.key.algorithm === "rsa"
      ? ["-algorithm", "RSA", "-pkeyopt", `rsa_keygen_bits:${plan.key.rsaKeySize}`]
      : ["-algorithm", "EC", "-pkeyopt", `ec_paramgen_curve:${curveOfAlgorithm(plan.key.algorithm)?.name}`];
  const subject = plan.subject.length === 0 ? ["-subj", "/"] : [];
  // RSASSA-PSS as the page signs it (RFC 4055): MGF1 with the request's hash, a salt as long as the hash.
  const pss =
    plan.key.algorithm === "rsa" && plan.key.alternateSignature
      ? ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"]
      : [];
  return [
    { program: "openssl", args: ["genpkey", ...keygen, "-aes-256-cbc", "-out", `${stem}.key`] },
    {
      program: "openssl",
      args: ["req", "-new", "-key", `${stem}.key`, "-config", `${stem}.cnf`, ...subject, ...pss, "-out", `${stem}.req`],
    },
  ];
}

/**
 * The INF file's bytes: UTF-16 little-endian with a byte order mark, the Unicode form Windows' INF parser
 * reads. Why not UTF-8: without a BOM certreq reads the file in the ANSI code page (Zürich → ZÃ¼rich).
 */
export function infFileBytes(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, true);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), true);
  return bytes;
}
