/** Names for downloaded files: what every download on every page is called. */

/** Longer than this and Windows paths start to break (MAX_PATH is 260 for the whole path). */
const MAX_STEM = 100;

/**
 * A file name stem from free text (a friendly name, a common name, a subject): characters Windows refuses in
 * a file name (`\ / : * ? " < > |`) and control characters become "-". Why: the name is shown and saved on
 * the admin's machine, and a path separator must never choose the folder.
 */
export function safeFileStem(text: string, fallback: string): string {
  const stem = text
    .trim()
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, "-")
    .slice(0, MAX_STEM);
  return stem || fallback;
}
