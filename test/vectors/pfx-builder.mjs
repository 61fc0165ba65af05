// Builds .pfx files (PKCS #12, RFC 7292) laid out as Windows writes them, with node-forge's primitives, for
// the test vectors OpenSSL cannot write: a MAC keyed with an ABSENT password, different friendly names on the
// key and certificate bags, and hostile iteration counts. Used by make-absent-password.mjs and
// make-forge-pfx.mjs; not part of the product.
//
// Layout (what Windows' PFXExportCertStoreEx writes in its TripleDES-SHA1 profile): an AuthenticatedSafe with
// first a Data ContentInfo holding the shrouded key bag(s) (pbeWithSHAAnd3-KeyTripleDES-CBC), then an
// EncryptedData ContentInfo holding the certificate bag (same algorithm), 20-byte salts, and a SHA-1 MAC.
//
// Passwords: a string is encoded as PKCS #12 wants it (BMPString, UTF-16BE, plus two zero bytes, so "" gives
// exactly 00 00); null is the ABSENT password, a zero-length input to the PKCS #12 KDF (RFC 7292 B.2), which
// is what Windows uses when the export wizard's password is left empty.
import forge from "node-forge";

const { asn1, pki, util } = forge;
const { Class, Type } = asn1;

const OID = {
  data: "1.2.840.113549.1.7.1",
  encryptedData: "1.2.840.113549.1.7.6",
  pkcs8ShroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
  x509Certificate: "1.2.840.113549.1.9.22.1",
  friendlyName: "1.2.840.113549.1.9.20",
  localKeyId: "1.2.840.113549.1.9.21",
  cspName: "1.3.6.1.4.1.311.17.1",
  pbeWithSHAAnd3KeyTripleDESCBC: "1.2.840.113549.1.12.1.3",
  sha1: "1.3.14.3.2.26",
};

const seq = (items) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const set = (items) => asn1.create(Class.UNIVERSAL, Type.SET, true, items);
const oid = (o) => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(o).getBytes());
const octets = (bytes) => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes);
const integer = (n) => asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const explicit0 = (inner) => asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [inner]);
const bmp = (s) => asn1.create(Class.UNIVERSAL, Type.BMPSTRING, false, s);
const der = (obj) => asn1.toDer(obj).getBytes();

/** The PKCS #12 KDF (RFC 7292 B.2) with SHA-1; password null = absent (zero-length input). */
export function pkcs12Key(password, saltBytes, id, iterations, length) {
  return pki.pbe
    .generatePkcs12Key(password, new util.ByteBuffer(saltBytes), id, iterations, length)
    .getBytes()
    .slice(0, length);
}

/** Bag attributes: friendlyName (BMPString), localKeyId (OCTET STRING), Microsoft CSP name (BMPString). */
function bagAttributes({ friendlyName, localKeyId, cspName } = {}) {
  const attrs = [];
  if (friendlyName !== undefined) attrs.push(seq([oid(OID.friendlyName), set([bmp(friendlyName)])]));
  if (localKeyId !== undefined) attrs.push(seq([oid(OID.localKeyId), set([octets(localKeyId)])]));
  if (cspName !== undefined) attrs.push(seq([oid(OID.cspName), set([bmp(cspName)])]));
  return attrs.length ? [set(attrs)] : [];
}

/** pbeWithSHAAnd3-KeyTripleDES-CBC AlgorithmIdentifier with its pkcs-12PbeParams. */
function tripleDesAlgorithm(salt, iterations) {
  return seq([oid(OID.pbeWithSHAAnd3KeyTripleDESCBC), seq([octets(salt), integer(iterations)])]);
}

/** 3DES-CBC under the PKCS #12 KDF (key id 1, IV id 2), as Windows and OpenSSL's PBE-SHA1-3DES. */
function tripleDesEncrypt(password, salt, iterations, plaintext) {
  const key = pkcs12Key(password, salt, 1, iterations, 24);
  const iv = pkcs12Key(password, salt, 2, iterations, 8);
  const cipher = forge.des.createEncryptionCipher(key);
  cipher.start(iv);
  cipher.update(util.createBuffer(plaintext));
  cipher.finish();
  return cipher.output.getBytes();
}

/**
 * A shrouded key bag. With `randomCiphertext` the EncryptedPrivateKeyInfo holds random bytes under a correct
 * AlgorithmIdentifier (for the hostile files: nothing is derived, so making them is instant).
 */
