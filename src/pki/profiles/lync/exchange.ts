/**
 * Exchange published through the same proxy: Autodiscover (autodiscover.<smtpdomain>, by default one per SIP
 * domain) and Outlook on the web / Exchange Web Services (one name), each the admin's own choice.
 */
import { parseFqdn, parseFqdnList } from "../framework";
import type { LyncDefaults, LyncFinding, LyncPlannedName } from "./plan-types";
import type { LyncTopology } from "./topology";

/** The Exchange names the admin chose to publish on this listener. */
export function planExchange(t: LyncTopology, defaults: LyncDefaults, findings: LyncFinding[]): LyncPlannedName[] {
  const names: LyncPlannedName[] = [];
  if (t.exchange.publishAutodiscover) {
    const typed = t.exchange.autodiscover.some((a) => a.trim());
    const autodiscover = parseFqdnList(
      typed ? t.exchange.autodiscover : defaults.exchangeAutodiscover,
      "Exchange Autodiscover",
      typed ? "exchangeAutodiscover" : "sipDomains",
      findings,
    );
    for (const name of autodiscover) {
      names.push({
        name,
        reasons: ["Exchange Autodiscover"],
        source: "exchangeAutodiscover",
        input: { field: typed ? "exchangeAutodiscover" : "sipDomains" },
      });
    }
  }
  if (t.exchange.publishWebServices) {
    if (!t.exchange.webServices.trim()) {
      findings.push({
        id: "missing",
        severity: "error",
        message: "Enter the Exchange web services name (Outlook on the web, EWS), such as mail.contoso.com.",
        field: "exchangeWebServices",
      });
    } else {
      const web = parseFqdn(t.exchange.webServices, "Exchange web services");
      if (!web.ok)
        findings.push({ id: "bad-value", severity: "error", message: web.error, field: "exchangeWebServices" });
      else
        names.push({
          name: web.value,
          reasons: ["Exchange web services and Outlook on the web"],
          source: "exchangeWebServices",
          input: { field: "exchangeWebServices" },
        });
    }
  }
  return names;
}
