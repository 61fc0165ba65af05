/** One size limit for everything read from outside: files, drops and pasted text. */

/**
 * Why 1 MB: a request, a certificate with its chain, a key file or a settings file is a few kilobytes, so
 * anything near this is something else, and parsing it would only stall the page.
 */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** What the page says beside every file picker and paste box. */
export const INPUT_LIMIT_HINT = "Up to 1 MB.";

/** The sentence for an input over the limit (RFC-free: a product limit), or null when it fits. */
export function inputTooLarge(size: number, what: string): string | null {
  return size > MAX_INPUT_BYTES
    ? `${what} is ${(size / 1048576).toFixed(1)} MB: over the 1 MB a request, certificate, key or settings file could be, so it is something else.`
    : null;
}

/** A file from a picker or a drop: a browser File is one. Read only once its size is known to be sane. */
export interface InputFile {
  name: string;
  size: number;
  arrayBuffer: () => Promise<ArrayBuffer>;
}

/** A file's bytes, or why it was not read: its size is checked before a single byte is. */
export async function readInputFile(
  file: InputFile,
): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: string }> {
  const tooLarge = inputTooLarge(file.size, `"${file.name}"`);
  return tooLarge ? { ok: false, error: tooLarge } : { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
}
