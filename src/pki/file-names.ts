/** Names for downloaded files: what every download on every page is called. */
import type { RequestPlan } from "./request";
import { withoutHiddenCharacters } from "./visible-text";

/** Long enough for any friendly name worth keeping; Windows paths start to break near 260 characters. */
const MAX_STEM = 100;
/** Device names Windows reserves in every folder, with or without an extension (Microsoft, "Naming Files"). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A file name stem from free text (a friendly name, a common name, a subject), as Microsoft's "Naming Files,
 * Paths, and Namespaces" allows it: characters Windows refuses (`\ / : * ? " < > |`) become "-"; control,
 * bidi and zero-width characters go; no trailing dot or space; at most 100 characters; a reserved device
 * name (CON, COM1, …) gets a "_" in front. Why: the name is saved on the admin's machine and shown to them,
 * and a path separator or a reordering character must never decide where the file goes or what it looks like.
 *
 * The one naming rule of every download (request, key, settings, .pfx, certificates, PEM files, reminder):
 * spaces become "-". Why hyphens rather than Windows' spaces: the same names appear in the commands and
 * configuration lines the pages give (certreq, openssl, nginx, Apache, HAProxy), where a space needs quoting.
 */
export function safeFileStem(text: string, fallback: string): string {
  const stem = withoutHiddenCharacters(text)
    .replace(/[\\/:*?"<>|]+/g, "-")
    .trim()
    .replace(/\s+/g, "-")
    .slice(0, MAX_STEM)
    .replace(/[. -]+$/, "");
  if (!stem) return fallback;
  return RESERVED.test(stem) ? `_${stem}` : stem;
}

/**
 * A stem for a file named inside a command the admin will run (certreq, openssl): letters, digits, ".", "-"
 * and "_" only, never starting with "-" or ".". Why so strict: such a name needs no quoting in sh, PowerShell
 * or cmd, so no shell can read part of it as code or as an option.
 */
export function commandFileStem(text: string, fallback: string): string {
  const stem = safeFileStem(text, fallback)
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+/, "")
    .replace(/[-.]+$/, "");
  return stem || fallback;
}

/**
 * The .pfx Complete the request exports for a request, as the profiles' next steps name it: the friendly name,
 * else the common name (complete-export-slice.ts exportStem), else "certificate".
 */
export function pfxFileName(request: Pick<RequestPlan, "friendlyName" | "subject">): string {
  const commonName = request.subject.find((p) => p.type === "CN")?.value ?? "";
  return `${safeFileStem(request.friendlyName || commonName, "certificate")}.pfx`;
}

/** A .pfx or .p12 by its name (RFC 7292's files): opened as a .pfx, not read as certificates or a key file. */
export const isPfxFileName = (name: string) => /\.(pfx|p12)$/i.test(name);
