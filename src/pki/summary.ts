/** The request described in words, as Certificate Information and the Details expander show it. */
import { altNameLabel, dnsDisplay, effectiveAltNames, formatDirectoryName, impliedAltName } from "./names";
import { effectiveKeyUsage, KEY_ALGORITHMS, TEMPLATES, type RequestPlan } from "./request";
import { extendedKeyUsageLabel, keyUsage } from "./usages";

export interface PlanSummary {
  subject: string;
  altNames: string[];
  /** The common name, as shown, when it is added to the alternative names for the admin. */
  impliedName: string | null;
  keyUsage: { text: string; critical: boolean; isDefault: boolean } | null;
  extendedKeyUsage: { text: string; critical: boolean } | null;
  basicConstraints: string | null;
  key: string;
  template: string;
  defaultExtensions: string;
}

/** The request in words, as MMC's Certificate Information page and its Details show it. */
export function summarisePlan(plan: RequestPlan): PlanSummary {
  const names = effectiveAltNames(plan.subject, plan.altNames);
  const implied = impliedAltName(plan.subject, plan.altNames);
  const explicitKu = plan.keyUsage.length > 0;
  const ku = effectiveKeyUsage(plan);
  const algorithm = KEY_ALGORITHMS.find((a) => a.value === plan.key.algorithm)?.label ?? plan.key.algorithm;
  const bc = plan.basicConstraints;
  return {
    subject: formatDirectoryName(plan.subject),
    altNames: names.map(
      (n) => `${altNameLabel(n.type)}: ${n.type === "dns" ? dnsDisplay(n.value, n.unicode) : n.value}`,
    ),
    impliedName: implied ? dnsDisplay(implied.value, implied.unicode) : null,
    keyUsage:
      ku.length > 0
        ? { text: ku.map((u) => keyUsage(u).label).join(", "), critical: plan.keyUsageCritical, isDefault: !explicitKu }
        : null,
    extendedKeyUsage:
      plan.extendedKeyUsage.length > 0
        ? { text: plan.extendedKeyUsage.map(extendedKeyUsageLabel).join(", "), critical: plan.extendedKeyUsageCritical }
        : null,
    basicConstraints: bc.enabled
      ? `${bc.ca ? "Subject Type=CA" : "Subject Type=End Entity"}${bc.ca && bc.pathLength !== null ? `, Path Length Constraint=${bc.pathLength}` : ""}${bc.critical ? " (critical)" : ""}`
      : null,
    key: `${algorithm}${plan.key.algorithm === "rsa" ? ` ${plan.key.rsaKeySize} bits` : ""}, key type ${plan.key.keySpec === "exchange" ? "Exchange" : "Signature"}, ${plan.key.hash}${plan.key.algorithm === "rsa" && plan.key.alternateSignature ? ", signed with RSASSA-PSS (alternate signature format)" : ""}`,
    template: TEMPLATES.find((t) => t.value === plan.template)?.label ?? plan.template,
    defaultExtensions: plan.suppressDefaultExtensions ? "suppressed" : "Subject Key Identifier added",
  };
}