export function shroudedKeyBag({ privateKeyPem, password, iterations, attributes, randomCiphertext }) {
  const salt = forge.random.getBytesSync(20);
  let ciphertext;
  if (randomCiphertext) {
    ciphertext = forge.random.getBytesSync(1216);
  } else {
    const privateKeyInfo = pki.wrapRsaPrivateKey(pki.privateKeyToAsn1(pki.privateKeyFromPem(privateKeyPem)));
    ciphertext = tripleDesEncrypt(password, salt, iterations, der(privateKeyInfo));
  }
  const encryptedPrivateKeyInfo = seq([tripleDesAlgorithm(salt, iterations), octets(ciphertext)]);
  return seq([oid(OID.pkcs8ShroudedKeyBag), explicit0(encryptedPrivateKeyInfo), ...bagAttributes(attributes)]);
}

/** A certificate bag holding an X.509 certificate (PEM in). */
export function certificateBag({ certificatePem, attributes }) {
  const certDer = der(pki.certificateToAsn1(pki.certificateFromPem(certificatePem)));
  const certBagValue = seq([oid(OID.x509Certificate), explicit0(octets(certDer))]);
  return seq([oid(OID.certBag), explicit0(certBagValue), ...bagAttributes(attributes)]);
}

/** ContentInfo of type Data holding SafeContents in the clear (Windows puts the shrouded key bags here). */
function dataContentInfo(bags) {
  return seq([oid(OID.data), explicit0(octets(der(seq(bags))))]);
}

/** ContentInfo of type EncryptedData holding SafeContents under 3DES (Windows puts the certificates here). */
function encryptedContentInfo(bags, password, iterations) {
  const salt = forge.random.getBytesSync(20);
  const ciphertext = tripleDesEncrypt(password, salt, iterations, der(seq(bags)));
  const encryptedContent = asn1.create(Class.CONTEXT_SPECIFIC, 0, false, ciphertext); // [0] IMPLICIT OCTET STRING
  const encryptedData = seq([integer(0), seq([oid(OID.data), tripleDesAlgorithm(salt, iterations), encryptedContent])]);
  return seq([oid(OID.encryptedData), explicit0(encryptedData)]);
}

/**
 * The whole PFX: key bags in a Data ContentInfo, certificate bags in an EncryptedData, and a SHA-1 MAC.
 * `mac.iterations` sets the MAC's count; `mac.wrong` writes random bytes instead of the HMAC (no KDF is run).
 * Returns the DER as a Node Buffer.
 */
export function buildPfx({ keyBags, certBags, password, certIterations = 2000, mac = {} }) {
  const macIterations = mac.iterations ?? 2000;
  const contentInfos = [];
  if (keyBags.length) contentInfos.push(dataContentInfo(keyBags));
  if (certBags.length) contentInfos.push(encryptedContentInfo(certBags, password, certIterations));
  const authSafeOctets = der(seq(contentInfos));
  const macSalt = forge.random.getBytesSync(20);
  let digest;
  if (mac.wrong) {
    digest = forge.random.getBytesSync(20);
  } else {
    const hmac = forge.hmac.create();
    hmac.start("sha1", pkcs12Key(password, macSalt, 3, macIterations, 20));
    hmac.update(authSafeOctets);
    digest = hmac.digest().getBytes();
  }
  const pfx = seq([
    integer(3),
    seq([oid(OID.data), explicit0(octets(authSafeOctets))]),
    seq([
      seq([seq([oid(OID.sha1), asn1.create(Class.UNIVERSAL, Type.NULL, false, "")]), octets(digest)]),
      octets(macSalt),
      integer(macIterations),
    ]),
  ]);
  return Buffer.from(der(pfx), "binary");
}

/**
 * Which password form keys a PFX's MAC (SHA-1 MACs only): "absent" (zero-length KDF input), "empty"
 * (BMPString 00 00) or one of `passwords`. Returns the matching labels. Skips files whose MAC count is over
 * `maxIterations` (the hostile ones).
 */
export function macPasswordForms(pfxBytes, passwords = [], maxIterations = 100000) {
  const pfx = asn1.fromDer(util.createBuffer(pfxBytes.toString("binary")));
  const authSafe = pfx.value[1].value[1].value[0].value;
  const macData = pfx.value[2];
  const digestAlgorithm = asn1.derToOid(macData.value[0].value[0].value[0].value);
  if (digestAlgorithm !== OID.sha1) return [`not checked: MAC digest ${digestAlgorithm}`];
  const digest = macData.value[0].value[1].value;
  const salt = macData.value[1].value;
  const iterations = macData.value[2] ? asn1.derToInteger(macData.value[2].value) : 1;
  if (iterations > maxIterations) return [`not checked: MAC iterations ${iterations}`];
  const forms = [["absent", null], ["empty", ""], ...passwords.map((p) => [JSON.stringify(p), p])];
  return forms
    .filter(([, password]) => {
      const hmac = forge.hmac.create();
      hmac.start("sha1", pkcs12Key(password, salt, 3, iterations, 20));
      hmac.update(authSafe);
      return hmac.digest().getBytes() === digest;
    })
    .map(([label]) => label);
}
