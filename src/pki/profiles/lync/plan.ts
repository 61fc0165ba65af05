/**
 * The reverse-proxy names planner: from a Lync Server 2013 / Skype for Business topology to the subject and
 * alternative names of the reverse proxy's certificate, each with its reason, and the findings of the rules
 * in shared/docs/reverse-proxy-names.md (Microsoft's "Certificate summary - Reverse proxy", "Planning for
 * simple URLs", "Wildcard certificate support").
 */
import { checkSubjectInSan, mergeNames } from "../framework";
import { parseSipDomains } from "../sip-domains";
import { planExchange } from "./exchange";
import { planOfficeWebApps } from "./office-web-apps";
import type { LyncFinding, LyncNamesPlan } from "./plan-types";
import { checkNames, publishingRules } from "./publishing";
import { planServers, webServicesNames } from "./servers";
import { defaultsFor, planSimpleUrls } from "./simple-urls";
import type { LyncTopology } from "./topology";
import { lyncdiscoverNames, planWildcards, simpleUrlNames } from "./wildcard";

/** The names plan for a topology: subject, alternative names with reasons, findings (Microsoft, "Certificate summary - Reverse proxy"). */
export function planReverseProxyNames(t: LyncTopology): LyncNamesPlan {
  const findings: LyncFinding[] = [];
  const sipDomains = parseSipDomains(t.sipDomains, findings);
  const servers = planServers(t, findings);
  const defaults = defaultsFor(t, sipDomains);
  const urls = planSimpleUrls(t, sipDomains, servers, defaults, findings);
  const officeWebApps = planOfficeWebApps(t, findings);
  const exchange = planExchange(t, defaults, findings);
  const { subject, names: webServices } = webServicesNames(servers, findings);
  const simple = simpleUrlNames(t, urls);
  const lyncdiscover = lyncdiscoverNames(t, sipDomains, findings);
  const { wildcards, byName } = planWildcards(t, sipDomains, [...simple, ...lyncdiscover], findings);

  // The article's order: pools, Directors, meet, dialin, Office Web Apps, lyncdiscover; then wildcards and Exchange.
  const names = mergeNames([
    ...webServices,
    ...simple.filter(byName),
    ...officeWebApps,
    ...lyncdiscover.filter(byName),
    ...wildcards,
    ...exchange,
  ]);
  checkNames(names, findings);
  checkSubjectInSan(subject, names, findings);

  const publishing = publishingRules({
    servers: [...servers.pools, ...servers.directors],
    webServices: [...simple, ...lyncdiscover],
    officeWebApps,
    exchange,
  });
  return { sipDomains, subject, names, findings, defaults, publishing };
}
