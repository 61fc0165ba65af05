/**
 * Characters that hide or reorder text: C0 and C1 controls (Unicode Cc), and format characters (Cf), which
 * hold the bidi controls U+202A–U+202E and U+2066–U+2069, the zero-width characters U+200B–U+200F, U+2060 and
 * U+FEFF, and the soft hyphen; plus the line and paragraph separators. A name carrying one can read as another
 * name (UTS #39 section 3; CVE-2021-42574, "Trojan Source"), so they are shown, never obeyed.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** True when the text holds a character that hides or reorders text. */
export function hasHiddenCharacters(text: string): boolean {
  return new RegExp(HIDDEN.source, "u").test(text);
}

/** The hidden characters in a text, each once, as U+XXXX, for a finding that names them. */
export function hiddenCharacters(text: string): string[] {
  return [...new Set(text.match(HIDDEN) ?? [])].map(codePoint);
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** The text with each hidden character written out as ⟨U+XXXX⟩, so it shows instead of acting. */
export function showHiddenCharacters(text: string): string {
  return text.replace(HIDDEN, (c) => `⟨${codePoint(c)}⟩`);
}

/** The text with every hidden character taken out: for a file name, where showing them is no use. */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(HIDDEN, "");
}
