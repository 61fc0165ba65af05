/** Preflight rules on the key and the request's signature: sizes and curves public CAs accept, hash, PSS, key spec. */
import { BR, rule } from "./rule";

/** An RSA key under 2048 bits. */
export const rsaSize = rule({
  id: "rsa-size",
  check: (f, target) =>
    f.key.algorithm === "rsa" && f.key.bits < 2048
      ? [
          {
            id: "rsa-size",
            severity: target === "public" ? "error" : "warning",
            message: `An RSA key of ${f.key.bits} bits is too weak: public CAs require 2048 or more, and Windows warns about it.`,
            source: BR("6.1.5"),
            fix: { id: "rsa-2048", label: "Use RSA 2048" },
            field: "key",
          },
        ]
      : [],
  fixes: { "rsa-2048": (plan) => ({ ...plan, key: { ...plan.key, algorithm: "rsa", rsaKeySize: 2048 } }) },
});

/** An RSA key whose size is not divisible by 8. */
export const rsaSizeMultipleOf8 = rule({
  id: "rsa-size-multiple-of-8",
  // The page makes 2048, 3072, 4096 or 8192 only; a request read on the Open page may carry any size.
  check: (f, target) =>
    f.key.algorithm === "rsa" && f.key.bits >= 2048 && f.key.bits % 8 !== 0
      ? [
          {
            id: "rsa-size-multiple-of-8",
            severity: target === "public" ? "error" : "warning",
            message: `An RSA key of ${f.key.bits} bits: public CAs accept only sizes divisible by 8, such as 2048 or 3072.`,
            source: BR("6.1.5"),
            field: "key",
          },
        ]
      : [],
});

/** An ECDSA curve other than P-256 or P-384, for a public CA. */
export const ecdsaCurve = rule({
  id: "ecdsa-curve",
  check: (f, target) =>
    target === "public" && f.key.algorithm === "ecdsa" && f.key.curve !== "P-256" && f.key.curve !== "P-384"
      ? [
          {
            id: "ecdsa-curve",
            severity: "error",
            message: `The curve ${f.key.curve} is not accepted by public CAs: use P-256 or P-384.`,
            source: BR("6.1.5"),
            field: "key",
          },
        ]
      : [],
});

/** A request signed with RSASSA-PSS. */
export const pssSignature = rule({
  id: "pss-signature",
  check: (f, target) =>
    f.pss
      ? [
          target === "public"
            ? {
                id: "pss-signature",
                severity: "warning",
                message:
                  "The request is signed with RSASSA-PSS (Use alternate signature format): public CAs generally accept only PKCS #1 v1.5 request signatures, and may refuse it. The certificate they issue does not depend on it.",
                source: "RFC 4055; CA/Browser Forum BR 7.1.3.2",
                fix: { id: "pkcs1-signature", label: "Sign with PKCS #1 v1.5" },
                field: "key",
              }
            : {
                id: "pss-signature",
                severity: "info",
                message:
                  "The request is signed with RSASSA-PSS (Use alternate signature format): Active Directory Certificate Services accepts it; another internal CA may not.",
                source: "RFC 4055; Microsoft, certreq AlternateSignatureAlgorithm",
                fix: { id: "pkcs1-signature", label: "Sign with PKCS #1 v1.5" },
                field: "key",
              },
        ]
      : [],
  fixes: { "pkcs1-signature": (plan) => ({ ...plan, key: { ...plan.key, alternateSignature: false } }) },
});

/** A SHA-1-signed request. */
export const sha1 = rule({
  id: "sha1",
  check: (f, target) =>
    f.hash === "sha1"
      ? [
          {
            id: "sha1",
            severity: target === "public" ? "error" : "warning",
            message:
              "The request is signed with SHA-1, which public CAs refuse. certreq signs with SHA-1 unless its INF sets HashAlgorithm: make the request again with sha256.",
            // Why say certreq: its reference documents sha1 as HashAlgorithm's default, so a request made
            // from an INF that omits the line is SHA-1-signed without the admin having chosen it.
            source: `${BR("7.1.3.2")}; ballot SC-097; Microsoft, certreq reference (HashAlgorithm, default sha1)`,
            field: "key",
          },
        ]
      : [],
});

/** A Legacy key of type Signature, which Schannel cannot use. */
export const signatureKey = rule({
  id: "signature-key",
  check: (f) =>
    f.keySpec === "signature"
      ? [
          {
            id: "signature-key",
            severity: "warning",
            message:
              "Key type Signature: Schannel never uses a signature-only key, so IIS, TMG, Lync and Exchange cannot use this certificate for TLS.",
            source: "Microsoft, Schannel and CAPI key specs",
            fix: { id: "key-spec-exchange", label: "Use key type Exchange" },
            field: "key",
          },
        ]
      : [],
  fixes: { "key-spec-exchange": (plan) => ({ ...plan, key: { ...plan.key, keySpec: "exchange" } }) },
});
