/**
 * The Lync Server 2013 / Skype for Business reverse proxy's topology: what the admin types on Plan names, its
 * start values and its shape check. Small on purpose: the store's initial state and a draft's check need it
 * before the planner itself (lazy, ../registry) is loaded.
 */
import { field, isBoolean, isObj, isString, isStringArray, isStringRecord, oneOf, ShapeError } from "../../shape";

export type SimpleUrlFormat = "dedicated" | "common";

/** What the admin types on Plan names. Lists hold entries as typed; `null` means "use the default shown". */
export interface LyncTopology {
  sipDomains: string[];
  /** External web services FQDN of each Front End pool that homes remote users; the first is the subject. */
  pools: string[];
  /** External web services FQDN of each Director or Director pool (optional). */
  directors: string[];
  simpleUrlFormat: SimpleUrlFormat;
  /** The Meeting simple URL of each SIP domain, by the domain as normalised; absent means the default. */
  meetingUrls: Record<string, string>;
  dialInUrl: string | null;
  officeWebApps: string;
  /** 443: mobile clients' Autodiscover is published on 443 and needs lyncdiscover.<sipdomain>; 80: it does not. */
  autodiscoverPort: 443 | 80;
  /**
   * Exchange published through the same proxy, each name its own choice: Autodiscover (autodiscover.<domain>)
   * and Outlook on the web / Exchange Web Services (one name such as mail.contoso.com). An admin may need one
   * without the other.
   */
  exchange: { publishAutodiscover: boolean; autodiscover: string[]; publishWebServices: boolean; webServices: string };
  wildcard: boolean;
}

/** The inputs a finding or a name belongs to (the page's anchors). */
export type TopologyField =
  | "sipDomains"
  | "pools"
  | "directors"
  | "meetingUrls"
  | "dialInUrl"
  | "officeWebApps"
  | "autodiscoverPort"
  | "exchangeAutodiscover"
  | "exchangeWebServices"
  | "wildcard";

/** The article's topology: one SIP domain, one pool, dedicated simple URLs, mobility on 443. */
export function articleTopology(): LyncTopology {
  return {
    sipDomains: ["contoso.com"],
    pools: ["webext.contoso.com"],
    directors: [],
    simpleUrlFormat: "dedicated",
    meetingUrls: {},
    dialInUrl: null,
    officeWebApps: "",
    autodiscoverPort: 443,
    exchange: { publishAutodiscover: false, autodiscover: [], publishWebServices: false, webServices: "" },
    wildcard: false,
  };
}

/** A topology with nothing typed yet: the reverse-proxy start, whose fields show the article's names as examples. */
export function emptyTopology(): LyncTopology {
  return { ...articleTopology(), sipDomains: [""], pools: [""] };
}

/** Rebuilds a topology from untrusted data (a settings file, a draft); its values are checked by the planner. */
export function readLyncTopology(data: unknown): LyncTopology {
  if (!isObj(data)) throw new ShapeError('"topology" has the wrong type.');
  const exchange = field(data, "exchange", isObj);
  return {
    sipDomains: field(data, "sipDomains", isStringArray),
    pools: field(data, "pools", isStringArray),
    directors: field(data, "directors", isStringArray),
    simpleUrlFormat: field(data, "simpleUrlFormat", oneOf(["dedicated", "common"] as const)),
    meetingUrls: { ...field(data, "meetingUrls", isStringRecord) },
    dialInUrl: field(data, "dialInUrl", (v): v is string | null => v === null || isString(v)),
    officeWebApps: field(data, "officeWebApps", isString),
    autodiscoverPort: field(data, "autodiscoverPort", oneOf([443, 80] as const)),
    exchange: {
      // Why the fallback: files written before each Exchange name was its own choice hold one "publish" for both.
      publishAutodiscover: field(
        exchange,
        exchange.publishAutodiscover === undefined ? "publish" : "publishAutodiscover",
        isBoolean,
      ),
      autodiscover: field(exchange, "autodiscover", isStringArray),
      publishWebServices: field(
        exchange,
        exchange.publishWebServices === undefined ? "publish" : "publishWebServices",
        isBoolean,
      ),
      webServices: field(exchange, "webServices", isString),
    },
    wildcard: field(data, "wildcard", isBoolean),
  };
}
