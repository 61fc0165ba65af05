/** The proxies Complete the request exports for, and which take a .pfx: small, for the Export form to show at once. */

/** Where the certificate goes: a Windows .pfx, an appliance's .pfx, or a PEM set for a Linux proxy. */
export type ExportTarget = "windows" | "appliance" | "nginx" | "haproxy" | "apache";

/** Each target as the Export form offers it. */
export const EXPORT_TARGETS: readonly { value: ExportTarget; label: string; hint: string }[] = [
  {
    value: "windows",
    label: "Windows: IIS ARR, TMG 2010, Exchange, Skype for Business",
    hint: "A .pfx in the profile your Windows version imports.",
  },
  {
    value: "appliance",
    label: "F5 BIG-IP, KEMP LoadMaster, Citrix ADC",
    hint: "A .pfx (PKCS #12) to import: AES256-SHA256 for current versions, TripleDES-SHA1 for older ones. They also take Apache's PEM files.",
  },
  { value: "nginx", label: "NGINX", hint: "fullchain.pem (the certificate, then the intermediates) and privkey.pem." },
  { value: "haproxy", label: "HAProxy", hint: "One PEM with the key, the certificate and the intermediates." },
  { value: "apache", label: "Apache httpd", hint: "The certificate, the chain and the key, each in its own PEM file." },
];

/** True for the targets that take a .pfx. */
export const takesPfx = (target: ExportTarget): target is "windows" | "appliance" =>
  target === "windows" || target === "appliance";
