/**
 * The same request reproduced natively, for admins whose policy wants the key made on the server itself:
 * a certreq INF file (Windows) and an OpenSSL config with its command line.
 */
import { effectiveAltNames, parseDirectoryName, type AltName } from "./names";
import { curveOfAlgorithm } from "./curves";
import { effectiveKeyUsage, fileStem, type RequestPlan } from "./request";
import { keyUsageFlags, type KeyUsageName } from "./usages";

/** certreq's SAN {text} keywords, per Microsoft's certreq INF reference. */
const INF_SAN: Record<AltName["type"], string> = {
  dns: "dns",
  ipv4: "ipaddress",
  ipv6: "ipaddress",
  email: "email",
  url: "url",
  upn: "upn",
  dn: "dn",
};
/** OpenSSL's subjectAltName keywords (x509v3_config). */
const OPENSSL_SAN: Record<Exclude<AltName["type"], "upn" | "dn">, string> = {
  dns: "DNS",
  ipv4: "IP",
  ipv6: "IP",
  email: "email",
  url: "URI",
};
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

/** An INF string value: double quotes inside are doubled. */
const infString = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** The subject as certreq reads it (X.500 string): a value with a comma, quote, plus or equals sign is quoted. */
function infSubject(plan: RequestPlan): string {
  return plan.subject
    .map(
      (p) =>
        `${p.type === "ST" ? "S" : p.type}=${/[,+="\\<>;#]/.test(p.value) || /^\s|\s$/.test(p.value) ? `"${p.value.replace(/"/g, '""')}"` : p.value}`,
    )
    .join(", ");
}

/** The key usage as certreq's KeyUsage number: the KeyUsage BIT STRING's first byte (CERT_*_KEY_USAGE flags). */
function infKeyUsage(usages: readonly KeyUsageName[]): string {
  // RFC 5280 bit n is 0x80 >> n in the first byte; decipherOnly (bit 8) is 0x8000 in certreq's numbering.
  const flags = keyUsageFlags(usages);
  let value = 0;
  for (let bit = 0; bit < 9; bit++) if (flags & (1 << bit)) value |= bit < 8 ? 0x80 >> bit : 0x8000;
  return `0x${value.toString(16)}`;
}

/** The same request as a certreq INF file (Microsoft, certreq: INF file syntax) for `certreq -new`. */
export function certreqInf(plan: RequestPlan): string {
  const legacy = plan.template === "legacy";
  const rsa = plan.key.algorithm === "rsa";
  const ku = effectiveKeyUsage(plan);
  const names = effectiveAltNames(plan.subject, plan.altNames);
  const lines = ["[Version]", 'Signature="$Windows NT$"', "", "[NewRequest]"];
  if (plan.subject.length > 0) lines.push(`Subject = ${infString(infSubject(plan))}`);
  if (legacy) {
    lines.push(`KeyLength = ${plan.key.rsaKeySize}`, `KeySpec = ${plan.key.keySpec === "exchange" ? 1 : 2}`);
  } else {
    lines.push(
      `KeyAlgorithm = ${rsa ? "RSA" : plan.key.algorithm === "ecdsa-p256" ? "ECDSA_P256" : "ECDSA_P384"}`,
      `KeyLength = ${rsa ? plan.key.rsaKeySize : plan.key.algorithm === "ecdsa-p256" ? 256 : 384}`,
    );
  }
  if (ku.length > 0) lines.push(`KeyUsage = ${infKeyUsage(ku)}`);
  lines.push(
    "Exportable = TRUE",
    "MachineKeySet = TRUE",
    `ProviderName = ${infString(legacy ? "Microsoft RSA SChannel Cryptographic Provider" : "Microsoft Software Key Storage Provider")}`,
  );
  if (legacy) lines.push("ProviderType = 12");
  lines.push(`HashAlgorithm = ${plan.key.hash}`, "RequestType = PKCS10");
  if (plan.friendlyName) lines.push(`FriendlyName = ${infString(plan.friendlyName)}`);
  if (plan.suppressDefaultExtensions) lines.push("SuppressDefaults = TRUE");

  const ext: string[] = [];
  const critical: string[] = [];
  if (names.length > 0) {
    ext.push('2.5.29.17 = "{text}"');
    // Each entry is joined to the next by "&"; the last has none.
    names.forEach((n, i) =>
      ext.push(`_continue_ = ${infString(`${INF_SAN[n.type]}=${n.value}${i < names.length - 1 ? "&" : ""}`)}`),
    );
    if (plan.subject.length === 0) critical.push("2.5.29.17");
  }
  if (ku.length > 0 && plan.keyUsageCritical) critical.push("2.5.29.15");
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
  if (critical.length > 0) ext.push(`Critical = ${critical.join(",")}`);
  if (ext.length > 0) lines.push("", "[Extensions]", ...ext);
  return `${lines.join("\r\n")}\r\n`;
}

