/** The Lync Server 2013 / Skype for Business reverse proxy as a planner profile: its inputs, plan and words. */
import type { RequestPlan } from "../../request";
import { namesInto, type PlannerProfile } from "../framework";
import { LYNC_INPUTS } from "./inputs";
import { lyncNextSteps } from "./next-steps";
import { planReverseProxyNames } from "./plan";
import type { LyncNamesPlan } from "./plan-types";
import { REVERSE_PROXY_ARTICLE, REVERSE_PROXY_SUMMARY, SIMPLE_URLS, WILDCARDS } from "./sources";
import { articleTopology, emptyTopology, readLyncTopology, type LyncTopology } from "./topology";

/**
 * "Use these names": the subject and alternative names from the plan, and key usage and key as the article
 * asks (Digital signature + Key encipherment critical; RSA 2048, Exchange). The Extended Key Usage is left as
 * the plan has it: its default depends on where the request goes (usages.ts defaultExtendedKeyUsage), and
 * once the admin chose it, using the names again must not change it. Everything stays editable in
 * Certificate Properties.
 */
export function applyNamesPlan(plan: RequestPlan, names: LyncNamesPlan): RequestPlan {
  return {
    ...namesInto(plan, names),
    friendlyName: plan.friendlyName || "Reverse Proxy Listener for Lync Server",
    keyUsage: ["digitalSignature", "keyEncipherment"],
    keyUsageCritical: true,
    extendedKeyUsageCritical: false,
    key: { ...plan.key, algorithm: "rsa", rsaKeySize: 2048, keySpec: "exchange" },
  };
}

export const lyncReverseProxy: PlannerProfile<LyncTopology, LyncNamesPlan> = {
  id: "lync-reverse-proxy",
  intro:
    "Describe the deployment the reverse proxy publishes. The subject and alternative names follow from it, each with the reason it is there, as Microsoft's reverse proxy certificate summary asks.",
  empty: emptyTopology,
  example: articleTopology,
  inputs: LYNC_INPUTS,
  plan: planReverseProxyNames,
  apply: applyNamesPlan,
  services: {
    pools: "Front End pool web services",
    directors: "Director web services",
    meetingUrls: "Meetings (simple URL)",
    dialInUrl: "Dial-in (simple URL)",
    officeWebApps: "Office Web Apps Server",
    autodiscoverPort: "Mobile clients (Autodiscover)",
    exchangeAutodiscover: "Exchange Autodiscover",
    exchangeWebServices: "Outlook on the web and EWS",
    wildcard: "Simple URLs and Autodiscover",
    sipDomains: "SIP domain",
  },
  nextSteps: lyncNextSteps,
  read: readLyncTopology,
  sources: [REVERSE_PROXY_ARTICLE, REVERSE_PROXY_SUMMARY, SIMPLE_URLS, WILDCARDS],
};
