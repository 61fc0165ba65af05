/** Passphrases for the private key file: a generator and a strength hint. */

/** No 0/O, 1/l/I: a generated passphrase is often read off one screen and typed on another. */
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * A random passphrase of 5 groups of 5 characters (about 144 bits). Why rejection sampling: taking bytes
 * modulo the alphabet's size would favour some characters.
 */
export function generatePassphrase(params: { crypto?: Crypto } = {}): string {
  const crypto = params.crypto ?? globalThis.crypto;
  const limit = 256 - (256 % ALPHABET.length);
  const chars: string[] = [];
  while (chars.length < 25) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
      if (byte < limit && chars.length < 25) chars.push(ALPHABET[byte % ALPHABET.length] as string);
    }
  }
  return Array.from({ length: 5 }, (_, i) => chars.slice(i * 5, i * 5 + 5).join("")).join("-");
}

const CHARACTER_CLASSES = [
  { pattern: /[a-z]/, size: 26 },
  { pattern: /[A-Z]/, size: 26 },
  { pattern: /[0-9]/, size: 10 },
  { pattern: /[^A-Za-z0-9]/, size: 33 },
];

export type Strength = "empty" | "weak" | "fair" | "strong";

/** A rough estimate of bits: length times log2 of the character classes used; enough for a hint, not a meter to trust. */
export function passphraseStrength(passphrase: string): { strength: Strength; bits: number; hint: string } {
  if (!passphrase) return { strength: "empty", bits: 0, hint: "Enter a passphrase to protect the private key file." };
  const classes = CHARACTER_CLASSES.filter((c) => c.pattern.test(passphrase));
  const pool = classes.reduce((sum, c) => sum + c.size, 0);
  const unique = new Set(passphrase).size;
  const bits = Math.round(Math.min([...passphrase].length, unique * 2) * Math.log2(Math.max(pool, 2)));
  if (bits < 50 || classes.length < 2) {
    return {
      strength: "weak",
      bits,
      hint: "Weak: anyone who gets the key file could guess this. Use 16 or more characters, or generate one.",
    };
  }
  if (bits < 80)
    return { strength: "fair", bits, hint: "Fair: longer is better for a key that protects a public certificate." };
  return { strength: "strong", bits, hint: "Strong." };
}
