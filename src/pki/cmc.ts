/**
 * The PKCS #10 inside a signed wrapping: a CMC Full PKI Request (RFC 5272 3.2), which the Certificates snap-in
 * writes as its other request format, or a plain PKCS #7 / CMS SignedData (RFC 5652 5) whose content is the
 * request. Only the request inside is returned: its own signature is what the page checks, and the wrapping's
 * signer (the request's key, or for a renewal the old certificate's) is not a fact the wizard uses.
 */
import * as asn1js from "asn1js";
import { ContentInfo, SignedData, id_signedData } from "@peculiar/asn1-cms";
import { AsnConvert } from "@peculiar/asn1-schema";

/** id-cct-PKIData (RFC 5272 3.2.1): the content type of a Full PKI Request. */
export const ID_CCT_PKI_DATA = "1.3.6.1.5.5.7.12.2";
/** id-data (RFC 5652 4): content that is only bytes, here a PKCS #10. */
const ID_DATA = "1.2.840.113549.1.7.1";

export type RequestWrapping = "cmc" | "pkcs7";

/** One request taken out of its wrapping. */
export interface UnwrappedRequest {
  pkcs10: Uint8Array<ArrayBuffer>;
  wrapping: RequestWrapping;
  /** Requests in the wrapping beyond the first, which is the one returned. */
  others: number;
}

const bytesOf = (node: asn1js.AsnType): Uint8Array<ArrayBuffer> => new Uint8Array(node.toBER(false));

/**
 * The PKCS #10s of a PKIData's reqSequence, in order (RFC 5272 3.2.1):
 *
 * ```asn1
 * PKIData ::= SEQUENCE {
 *   controlSequence    SEQUENCE SIZE(0..MAX) OF TaggedAttribute,
 *   reqSequence        SEQUENCE SIZE(0..MAX) OF TaggedRequest,
 *   cmsSequence        SEQUENCE SIZE(0..MAX) OF TaggedContentInfo,
 *   otherMsgSequence   SEQUENCE SIZE(0..MAX) OF OtherMsg }
 * TaggedRequest ::= CHOICE {
 *   tcr   [0] TaggedCertificationRequest,
 *   crm   [1] CertReqMsg,
 *   orm   [2] SEQUENCE { ... } }
 * TaggedCertificationRequest ::= SEQUENCE {
 *   bodyPartID            BodyPartID,
 *   certificationRequest  CertificationRequest }
 * ```
 *
 * The module uses IMPLICIT tags, so tcr's [0] holds the bodyPartID and the request directly; a [0] holding one
 * SEQUENCE (explicit tagging, as some writers do) is read too. CRMF requests (crm) are not PKCS #10 and are skipped.
 */
function requestsOfPkiData(der: ArrayBuffer): Uint8Array<ArrayBuffer>[] {
  const { result, offset } = asn1js.fromBER(der);
  if (offset === -1 || !(result instanceof asn1js.Sequence)) return [];
  const reqSequence = result.valueBlock.value[1];
  if (!(reqSequence instanceof asn1js.Sequence)) return [];
  return reqSequence.valueBlock.value.flatMap((tagged) => {
    const { tagClass, tagNumber } = tagged.idBlock;
    if (tagClass !== 3 || tagNumber !== 0 || !(tagged instanceof asn1js.Constructed)) return [];
    let parts = tagged.valueBlock.value;
    if (parts.length === 1 && parts[0] instanceof asn1js.Sequence) parts = parts[0].valueBlock.value;
    const [bodyPartId, request] = parts;
    return bodyPartId instanceof asn1js.Integer && request instanceof asn1js.Sequence ? [bytesOf(request)] : [];
  });
}

/**
 * The request inside a CMC Full PKI Request or a PKCS #7 SignedData, or null when the bytes are not one.
 * Throws on what asn1js or the schema parser refuse; the caller turns that into its own sentence.
 */
export function unwrapSignedRequest(der: Uint8Array<ArrayBuffer>): UnwrappedRequest | null {
  let info: ContentInfo;
  try {
    info = AsnConvert.parse(der, ContentInfo);
  } catch {
    return null;
  }
  if (info.contentType !== id_signedData) return null;
  const signed = AsnConvert.parse(info.content, SignedData);
  const { eContentType, eContent } = signed.encapContentInfo;
  const content = eContent?.single?.buffer ?? eContent?.any;
  if (!content) return null;
  if (eContentType === ID_CCT_PKI_DATA) {
    const requests = requestsOfPkiData(content);
    return requests[0] ? { pkcs10: requests[0], wrapping: "cmc", others: requests.length - 1 } : null;
  }
  if (eContentType === ID_DATA) return { pkcs10: new Uint8Array(content), wrapping: "pkcs7", others: 0 };
  return null;
}
