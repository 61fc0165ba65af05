/**
 * Real files made on Windows and by AD CS (test/vectors/real/, gathered from public repositories and not
 * committed: see its README), each opened as the Open page opens it and compared with what OpenSSL said of it
 * in the manifest.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inspect } from "./inspect";

const root = new URL("../../test/vectors/real/", import.meta.url);
const present = existsSync(new URL("manifest.json", root)) && existsSync(new URL("files/", root));

interface Entry {
  file: string;
  kind: string;
  openssl: Record<string, string[] | string>;
}
const entries: Entry[] = present
  ? (JSON.parse(readFileSync(new URL("manifest.json", root), "utf8")) as { files: Entry[] }).files.filter(
      (f) => f.kind !== "pfx" && existsSync(new URL(`files/${f.file}`, root)),
    )
  : [];

/** The values of an RFC 2253 name as OpenSSL prints it, most significant first (as they are encoded). */
const rfc2253Values = (line: string) =>
  line
    .replace(/^subject=/, "")
    .split(/(?<!\\),/)
    .map((part) => part.slice(part.indexOf("=") + 1).replace(/\\(.)/g, "$1"))
    .reverse();

const normalized = (name: string) => name.replace(/[^a-z0-9]/gi, "").toLowerCase();

describe.skipIf(entries.length === 0)(
  "real Windows and AD CS files (skipped: test/vectors/real/files/ is absent, see test/vectors/real/README.md)",
  () => {
    it.each(entries.map((e) => [e.file, e] as const))("%s reads as OpenSSL read it", async (_, entry) => {
      const seen = await inspect({ bytes: new Uint8Array(readFileSync(new URL(`files/${entry.file}`, root))) });
      const o = entry.openssl as Record<string, string[]>;
      const wrapped = entry.kind === "cmc";
      const output = (wrapped ? o.inner_request : o.output)!;
      expect(seen.kind).toBe(entry.kind === "certificate" ? "certificate" : "request");
      expect(seen.subject.map((s) => s.value)).toEqual(rfc2253Values(output[0]!));
      expect(normalized(seen.signatureAlgorithm)).toBe(
        normalized((wrapped ? o.inner_request_signature : o.signature)![0]!),
      );
      const bits = /(\d+) bit/.exec((wrapped ? o.inner_request_key : o.key)!.join(" "))![1];
      expect(seen.key.description).toContain(`(${bits} bits)`);
      if (seen.kind === "request") {
        // OpenSSL verified every one; the page says so too, or that a browser cannot check it: never "tampered".
        expect(output).toContain("Certificate request self-signature verify OK");
        expect(seen.signatureCheck).toBe(seen.key.description.startsWith("DSA") ? "cannot be checked" : "verifies");
        const san = (wrapped ? o.inner_request_san : o.san) ?? [];
        expect(seen.altNames.filter((n) => n.type === "dns").map((n) => `DNS:${n.value}`)).toEqual(
          san.filter((n) => n.startsWith("DNS:")),
        );
      }
      if (wrapped) expect(seen.wrapping).toBe(/PKIData/.test(o.encapContentType!.join()) ? "cmc" : "pkcs7");
      else expect(seen.wrapping).toBeNull();
    });
  },
);
