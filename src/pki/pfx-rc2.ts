/**
 * pbeWithSHAAnd40BitRC2-CBC (RFC 7292 Appendix C), decryption only: what OpenSSL 1.1 (and OpenSSL 3 with
 * -legacy) writes around a .pfx's certificates by default, so that such a .pfx can be opened to convert it.
 * node-forge's RC2, loaded only when a .pfx needs it: the page never writes RC2, and the .pfx code does not
 * carry it otherwise.
 */
import forge from "node-forge/lib/forge";
import "node-forge/lib/rc2";
import "node-forge/lib/util";
import { pkcs12Kdf, type PfxPassword } from "./pfx";

/** Decrypts RC2-40-CBC content; null when the padding is wrong (a wrong password, or damage). */
export function rc2Decrypt(params: {
  password: PfxPassword;
  salt: Uint8Array;
  iterations: number;
  data: Uint8Array;
}): Uint8Array | null {
  const derive = (id: 1 | 2, length: number) =>
    pkcs12Kdf({
      password: params.password,
      salt: params.salt,
      id,
      iterations: params.iterations,
      length,
      hash: "SHA-1",
    });
  const binary = (bytes: Uint8Array) => forge.util.binary.raw.encode(bytes);
  const cipher = forge.rc2.createDecryptionCipher(forge.util.createBuffer(binary(derive(1, 5))), 40);
  cipher.start(forge.util.createBuffer(binary(derive(2, 8))));
  cipher.update(forge.util.createBuffer(binary(params.data)));
  if (!cipher.finish()) return null;
  return Uint8Array.from(forge.util.binary.raw.decode(cipher.output.getBytes()));
}
