/** Plan names' inputs for the reverse proxy, in the page's order: what the admin types and where findings show. */
import type { PlannerInput } from "../framework";
import type { LyncNamesPlan } from "./plan-types";
import type { LyncTopology } from "./topology";

type Input = PlannerInput<LyncTopology, LyncNamesPlan>;

const omit = (record: Record<string, string>, key: string): Record<string, string> => {
  const { [key]: _removed, ...rest } = record;
  return rest;
};

const meetingUrl = (domain: string): Input => ({
  kind: "text",
  field: `meetingUrls:${domain}`,
  label: `Meeting simple URL (${domain})`,
  hint: "Default, from the SIP domain; change it if yours differs.",
  get: (t) => t.meetingUrls[domain] ?? "",
  set: (t, value) => ({ ...t, meetingUrls: { ...t.meetingUrls, [domain]: value } }),
  fallback: {
    value: (_t, p) => p.defaults.meetingUrls[p.sipDomains.indexOf(domain)] ?? "",
    isTyped: (t) => Object.hasOwn(t.meetingUrls, domain),
    reset: (t) => ({ ...t, meetingUrls: omit(t.meetingUrls, domain) }),
  },
});

/** The inputs of the reverse proxy's topology, as Plan names shows them. */
export const LYNC_INPUTS: Input[] = [
  {
    kind: "lines",
    field: "sipDomains",
    label: "SIP domains",
    hint: "One per line; the first is the default SIP domain.",
    rows: 2,
    placeholder: "e.g. contoso.com",
    get: (t) => t.sipDomains,
    set: (t, sipDomains) => ({ ...t, sipDomains }),
  },
  {
    kind: "group",
    field: "poolsGroup",
    label: "Front End pools",
    inside: [
      {
        kind: "lines",
        field: "pools",
        label: "External web services FQDN",
        hint: "One per line, for each pool that homes remote users. The first is the subject name.",
        rows: 2,
        placeholder: "e.g. webext.contoso.com",
        get: (t) => t.pools,
        set: (t, pools) => ({ ...t, pools }),
      },
    ],
  },
  {
    kind: "group",
    field: "directorsGroup",
    label: "Director",
    inside: [
      {
        kind: "lines",
        field: "directors",
        label: "External web services FQDN",
        hint: "Optional: one per line, for each Director or Director pool.",
        rows: 1,
        placeholder: "e.g. webdir.contoso.com",
        get: (t) => t.directors,
        set: (t, directors) => ({ ...t, directors }),
      },
    ],
  },
  {
    kind: "choice",
    field: "simpleUrlFormat",
    label: "Simple URLs",
    options: [
      { value: "dedicated", label: "Dedicated (meet.<sipdomain>, dialin.<sipdomain>)" },
      {
        value: "common",
        label: "Common base (https://join.<sipdomain>/meet, /dialin)",
        hint: "The certificate needs the host once.",
      },
    ],
    get: (t) => t.simpleUrlFormat,
    // A new format has new defaults: the URLs typed for the other one are dropped.
    set: (t, format) => ({
      ...t,
      simpleUrlFormat: format === "common" ? "common" : "dedicated",
      meetingUrls: {},
      dialInUrl: null,
    }),
    inside: [
      { kind: "each", field: "meetingUrls", items: (_t, p) => p.sipDomains, input: meetingUrl },
      {
        kind: "text",
        field: "dialInUrl",
        label: "Dial-in simple URL",
        hint: "Default, from the first SIP domain; one for the deployment.",
        shownWhen: (_t, p) => p.sipDomains.length > 0,
        get: (t) => t.dialInUrl ?? "",
        set: (t, dialInUrl) => ({ ...t, dialInUrl }),
        fallback: {
          value: (_t, p) => p.defaults.dialInUrl,
          isTyped: (t) => t.dialInUrl !== null,
          reset: (t) => ({ ...t, dialInUrl: null }),
        },
      },
    ],
  },
  {
    kind: "text",
    field: "officeWebApps",
    label: "Office Web Apps Server",
    hint: "Optional: the external FQDN of the Office Web Apps Server used for conferencing.",
    placeholder: "e.g. officewebapps01.contoso.com",
    get: (t) => t.officeWebApps,
    set: (t, officeWebApps) => ({ ...t, officeWebApps }),
  },
  {
    kind: "choice",
    field: "autodiscoverPort",
    label: "Mobility",
    options: [
      {
        value: "443",
        label: "Publish Autodiscover on port 443",
        hint: "Adds lyncdiscover.<sipdomain> for every SIP domain.",
      },
      {
        value: "80",
        label: "Port 80 only",
        hint: "Mobile clients' Autodiscover over HTTP: no lyncdiscover name on this certificate.",
      },
    ],
    get: (t) => String(t.autodiscoverPort),
    set: (t, port) => ({ ...t, autodiscoverPort: port === "80" ? 80 : 443 }),
  },
  {
    kind: "group",
    field: "exchange",
    label: "Exchange",
    inside: [
      {
        kind: "flag",
        field: "publishExchangeAutodiscover",
        label: "Exchange Autodiscover",
        hint: "autodiscover.<smtpdomain>",
        get: (t) => t.exchange.publishAutodiscover,
        set: (t, publishAutodiscover) => ({ ...t, exchange: { ...t.exchange, publishAutodiscover } }),
        inside: [
          {
            kind: "lines",
            field: "exchangeAutodiscover",
            label: "Exchange Autodiscover names",
            hint: (_t, p) =>
              `Optional: one per line. Left empty: ${p.defaults.exchangeAutodiscover.join(", ") || "autodiscover.<sipdomain>"}.`,
            rows: 2,
            // One line: the defaults in force are listed in the hint, however many there are.
            placeholder: (_t, p) => `e.g. ${p.defaults.exchangeAutodiscover[0] ?? "autodiscover.contoso.com"}`,
            get: (t) => t.exchange.autodiscover,
            set: (t, autodiscover) => ({ ...t, exchange: { ...t.exchange, autodiscover } }),
          },
        ],
      },
      {
        kind: "flag",
        field: "publishExchangeWebServices",
        label: "Outlook on the web and Exchange Web Services",
        hint: "One name, such as mail.contoso.com.",
        get: (t) => t.exchange.publishWebServices,
        set: (t, publishWebServices) => ({ ...t, exchange: { ...t.exchange, publishWebServices } }),
        inside: [
          {
            kind: "text",
            field: "exchangeWebServices",
            label: "Exchange web services name",
            placeholder: "e.g. mail.contoso.com",
            get: (t) => t.exchange.webServices,
            set: (t, webServices) => ({ ...t, exchange: { ...t.exchange, webServices } }),
          },
        ],
      },
    ],
  },
  {
    kind: "group",
    field: "wildcardGroup",
    label: "Wildcard",
    inside: [
      {
        kind: "flag",
        field: "wildcard",
        label: "Use a wildcard",
        hint: "*.<sipdomain> in place of the meeting, dial-in and lyncdiscover names. Supported on the reverse proxy; test UC phones before relying on it. Never the subject name.",
        get: (t) => t.wildcard,
        set: (t, wildcard) => ({ ...t, wildcard }),
      },
    ],
  },
];
