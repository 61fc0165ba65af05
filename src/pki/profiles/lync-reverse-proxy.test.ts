import { describe, expect, it } from "vitest";
import { wildcardCovers } from "../names";
import { reverseProxyPlan } from "../request";
import {
  applyNamesPlan,
  articleTopology,
  parseSimpleUrl,
  planReverseProxyNames,
  subjectInSanFinding,
  type FindingId,
  type LyncTopology,
} from "./lync-reverse-proxy";

const topology = (change: Partial<LyncTopology> = {}): LyncTopology => ({ ...articleTopology(), ...change });
const reference = topology({ directors: ["webdirext.contoso.com"], officeWebApps: "officewebapps01.contoso.com" });
const names = (t: LyncTopology) => planReverseProxyNames(t).names.map((n) => n.name);
const ids = (t: LyncTopology) => planReverseProxyNames(t).findings.map((f) => f.id);

describe("planReverseProxyNames", () => {
  it.each<[string, LyncTopology, string | null, string[]]>([
    [
      "the reference example",
      reference,
      "webext.contoso.com",
      ["webext", "webdirext", "meet", "dialin", "officewebapps01", "lyncdiscover"].map((l) => `${l}.contoso.com`),
    ],
    [
      "the article's four names",
      articleTopology(),
      "webext.contoso.com",
      ["webext.contoso.com", "meet.contoso.com", "dialin.contoso.com", "lyncdiscover.contoso.com"],
    ],
    [
      "two SIP domains: two meet and two lyncdiscover names",
      topology({ sipDomains: ["contoso.com", "fabrikam.com"], meetingUrls: {} }),
      "webext.contoso.com",
      [
        "webext.contoso.com",
        "meet.contoso.com",
        "meet.fabrikam.com",
        "dialin.contoso.com",
        "lyncdiscover.contoso.com",
        "lyncdiscover.fabrikam.com",
      ],
    ],
    [
      "the common base format: one join host",
      topology({ simpleUrlFormat: "common" }),
      "webext.contoso.com",
      ["webext.contoso.com", "join.contoso.com", "lyncdiscover.contoso.com"],
    ],
    [
      "Autodiscover on port 80: no lyncdiscover",
      topology({ autodiscoverPort: 80 }),
      "webext.contoso.com",
      ["webext.contoso.com", "meet.contoso.com", "dialin.contoso.com"],
    ],
    [
      "the wildcard: *.contoso.com in place of meet, dialin and lyncdiscover, subject and pools kept",
      { ...reference, pools: ["webext.contoso.com", "webext2.contoso.com"], wildcard: true },
      "webext.contoso.com",
      [
        "webext.contoso.com",
        "webext2.contoso.com",
        "webdirext.contoso.com",
        "officewebapps01.contoso.com",
        "*.contoso.com",
      ],
    ],
    [
      "Exchange published: Autodiscover per domain and web services",
      topology({
        exchange: {
          publishAutodiscover: true,
          autodiscover: [],
          publishWebServices: true,
          webServices: "Mail.Contoso.com.",
        },
      }),
      "webext.contoso.com",
      [
        "webext.contoso.com",
        "meet.contoso.com",
        "dialin.contoso.com",
        "lyncdiscover.contoso.com",
        "autodiscover.contoso.com",
        "mail.contoso.com",
      ],
    ],
  ])("%s", (_what, t, subject, expected) => {
    const plan = planReverseProxyNames(t);
    expect(plan.subject).toBe(subject);
    expect(plan.names.map((n) => n.name)).toEqual(expected);
    expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("gives each name its reason, merging reasons when one name serves twice", () => {
    const plan = planReverseProxyNames(topology({ simpleUrlFormat: "common" }));
    expect(plan.names.find((n) => n.name === "join.contoso.com")?.reasons).toEqual([
      "Meeting simple URL of contoso.com",
      "Dial-in simple URL",
    ]);
    expect(plan.names[0]?.reasons[0]).toMatch(/^Subject name/);
  });

  it("normalises a trailing dot and upper case, and merges a name entered twice, saying so once", () => {
    const plan = planReverseProxyNames(
      topology({ sipDomains: ["Contoso.COM.", "contoso.com", "contoso.com"], pools: ["WEBEXT.contoso.com."] }),
    );
    expect(plan.names.map((n) => n.name)).toEqual([
      "webext.contoso.com",
      "meet.contoso.com",
      "dialin.contoso.com",
      "lyncdiscover.contoso.com",
    ]);
    expect(plan.findings.filter((f) => f.id === "merged")).toEqual([
      {
        id: "merged",
        severity: "info",
        message: "contoso.com was entered more than once; it is listed once.",
        field: "sipDomains",
      },
    ]);
  });

  it.each<[string, Partial<LyncTopology>, string, RegExp]>([
    ["a SIP domain that is not a domain", { sipDomains: ["contoso"] }, "sipDomains", /not a domain/],
    ["a SIP domain with a space", { sipDomains: ["con toso.com"] }, "sipDomains", /spaces/],
    ["an empty pool list", { pools: [] }, "pools", /at least one Front End pool/],
    [
      "a path on the dedicated format",
      { meetingUrls: { "contoso.com": "https://meet.contoso.com/meet" } },
      "meetingUrls",
      /dedicated format/,
    ],
    ["a port", { dialInUrl: "https://dialin.contoso.com:8443" }, "dialInUrl", /no port/],
    ["http", { dialInUrl: "http://dialin.contoso.com" }, "dialInUrl", /start with https/],
    [
      "a hyphen in a simple URL host",
      { meetingUrls: { "contoso.com": "meet-now.contoso.com" } },
      "meetingUrls",
      /no hyphen/,
    ],
    [
      "no path on the common format",
      { simpleUrlFormat: "common", meetingUrls: { "contoso.com": "https://join.contoso.com" } },
      "meetingUrls",
      /has a path/,
    ],
    ["an Office Web Apps name that is not one", { officeWebApps: "owa_01.contoso.com" }, "officeWebApps", /underscore/],
    [
      "Exchange without its web services name",
      { exchange: { publishAutodiscover: false, autodiscover: [], publishWebServices: true, webServices: "" } },
      "exchangeWebServices",
      /web services/,
    ],
  ])("puts %s beside its field", (_what, change, field, message) => {
    const found = planReverseProxyNames(topology(change)).findings.filter(
      (f) => f.severity === "error" && f.field === field,
    );
    expect(found.map((f) => f.message).join(" ")).toMatch(message);
  });
});

describe("Exchange, each name its own choice", () => {
  const exchange = (change: Partial<LyncTopology["exchange"]>) =>
    topology({
      sipDomains: ["contoso.com", "fabrikam.com"],
      exchange: { ...articleTopology().exchange, ...change },
    });
  it("adds Autodiscover alone without asking for the Outlook on the web name", () => {
    const plan = planReverseProxyNames(exchange({ publishAutodiscover: true }));
    expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(plan.names.filter((n) => n.source === "exchangeAutodiscover").map((n) => n.name)).toEqual([
      "autodiscover.contoso.com",
      "autodiscover.fabrikam.com",
    ]);
  });
  it("adds the Outlook on the web name alone, and asks for it only when that choice is ticked", () => {
    expect(ids(exchange({ publishWebServices: true }))).toContain("missing");
    const plan = planReverseProxyNames(exchange({ publishWebServices: true, webServices: "mail.contoso.com" }));
    expect(plan.names.filter((n) => n.source.startsWith("exchange")).map((n) => n.name)).toEqual(["mail.contoso.com"]);
  });
});

describe("the input each name was typed in", () => {
  it("gives names made from a default to the SIP domains, and typed ones to their own input", () => {
    const plan = planReverseProxyNames(
      topology({ meetingUrls: { "contoso.com": "https://meeting.contoso.com" }, officeWebApps: "owa01.contoso.com" }),
    );
    const input = (name: string) => plan.names.find((n) => n.name === name)?.input;
    expect(input("webext.contoso.com")).toEqual({ field: "pools" });
    expect(input("meeting.contoso.com")).toEqual({ field: "meetingUrls", sipDomain: "contoso.com" });
    expect(input("dialin.contoso.com")).toEqual({ field: "sipDomains" });
    expect(input("lyncdiscover.contoso.com")).toEqual({ field: "sipDomains" });
    expect(input("owa01.contoso.com")).toEqual({ field: "officeWebApps" });
  });
});

describe("findings", () => {
  it.each<[FindingId, Partial<LyncTopology>, Partial<LyncTopology>]>([
    ["sip-domain-without-meeting-url", { meetingUrls: { "contoso.com": "" } }, { meetingUrls: {} }],
    [
      "simple-url-off-sip-domain",
      { meetingUrls: { "contoso.com": "meet.fabrikam.com" } },
      { meetingUrls: { "contoso.com": "meet.contoso.com" } },
    ],
    ["wildcard-subject", { pools: ["*.contoso.com"] }, { pools: ["webext.contoso.com"] }],
    [
      "wildcard-not-covering",
      { wildcard: true, meetingUrls: { "contoso.com": "meet.lync.contoso.com" } },
      { wildcard: true },
    ],
    ["edge-name", { directors: ["sip.contoso.com"] }, { directors: ["webdirext.contoso.com"] }],
    [
      "internal-name",
      { meetingUrls: { "contoso.com": "admin.contoso.com" } },
      { meetingUrls: { "contoso.com": "meet.contoso.com" } },
    ],
    [
      "more-than-one-base",
      {
        simpleUrlFormat: "common",
        meetingUrls: { "contoso.com": "https://join.contoso.com/meet" },
        dialInUrl: "https://conf.contoso.com/dialin",
      },
      { simpleUrlFormat: "common" },
    ],
    ["simple-url-is-pool", { meetingUrls: { "contoso.com": "webext.contoso.com" } }, { meetingUrls: {} }],
    [
      "simple-url-prefix",
      {
        simpleUrlFormat: "common",
        meetingUrls: { "contoso.com": "https://join.contoso.com/meet" },
        dialInUrl: "https://join.contoso.com/meetdial",
      },
      { simpleUrlFormat: "common" },
    ],
    ["no-lyncdiscover", { autodiscoverPort: 80 }, { autodiscoverPort: 443 }],
  ])("%s fires and stays quiet when it should", (id, fires, quiet) => {
    expect(ids(topology(fires))).toContain(id);
    expect(ids(topology(quiet))).not.toContain(id);
  });

  it("subject-not-in-san fires only when the subject is missing from the names", () => {
    expect(subjectInSanFinding("webext.contoso.com", ["meet.contoso.com"])?.id).toBe("subject-not-in-san");
    expect(subjectInSanFinding("webext.contoso.com", ["webext.contoso.com"])).toBeNull();
    expect(ids(articleTopology())).not.toContain("subject-not-in-san");
  });
});

describe("wildcardCovers", () => {
  it.each([
    ["*.contoso.com", "meet.contoso.com", true],
    ["*.contoso.com", "contoso.com", false],
    ["*.contoso.com", "a.b.contoso.com", false],
    ["*.contoso.com", "meet.fabrikam.com", false],
    ["*.contoso.com", "xcontoso.com", false],
  ])("%s covers %s: %s", (wildcard, host, covers) => {
    expect(wildcardCovers(wildcard, host)).toBe(covers);
  });
});

describe("parseSimpleUrl", () => {
  it("accepts a host alone or a full URL", () => {
    expect(parseSimpleUrl("Meet.Contoso.com", "dedicated")).toEqual({
      ok: true,
      value: { host: "meet.contoso.com", path: "", href: "https://meet.contoso.com" },
    });
    expect(parseSimpleUrl("https://join.contoso.com/meet/", "common")).toEqual({
      ok: true,
      value: { host: "join.contoso.com", path: "/meet", href: "https://join.contoso.com/meet" },
    });
  });
});

describe("applyNamesPlan", () => {
  it("fills the subject and names and sets usages and key as the article asks", () => {
    const plan = applyNamesPlan(
      { ...reverseProxyPlan(), keyUsage: [], extendedKeyUsageCritical: true },
      planReverseProxyNames(reference),
    );
    expect(plan.subject).toEqual([{ type: "CN", value: "webext.contoso.com" }]);
    expect(plan.altNames.map((n) => n.value)).toEqual(names(reference));
    expect(plan.keyUsage).toEqual(["digitalSignature", "keyEncipherment"]);
    expect(plan.keyUsageCritical).toBe(true);
    expect(plan.extendedKeyUsageCritical).toBe(false);
    expect(plan.key).toMatchObject({ algorithm: "rsa", rsaKeySize: 2048, keySpec: "exchange" });
  });

  it("leaves the Extended Key Usage as the plan has it: its default follows the CA, and the admin's choice stays", () => {
    for (const extendedKeyUsage of [["1.3.6.1.5.5.7.3.1"], ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], []]) {
      const plan = applyNamesPlan({ ...reverseProxyPlan(), extendedKeyUsage }, planReverseProxyNames(reference));
      expect(plan.extendedKeyUsage).toEqual(extendedKeyUsage);
    }
  });
});
