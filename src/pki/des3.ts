/**
 * DES-EDE3-CBC with PKCS #5 padding (RFC 8018 B.2.2; RFC 7292 Appendix C), node-forge's implementation:
 * WebCrypto has no 3DES, and Windows' older .pfx profile and OpenSSL's `-v2 des3` keys both use it.
 */
import forge from "node-forge/lib/forge";
import "node-forge/lib/des";
import "node-forge/lib/util";

const toBinary = (bytes: Uint8Array) => forge.util.binary.raw.encode(bytes);

/**
 * Encrypts or decrypts with DES-EDE3-CBC (24-byte key, 8-byte IV). Returns null when decryption finds the
 * padding broken, which is what a wrong password almost always gives.
 */
export function des3Cbc(params: {
  encrypt: boolean;
  key: Uint8Array;
  iv: Uint8Array;
  data: Uint8Array;
}): Uint8Array<ArrayBuffer> | null {
  const cipher = (params.encrypt ? forge.cipher.createCipher : forge.cipher.createDecipher)(
    "3DES-CBC",
    forge.util.createBuffer(toBinary(params.key)),
  );
  cipher.start({ iv: forge.util.createBuffer(toBinary(params.iv)) });
  cipher.update(forge.util.createBuffer(toBinary(params.data)));
  if (!cipher.finish()) return null;
  return Uint8Array.from(forge.util.binary.raw.decode(cipher.output.getBytes()));
}
