/**
 * What the reverse proxy needs once the certificate is issued (Microsoft, "Request and Configure a Certificate
 * for Your Reverse HTTP Proxy"; "Reverse Proxy Publishing"). Set-CsCertificate is for the Lync servers' own
 * certificates, not the reverse proxy's: here the .pfx is imported on the proxy and chosen on its listener.
 */
import { pfxFileName } from "../../file-names";
import type { RequestPlan } from "../../request";
import { psQuote, type NextStep } from "../framework";
import type { LyncNamesPlan } from "./plan-types";
import { REVERSE_PROXY_ARTICLE, REVERSE_PROXY_PUBLISHING_TITLE } from "./sources";

/** The steps on the proxy, in order. */
export function lyncNextSteps(names: LyncNamesPlan, request: RequestPlan): NextStep[] {
  const port80 = names.findings.some((f) => f.id === "no-lyncdiscover");
  return [
    {
      text: "Install on the proxy the root and intermediate certificates of your internal CA (the one that issued the Front End and Director certificates) and those of the public CA that will issue this certificate.",
      source: REVERSE_PROXY_ARTICLE.title,
    },
    {
      text: "On each reverse proxy (TMG 2010 or IIS ARR), import the .pfx with its private key into the Local Computer's Personal store; certutil asks for the .pfx password. Several proxies in a farm share this certificate and key.",
      command: `certutil -importPFX ${psQuote(pfxFileName(request))}`,
      source: REVERSE_PROXY_ARTICLE.title,
    },
    {
      text: `Bind it to one web listener on port 443${port80 ? ", with one on port 80 for Autodiscover" : ""}: on TMG 2010, choose the certificate on the listener's Certificates tab; on IIS ARR, choose it on the site's https binding in IIS Manager.`,
      source: REVERSE_PROXY_ARTICLE.title,
    },
    {
      text: "Add a publishing rule for each external name, as listed below.",
      source: REVERSE_PROXY_PUBLISHING_TITLE,
    },
  ];
}
