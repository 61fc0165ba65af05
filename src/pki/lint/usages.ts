/** Preflight rules on what the certificate may do: key usages that fit the key, criticality, EKU, basic constraints. */
import { effectiveKeyUsage, type RequestPlan } from "../request";
import { CLIENT_AUTH, type KeyUsageName } from "../usages";
import { BR, rule, type RuleFinding } from "./rule";

const withoutUsage = (plan: RequestPlan, usage: KeyUsageName): RequestPlan => ({
  ...plan,
  keyUsage: effectiveKeyUsage(plan).filter((u) => u !== usage),
});

/** Client Authentication in the EKU, for a public CA. */
export const clientAuth = rule({
  id: "client-auth",
  check: (f, target) =>
    target === "public" && f.extendedKeyUsage?.includes(CLIENT_AUTH)
      ? [
          {
            id: "client-auth",
            severity: "warning",
            message:
              "Public CAs are removing Client Authentication: Chrome Root Program Policy 1.8 wants server-only leaves from 2027-03-15; DigiCert removes it from 2027-03-01 (not by default since 2025-10-01), Sectigo fully by 2026-05-15; Let's Encrypt and Google Trust Services already have. The CA may drop it or refuse the request. A reverse proxy needs Server Authentication only (the server and client pair is the Edge certificate's); your own CA may keep it.",
            // Dates as shared/docs/public-ca-rules.md gives them: Chrome 1.8 (2026-02-05) set 2026-06-15 for new
            // intermediates and 2027-03-15 for leaves; DigiCert's earlier "2026-05-01" was superseded; Sectigo
            // started 2025-09-15 (its dates not rechecked there); Let's Encrypt removed it in 2026, Google Trust
            // Services rejects it since April 2026.
            source:
              "Chrome Root Program Policy 1.8; DigiCert's and Sectigo's announcements; Microsoft, Certificate summary - Reverse proxy",
            fix: { id: "remove-client-auth", label: "Remove Client Authentication" },
            field: "extendedKeyUsage",
          },
        ]
      : [],
  fixes: {
    "remove-client-auth": (plan) => ({
      ...plan,
      extendedKeyUsage: plan.extendedKeyUsage.filter((o) => o !== CLIENT_AUTH),
    }),
  },
});

/** Key usages the key cannot perform: key encipherment on ECDSA, key agreement on RSA. */
export const keyUsageFit = rule({
  id: "key-usage-fit",
  check: (f) => {
    const ku = f.keyUsage ?? [];
    const out: RuleFinding<"remove-key-encipherment" | "remove-key-agreement">[] = [];
    if (f.key.algorithm === "ecdsa" && ku.includes("keyEncipherment")) {
      out.push({
        id: "key-usage-fit",
        severity: "error",
        message: "Key encipherment does not fit an ECDSA key: an EC key signs or agrees keys, it never encrypts one.",
        source: "RFC 5480 3; RFC 8813",
        fix: { id: "remove-key-encipherment", label: "Remove Key encipherment" },
        field: "keyUsage",
      });
    }
    if (f.key.algorithm === "rsa" && ku.includes("keyAgreement")) {
      out.push({
        id: "key-usage-fit",
        severity: "warning",
        message: "Key agreement does not fit an RSA key: RSA has no key agreement.",
        source: "RFC 3279 2.3.1",
        fix: { id: "remove-key-agreement", label: "Remove Key agreement" },
        field: "keyUsage",
      });
    }
    return out;
  },
  fixes: {
    "remove-key-encipherment": (plan) => withoutUsage(plan, "keyEncipherment"),
    "remove-key-agreement": (plan) => withoutUsage(plan, "keyAgreement"),
  },
});

/** Key usage present but not critical. */
export const keyUsageCritical = rule({
  id: "key-usage-critical",
  check: (f) =>
    f.keyUsage && !f.keyUsageCritical
      ? [
          {
            id: "key-usage-critical",
            severity: "warning",
            message: "Key usage is not marked critical: RFC 5280 asks for it, and so does the article.",
            source: "RFC 5280 4.2.1.3; the article",
            fix: { id: "key-usage-critical", label: "Make the key usages critical" },
            field: "keyUsage",
          },
        ]
      : [],
  fixes: { "key-usage-critical": (plan) => ({ ...plan, keyUsageCritical: true }) },
});

/** Extended Key Usage marked critical. */
export const ekuCritical = rule({
  id: "eku-critical",
  check: (f) =>
    f.extendedKeyUsage && f.extendedKeyUsageCritical
      ? [
          {
            id: "eku-critical",
            severity: "warning",
            message:
              "Extended Key Usage is marked critical: the article asks for it not to be, and public CAs write it non-critical.",
            source: `${BR("7.1.2.7.10")}; the article`,
            fix: { id: "eku-not-critical", label: "Make it not critical" },
            field: "extendedKeyUsage",
          },
        ]
      : [],
  fixes: { "eku-not-critical": (plan) => ({ ...plan, extendedKeyUsageCritical: false }) },
});

/** Basic constraints that make the request a CA's. */
export const basicConstraintsCa = rule({
  id: "basic-constraints-ca",
  check: (f) =>
    f.basicConstraints?.ca
      ? [
          {
            id: "basic-constraints-ca",
            severity: "error",
            message:
              "Basic constraints say this is a CA: a server certificate is an end entity, and no CA will issue a CA certificate from this request.",
            source: `RFC 5280 4.2.1.9; ${BR("7.1.2.7.8")}`,
            fix: { id: "remove-ca", label: "Make it an end entity" },
            field: "basicConstraints",
          },
        ]
      : [],
  fixes: {
    "remove-ca": (plan) => ({ ...plan, basicConstraints: { ...plan.basicConstraints, ca: false, pathLength: null } }),
  },
});
