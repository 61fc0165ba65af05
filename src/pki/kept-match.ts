/** Which kept request a loaded certificate belongs to, by its public key: what Complete chooses for the admin. */
import { matchAnswer } from "./certificates";

/**
 * The one kept request whose key (its SubjectPublicKeyInfo's SHA-256, RFC 5280 4.1.2.7) is the public key of an
 * end-entity certificate among `certificates`, or null when none or more than one is. Why only exactly one: a
 * choice made for the admin must be the only possible one; with two candidates the admin chooses.
 */
export async function keptRequestOfCertificates<K extends { spkiSha256: string }>(params: {
  certificates: readonly Uint8Array<ArrayBuffer>[];
  kept: readonly K[];
  crypto?: Crypto;
}): Promise<K | null> {
  try {
    // Matched against no key, the answer lists the key each end-entity certificate belongs to.
    const answer = await matchAnswer({ certificates: params.certificates, keySpkiSha256: "", crypto: params.crypto });
    if (answer.matched) return null;
    const prints = new Set(answer.belongsTo.map((b) => b.spkiSha256));
    const candidates = params.kept.filter((k) => prints.has(k.spkiSha256));
    return candidates.length === 1 ? candidates[0]! : null;
  } catch {
    // A damaged certificate is said by the examination that follows; nothing is chosen for it.
    return null;
  }
}
