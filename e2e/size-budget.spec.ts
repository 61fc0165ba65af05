/** The size budget: what the first page loads stays small, and the single file stays under its aim. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { firstLoadFiles } from "../scripts/first-load-files.mjs";

/** Script and style of the first page, gzip. Measured at 98.5 KiB when set (2026-11-25); the budget is 10% above that. */
export const FIRST_PAGE_BUDGET = 108 * 1024;
/** The single file with every page's code, gzip: the aim in the issue. */
export const SINGLE_FILE_BUDGET = 400 * 1000;

test("the first page's script and style fit the budget, and later pages' code is not among them", () => {
  // The entry and what it loads at open, the app's start chunk after the first paint included (the manifest).
  const files = firstLoadFiles("dist");
  expect(files.some((f) => f.endsWith(".js"))).toBe(true);
  const size = files.reduce((n, f) => n + gzipSync(readFileSync(join("dist", f))).length, 0);
  console.log(
    `first page: ${(size / 1024).toFixed(1)} KiB gzip (budget ${(FIRST_PAGE_BUDGET / 1024).toFixed(0)} KiB): ${files.join(", ")}`,
  );
  expect(size).toBeLessThanOrEqual(FIRST_PAGE_BUDGET);
  // The PKCS #12 and x509 code is loaded on demand, not with the first page.
  const main = files
    .filter((f) => f.endsWith(".js"))
    .map((f) => readFileSync(join("dist", f), "utf8"))
    .join("");
  expect(main).not.toContain("1.2.840.113549.1.12.1.3"); // pbeWithSHAAnd3-KeyTripleDES-CBC, in pfx.ts
  expect(main).not.toContain("Pkcs10CertificateRequestGenerator");
  expect(main).not.toContain("string_mask = MASK:0x2002"); // the native writers, in native.ts
});

test("the .pfx code carries only node-forge's PKCS #12 key derivation, 3DES and hashes, not its RSA, big integers or RC2", () => {
  // pfx.ts and the 3DES it shares with the key reader (des3.ts) are two chunks; together they are the .pfx code.
  // (The .pfx reader and the RC2 it loads for OpenSSL 1.1's .pfx files are chunks of their own: pfx-reader-*, pfx-rc2-*.)
  // (Each may also come as a facade chunk of a few bytes that re-exports it for a dynamic import: all are read.)
  const code = [/^pfx-[\w-]{8}\.js$/, /^des3-[\w-]{8}\.js$/]
    .flatMap((name) => globAll("dist/assets", name))
    .map((file) => readFileSync(file, "utf8"))
    .join("");
  expect(code).toContain("generatePkcs12Key");
  for (const unused of ["BigInteger.prototype", "expandKey", "generateKeyPair"]) expect(code).not.toContain(unused);
  const size = gzipSync(code).length;
  console.log(`.pfx chunk: ${(size / 1024).toFixed(1)} KiB gzip`);
  expect(size).toBeLessThan(30 * 1024);
  // RC2 is read only, for an old .pfx: its own chunk, loaded when such a file is opened.
  expect(readFileSync(globFirst("dist/assets", /^pfx-rc2-[\w-]{8}\.js$/), "utf8")).toContain("expandKey");
});

test("the .pfx reader's Worker carries the same trimmed node-forge, and loads only when a .pfx is opened", () => {
  // The Worker is bundled on its own and inlined into the chunk that starts it (src/pki/pfx-off-thread.ts).
  const code = readFileSync(globFirst("dist/assets", /^pfx-off-thread-[\w-]{8}\.js$/), "utf8");
  expect(code).toContain("generatePkcs12Key");
  for (const unused of ["BigInteger.prototype", "generateKeyPair"]) expect(code).not.toContain(unused);
  const size = gzipSync(code).length;
  console.log(`.pfx Worker chunk: ${(size / 1024).toFixed(1)} KiB gzip`);
  expect(size).toBeLessThan(70 * 1024);
  const html = readFileSync("dist/index.html", "utf8");
  expect(html).not.toContain("pfx-off-thread");
});

test("the single file fits its aim", () => {
  const size = gzipSync(readFileSync("dist/certificate-request-wizard.html")).length;
  console.log(`single file: ${(size / 1024).toFixed(1)} KiB gzip`);
  expect(size).toBeLessThan(SINGLE_FILE_BUDGET);
});

/** The one file in a folder whose name matches. */
function globAll(folder: string, name: RegExp): string[] {
  const found = readdirSync(folder).filter((f) => name.test(f));
  expect(found.length).toBeGreaterThan(0);
  return found.map((f) => join(folder, f));
}

function globFirst(folder: string, name: RegExp): string {
  const found = readdirSync(folder).filter((f) => name.test(f));
  expect(found).toHaveLength(1);
  return join(folder, found[0]!);
}
