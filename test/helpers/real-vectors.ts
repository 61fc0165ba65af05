/**
 * The real files that Windows, AD CS and other writers made, listed in test/vectors/real/manifest.json with their
 * source, commit, licence, password and what OpenSSL says of them. The files themselves are not committed (they
 * come from public test suites): they are looked for in test/vectors/real/files/ and in ../shared/vectors/real/,
 * where the steering repository can place them for CI.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;

/** One entry of the manifest. */
export interface RealVector {
  file: string;
  kind: "pfx" | "request" | "certificate" | "cmc";
  repo: string;
  path: string;
  commit: string;
  licence: string;
  writer: string;
  /** .pfx only: the password, "" for the empty one, null for none at all. */
  password?: string | null;
  sha256: string;
  openssl: { command?: string; output?: string[] } & Record<string, unknown>;
  expect: string[];
}

export const realVectors: RealVector[] = JSON.parse(
  readFileSync(join(root, "test/vectors/real/manifest.json"), "utf8"),
).files;

const folders = [join(root, "test/vectors/real/files"), join(root, "../shared/vectors/real")];

/** The file's bytes, or null when it is in neither folder. */
export function realFile(name: string): Uint8Array<ArrayBuffer> | null {
  const folder = folders.find((f) => existsSync(join(f, name)));
  return folder ? new Uint8Array(readFileSync(join(folder, name))) : null;
}

/** True when at least one real file is here: the tests that read them run, else they say why they are skipped. */
export const realFilesPresent = realVectors.some((v) => realFile(v.file) !== null);
