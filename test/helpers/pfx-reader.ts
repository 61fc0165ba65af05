/**
 * A .pfx reader for the tests: checks the MAC, decrypts every bag and returns them with their attributes, so a
 * test can see what createPfx wrote beside what OpenSSL reads. Built from the product's own PKCS #12 pieces.
 */
import { id_data } from "@peculiar/asn1-cms";
import { AuthenticatedSafe, CertBag, id_certBag, id_pkcs8ShroudedKeyBag, PFX, SafeContents } from "@peculiar/asn1-pfx";
import { EncryptedPrivateKeyInfo, PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { FriendlyName, id_pkcs9_at_friendlyName, id_pkcs9_at_localKeyId } from "@peculiar/asn1-pkcs9";
import { AsnConvert, BitString, OctetString } from "@peculiar/asn1-schema";
import {
  checkPfxIterations,
  EncryptedData,
  ID_MS_CSP_NAME,
  pbeDecrypt,
  pfxMac,
  UnsupportedPfxError,
  WrongPfxPasswordError,
} from "../../src/pki/pfx";

const ID_SHA1 = "1.3.14.3.2.26";
const ID_SHA256 = "2.16.840.1.101.3.4.2.1";
const ID_ENCRYPTED_DATA = "1.2.840.113549.1.7.6";
const ID_KEY_USAGE = "2.5.29.15";

export interface PfxBag {
  kind: "certificate" | "key";
  /** Certificate DER, or the PrivateKeyInfo DER. */
  der: ArrayBuffer;
  algorithm?: string;
  friendlyName?: string;
  localKeyId?: string;
  cspName?: string;
  /** The PKCS #8 key usage attribute's byte, when there is one: 0x10 Exchange, 0x80 Signature. */
  keySpec?: number;
}

const hexOf = (data: ArrayBuffer) => Array.from(new Uint8Array(data), (b) => b.toString(16).padStart(2, "0")).join("");

/** Reads a .pfx in either profile: checks the MAC, decrypts every bag and returns them with their attributes. */
export async function readPfx(params: {
  der: BufferSource;
  password: string;
  crypto?: Crypto;
}): Promise<{ macAlgorithm: string; bags: PfxBag[] }> {
  const crypto = params.crypto ?? globalThis.crypto;
  let pfx: PFX;
  let authSafeDer: Uint8Array<ArrayBuffer>;
  try {
    pfx = AsnConvert.parse(params.der, PFX);
    authSafeDer = new Uint8Array(AsnConvert.parse(pfx.authSafe.content, OctetString).buffer);
  } catch {
    throw new UnsupportedPfxError("This file is not a .pfx (PKCS #12).");
  }
  const macAlg = pfx.macData.mac.digestAlgorithm.algorithm;
  const hash = macAlg === ID_SHA1 ? "SHA-1" : macAlg === ID_SHA256 ? "SHA-256" : null;
  if (!hash) throw new UnsupportedPfxError("This .pfx uses a MAC hash that is not supported here.");
  checkPfxIterations(pfx.macData.iterations);
  const expected = await pfxMac({
    hash,
    password: params.password,
    salt: new Uint8Array(pfx.macData.macSalt.buffer),
    iterations: pfx.macData.iterations,
    data: authSafeDer,
    crypto,
  });
  const got = new Uint8Array(pfx.macData.mac.digest.buffer);
  if (got.length !== expected.byteLength || !got.every((b, i) => b === new Uint8Array(expected)[i]))
    throw new WrongPfxPasswordError();

  const bags: PfxBag[] = [];
  for (const info of AsnConvert.parse(authSafeDer, AuthenticatedSafe)) {
    let safeDer: BufferSource;
    if (info.contentType === id_data) safeDer = AsnConvert.parse(info.content, OctetString).buffer;
    else if (info.contentType === ID_ENCRYPTED_DATA) {
      const enc = AsnConvert.parse(info.content, EncryptedData).encryptedContentInfo;
      const content = enc.encryptedContent?.value ?? new OctetString();
      safeDer = (
        await pbeDecrypt({
          algorithm: enc.contentEncryptionAlgorithm,
          password: params.password,
          data: content.buffer,
          crypto,
        })
      ).slice().buffer;
    } else throw new UnsupportedPfxError("This .pfx uses public-key encryption, which is not supported here.");
    for (const bag of AsnConvert.parse(safeDer, SafeContents)) {
      const attrs = bag.bagAttributes ?? [];
      const value = (id: string) => attrs.find((a) => a.attrId === id)?.attrValues[0];
      const name = value(id_pkcs9_at_friendlyName);
      const keyId = value(id_pkcs9_at_localKeyId);
      const csp = value(ID_MS_CSP_NAME);
      const meta = {
        friendlyName: name ? AsnConvert.parse(name, FriendlyName).value : undefined,
        localKeyId: keyId ? hexOf(AsnConvert.parse(keyId, OctetString).buffer) : undefined,
        cspName: csp ? AsnConvert.parse(csp, FriendlyName).value : undefined,
      };
      if (bag.bagId === id_certBag) {
        const cert = AsnConvert.parse(bag.bagValue, CertBag);
        bags.push({ kind: "certificate", der: AsnConvert.parse(cert.certValue, OctetString).buffer, ...meta });
      } else if (bag.bagId === id_pkcs8ShroudedKeyBag) {
        const epki = AsnConvert.parse(bag.bagValue, EncryptedPrivateKeyInfo);
        const der = (
          await pbeDecrypt({
            algorithm: epki.encryptionAlgorithm,
            password: params.password,
            data: epki.encryptedData.buffer,
            crypto,
          })
        ).slice().buffer;
        const ku = AsnConvert.parse(der, PrivateKeyInfo).attributes?.find((a) => a.type === ID_KEY_USAGE)?.values[0];
        bags.push({
          kind: "key",
          der,
          algorithm: epki.encryptionAlgorithm.algorithm,
          ...meta,
          keySpec: ku ? new Uint8Array(AsnConvert.parse(ku, BitString).value)[0] : undefined,
        });
      }
    }
  }
  return { macAlgorithm: hash, bags };
}
