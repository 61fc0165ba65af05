/** What the preflight rules look at: the facts of a request, the same for a planned request and for one read from a file. */
import { curveOfAlgorithm } from "../curves";
import { effectiveAltNames, type AltName } from "../names";
import { effectiveKeyUsage, type RequestPlan } from "../request";
import type { KeyUsageName } from "../usages";

/** Where the request goes: public CAs follow the CA/Browser Forum Baseline Requirements; an internal CA need not. */
export type CaTarget = "public" | "internal";

/** What the rules look at: the same for a planned request and for one read from a file. */
export interface RequestFacts {
  subject: { type: string; value: string }[];
  altNames: AltName[];
  sanCritical: boolean;
  keyUsage: KeyUsageName[] | null;
  keyUsageCritical: boolean;
  extendedKeyUsage: string[] | null;
  extendedKeyUsageCritical: boolean;
  basicConstraints: { ca: boolean; critical: boolean } | null;
  key:
    { algorithm: "rsa"; bits: number } | { algorithm: "ecdsa"; curve: string } | { algorithm: "other"; name: string };
  /** "sha1", "sha256", …: the request's signature hash. */
  hash: string;
  /** The request is signed with RSASSA-PSS (MMC's "Use alternate signature format"), not PKCS #1 v1.5. */
  pss?: boolean;
  /** CAPI key spec, known only for a planned Legacy key. */
  keySpec?: "exchange" | "signature";
}

/** The facts of a planned request: what createPkcs10 will write. */
export function factsFromPlan(plan: RequestPlan): RequestFacts {
  const keyUsage = effectiveKeyUsage(plan);
  return {
    subject: plan.subject.map((p) => ({ type: p.type, value: p.value })),
    altNames: effectiveAltNames(plan.subject, plan.altNames),
    sanCritical: plan.subject.length === 0,
    keyUsage: keyUsage.length > 0 ? keyUsage : null,
    keyUsageCritical: plan.keyUsageCritical,
    extendedKeyUsage: plan.extendedKeyUsage.length > 0 ? plan.extendedKeyUsage : null,
    extendedKeyUsageCritical: plan.extendedKeyUsageCritical,
    basicConstraints: plan.basicConstraints.enabled
      ? { ca: plan.basicConstraints.ca, critical: plan.basicConstraints.critical }
      : null,
    key:
      plan.key.algorithm === "rsa"
        ? { algorithm: "rsa", bits: plan.key.rsaKeySize }
        : { algorithm: "ecdsa", curve: curveOfAlgorithm(plan.key.algorithm)!.name },
    hash: plan.key.hash,
    pss: plan.key.algorithm === "rsa" && plan.key.alternateSignature,
    keySpec: plan.template === "legacy" ? plan.key.keySpec : undefined,
  };
}

/** The DNS names among the alternative names. */
export const dnsNames = (f: RequestFacts) => f.altNames.filter((n) => n.type === "dns").map((n) => n.value);
/** The subject's common name, if it has one. */
export const commonName = (f: RequestFacts) => f.subject.find((p) => p.type === "CN")?.value;
