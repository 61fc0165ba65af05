/** Finish: the key pair, the signed PKCS #10 request and the encrypted key file, made in one step. */
import { createPkcs10 } from "./csr";
import { generateKeyPair, spkiFingerprint } from "./keys";
import { encryptedKeyPem, encryptPrivateKey } from "./private-key";
import type { RequestPlan } from "./request";

/** What Finish hands back: nothing in it is a secret, the key being encrypted under the passphrase. */
export interface OfflineRequest {
  /** DER CertificationRequest (RFC 2986). */
  pkcs10: Uint8Array<ArrayBuffer>;
  /** PEM "ENCRYPTED PRIVATE KEY" (RFC 5208 EncryptedPrivateKeyInfo, PBES2). */
  encryptedKey: string;
  /** SHA-256 of the SubjectPublicKeyInfo, colon hex. */
  spkiSha256: string;
}

/** Finish: a new key pair, the PKCS #10 request it signs (RFC 2986) and the key encrypted under the passphrase (RFC 5208, 8018). */
export async function createOfflineRequest(params: {
  plan: RequestPlan;
  passphrase: string;
  iterations?: number;
  crypto?: Crypto;
}): Promise<OfflineRequest> {
  const { plan, passphrase, iterations } = params;
  const crypto = params.crypto ?? globalThis.crypto;
  const keys = await generateKeyPair({ choice: plan.key, crypto });
  const [pkcs10, encrypted, spkiSha256] = await Promise.all([
    createPkcs10({ plan, keys, crypto }),
    encryptPrivateKey({ privateKey: keys.privateKey, passphrase, iterations, crypto }),
    spkiFingerprint({ publicKey: keys.publicKey, crypto }),
  ]);
  // Why nothing else is returned: the CryptoKeyPair goes out of scope here, so the only copy of the
  // private key that outlives Finish is the one encrypted under the passphrase.
  return { pkcs10: new Uint8Array(pkcs10), encryptedKey: encryptedKeyPem(encrypted), spkiSha256 };
}