/** The command that makes the request from the INF on the server, as the admin would type it. */
export function certreqCommand(plan: RequestPlan): string {
  const stem = fileStem(plan);
  return `certreq -new "${stem}.inf" "${stem}.req"`;
}

/** An OpenSSL config value: a value with a special character is quoted. */
const cnfValue = (value: string) =>
  /^[A-Za-z0-9 .@*:/_-]*$/.test(value) && !/^\s|\s$/.test(value) ? value : `"${value.replace(/(["\\$])/g, "\\$1")}"`;

/** The plan as an `openssl req` config: the DN in order, then the extensions the wizard writes. */
export function opensslConfig(plan: RequestPlan): string {
  const names = effectiveAltNames(plan.subject, plan.altNames);
  const ku = effectiveKeyUsage(plan);
  const lines = [
    `# ${plan.friendlyName || "Certificate request"}: made by the certificate request wizard`,
    "[req]",
    "prompt = no",
    `default_md = ${plan.key.hash}`,
    "distinguished_name = dn",
    "req_extensions = ext",
    "# PrintableString where the value fits, UTF8String otherwise, as the wizard writes the subject.",
    "string_mask = default",
    "utf8 = yes",
    "",
    "[dn]",
  ];
  // OpenSSL needs a distinct key per entry for repeated types: a numeric prefix "0.OU", "1.OU" does it.
  const seen = new Map<string, number>();
  for (const p of plan.subject) {
    const n = seen.get(p.type) ?? 0;
    seen.set(p.type, n + 1);
    const key = p.type === "E" ? "emailAddress" : p.type;
    lines.push(`${n > 0 ? `${n}.` : ""}${key} = ${cnfValue(p.value)}`);
  }
  if (plan.subject.length === 0) lines.push("# (empty subject)");
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
      if (name.type === "upn") lines.push(`${next("otherName")} = 1.3.6.1.4.1.311.20.2.3;UTF8:${name.value}`);
      else if (name.type === "dn") {
        const section = `dir_${dirs.length + 1}`;
        lines.push(`${next("dirName")} = ${section}`);
        const parsed = parseDirectoryName(name.value);
        dirs.push(
          "",
          `[${section}]`,
          ...(parsed.ok ? parsed.parts : []).map(
            (p, i) => `${i}.${p.type === "E" ? "emailAddress" : p.type} = ${cnfValue(p.value)}`,
          ),
        );
      } else lines.push(`${next(OPENSSL_SAN[name.type])} = ${name.value}`);
    }
  }
  return `${[...lines, ...dirs].join("\n")}\n`;
}

/** The command that makes the key (encrypted, AES-256) and the request from the config. */
export function opensslCommand(plan: RequestPlan): string {
  const stem = fileStem(plan);
  const newkey =
    plan.key.algorithm === "rsa"
      ? `-newkey rsa:${plan.key.rsaKeySize}`
      : `-newkey ec -pkeyopt ec_paramgen_curve:${curveOfAlgorithm(plan.key.algorithm)?.name}`;
  return `openssl req -new ${newkey} -keyout "${stem}.key" -config "${stem}.cnf" -out "${stem}.req"`;
}
