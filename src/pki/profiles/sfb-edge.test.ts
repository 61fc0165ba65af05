import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ShapeError } from "../shape";
import { blankPlan, reverseProxyPlan, type RequestPlan } from "../request";
import { CLIENT_AUTH, SERVER_AUTH } from "../usages";
import { psQuote } from "./framework";
import { usualCaTarget } from "./registry";
import {
  planEdgeExternal,
  planEdgeInternal,
  sfbEdgeExternal,
  sfbEdgeInternal,
  type EdgeExternalTopology,
} from "./sfb-edge";

const external = (change: Partial<EdgeExternalTopology> = {}): EdgeExternalTopology => ({
  ...sfbEdgeExternal.example(),
  ...change,
});
const names = (t: EdgeExternalTopology) => planEdgeExternal(t).names.map((n) => n.name);
const ids = (t: EdgeExternalTopology) => planEdgeExternal(t).findings.map((f) => f.id);
const errors = (t: EdgeExternalTopology) => planEdgeExternal(t).findings.filter((f) => f.severity === "error");

describe("the external Edge certificate, from Microsoft's Edge Certificate table", () => {
  it("gives the table's subject and alternative names in its order: sip.contoso.com repeated, webcon, sip.fabrikam.com", () => {
    const plan = planEdgeExternal(sfbEdgeExternal.example());
    expect(plan.subject).toBe("sip.contoso.com");
    expect(plan.names.map((n) => n.name)).toEqual(["sip.contoso.com", "webcon.contoso.com", "sip.fabrikam.com"]);
    expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("adds the two XMPP entries the table lists for Skype for Business Server 2015", () => {
    expect(names(external({ xmpp: true }))).toEqual([
      "sip.contoso.com",
      "webcon.contoso.com",
      "sip.fabrikam.com",
      "xmpp.contoso.com",
      "*.contoso.com",
    ]);
  });

  it("adds no XMPP names for 2019 or Subscription Edition, and says why", () => {
    for (const version of ["2019", "se"] as const) {
      expect(names(external({ version, xmpp: true }))).toEqual(names(external()));
      expect(ids(external({ version, xmpp: true }))).toContain("xmpp-not-supported");
    }
  });

  it("never puts the A/V Edge FQDN on the certificate, and says so", () => {
    const plan = planEdgeExternal(sfbEdgeExternal.example());
    expect(plan.names.map((n) => n.name)).not.toContain("av.contoso.com");
    expect(plan.findings.find((f) => f.id === "av-edge-not-on-certificate")).toMatchObject({
      field: "avEdge",
      source: expect.stringContaining("external user access"),
    });
  });

  it("merges sip.<SIP domain> into the Access Edge name with both reasons", () => {
    const plan = planEdgeExternal(sfbEdgeExternal.example());
    expect(plan.names[0]?.reasons).toEqual([
      expect.stringMatching(/^Subject name: Access Edge external FQDN, repeated .*TLS ignores the subject name/),
      "Client auto-configuration and federation for SIP domain contoso.com",
    ]);
    expect(plan.names.find((n) => n.name === "sip.fabrikam.com")?.input).toEqual({
      field: "sipDomains",
      sipDomain: "fabrikam.com",
    });
  });

  it("lists an Access Edge name other than sip.<domain> as well as sip.<domain> (Lync Server 2013's access.contoso.com)", () => {
    expect(names(external({ accessEdge: "access.contoso.com" }))).toEqual([
      "access.contoso.com",
      "webcon.contoso.com",
      "sip.contoso.com",
      "sip.fabrikam.com",
    ]);
  });

  it("normalises case and a trailing dot, and lists a SIP domain typed twice once", () => {
    const plan = planEdgeExternal(
      external({ accessEdge: "SIP.Contoso.com.", sipDomains: ["contoso.com", "Contoso.COM", "fabrikam.com"] }),
    );
    expect(plan.names.map((n) => n.name)).toEqual(["sip.contoso.com", "webcon.contoso.com", "sip.fabrikam.com"]);
    expect(plan.findings.map((f) => f.id)).toContain("merged");
  });
});

describe("findings of the external Edge certificate", () => {
  it.each<[string, Partial<EdgeExternalTopology>, Partial<EdgeExternalTopology>, string]>([
    ["wildcard-subject", { accessEdge: "*.contoso.com" }, {}, "accessEdge"],
    ["av-edge-name", { avEdge: "webcon.contoso.com" }, {}, "avEdge"],
    ["av-edge-not-on-certificate", {}, { avEdge: "" }, "avEdge"],
    ["off-sip-domain", { webConferencing: "webcon.adatum.com" }, {}, "webConferencing"],
    ["internal-name", { accessEdge: "sip.contoso.local", sipDomains: ["contoso.local"] }, {}, "accessEdge"],
    ["pool-too-large", { poolSize: "13" }, { poolSize: "12" }, "poolSize"],
    ["xmpp-not-supported", { version: "2019", xmpp: true }, { version: "2015", xmpp: true }, "xmpp"],
    ["xmpp-off-sip-domain", { xmpp: true, xmppDomains: ["adatum.com"] }, { xmpp: true }, "xmppDomains"],
    ["xmpp-root-domain", { xmpp: true }, {}, "xmpp"],
    ["same-key-every-edge", {}, { accessEdge: "" }, "poolSize"],
    ["legacy-key", {}, { accessEdge: "" }, "version"],
    ["client-auth-federation", {}, { accessEdge: "" }, "sipDomains"],
    ["missing", { webConferencing: "" }, {}, "webConferencing"],
    ["bad-value", { poolSize: "two" }, {}, "poolSize"],
  ])("%s fires beside its input and stays quiet when it should", (id, fires, quiet, fieldName) => {
    const found = planEdgeExternal(external(fires)).findings.filter((f) => f.id === id);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((f) => f.field)).toContain(fieldName);
    expect(ids(external(quiet))).not.toContain(id);
  });

  it("gives every rule built on a Microsoft document its source", () => {
    const all = [
      ...planEdgeExternal(external({ xmpp: true, avEdge: "sip.contoso.com", poolSize: "20" })).findings,
      ...planEdgeExternal(external({ accessEdge: "*.contoso.com", version: "2019", xmpp: true })).findings,
    ].filter((f) => !["missing", "bad-value", "merged"].includes(f.id));
    expect(all.length).toBeGreaterThan(6);
    for (const f of all) expect(f.source, f.id).toMatch(/https:\/\//);
  });

  it("says the key must be exportable on one Edge Server, and the same key on each of a pool", () => {
    const message = (poolSize: string) =>
      planEdgeExternal(external({ poolSize })).findings.find((f) => f.id === "same-key-every-edge")?.message;
    expect(message("1")).toMatch(/exportable even on one Edge Server/);
    expect(message("3")).toMatch(/Every Edge Server in the pool \(3\) needs this exact certificate/);
  });

  it("warns about Client Authentication and federation without deciding it", () => {
    const f = planEdgeExternal(external()).findings.find((x) => x.id === "client-auth-federation");
    expect(f?.severity).toBe("warning");
    expect(f?.message).toMatch(/does not say whether federation works with a server-only certificate/);
    expect(f?.message).toMatch(/2027-03-15/);
  });

  it("refuses a wildcard Access Edge name as the subject", () => {
    const plan = planEdgeExternal(external({ accessEdge: "*.contoso.com" }));
    expect(plan.subject).toBeNull();
    expect(plan.names.map((n) => n.name)).not.toContain("*.contoso.com");
  });

  it.each([
    ["an Access Edge name with a space", { accessEdge: "sip .contoso.com" }, "accessEdge"],
    ["a single-label Access Edge name", { accessEdge: "sipedge" }, "accessEdge"],
    ["no SIP domain", { sipDomains: [] }, "sipDomains"],
    ["a wildcard SIP domain", { sipDomains: ["*.contoso.com"] }, "sipDomains"],
    ["no pool size", { poolSize: "0" }, "poolSize"],
  ])("puts %s beside its input as an error", (_what, change, fieldName) => {
    expect(errors(external(change)).map((f) => f.field)).toContain(fieldName);
  });
});

describe("the legacy-key note, by the version chosen", () => {
  const note = (version: EdgeExternalTopology["version"]) =>
    planEdgeExternal(external({ version })).findings.find((f) => f.id === "legacy-key")?.message ?? "";

  it("says 2015 does not support CNG keys when 2015 is chosen", () => {
    expect(note("2015")).toMatch(/^Skype for Business Server 2015 does not support CNG keys/);
  });

  it.each([
    ["2019", "Skype for Business Server 2019"],
    ["se", "Skype for Business Server Subscription Edition"],
  ] as const)("names %s as the version Microsoft says nothing for, and 2015 as the documented one", (version, name) => {
    const message = note(version);
    expect(message).toBe(
      `CNG keys are documented as unsupported on Skype for Business Server 2015; Microsoft says nothing for ${name}, so the request uses a legacy (CryptoAPI) RSA 2048 key with key spec Exchange.`,
    );
    expect(message).not.toMatch(/2015 does not support/);
  });
});

describe("the internal Edge certificate", () => {
  it("is planned for your own CA: its start sets where the request goes (registry usualCa)", () => {
    expect(usualCaTarget("sfb-edge-internal")).toBe("internal");
    expect(usualCaTarget("sfb-edge-external")).toBe("public");
  });

  it("has the table's subject sfbedge.contoso.com, and the same name in the alternative names with its reason", () => {
    const plan = planEdgeInternal(sfbEdgeInternal.example());
    expect(plan.subject).toBe("sfbedge.contoso.com");
    expect(plan.names.map((n) => n.name)).toEqual(["sfbedge.contoso.com"]);
    expect(plan.names[0]?.reasons[1]).toMatch(/lists none for the internal Edge/);
    expect(plan.findings).toEqual([]);
  });

  it.each([
    ["a single label (not an FQDN)", "sfbedge", /not a domain/],
    ["nothing", " ", /Enter the Edge internal FQDN/],
    ["a wildcard", "*.contoso.net", /not a wildcard/],
  ])("refuses %s", (_what, edgeInternal, message) => {
    const plan = planEdgeInternal({ edgeInternal });
    expect(plan.subject).toBeNull();
    expect(plan.names).toEqual([]);
    expect(plan.findings.map((f) => f.message).join(" ")).toMatch(message);
    expect(plan.findings.every((f) => f.field === "edgeInternal")).toBe(true);
  });

  it("accepts a public-looking internal name without a finding (an internal CA may issue it)", () => {
    expect(planEdgeInternal({ edgeInternal: "edge-int.contoso.com" }).findings).toEqual([]);
  });
});

describe("apply", () => {
  it("puts the external names in the request with Microsoft's usages and a legacy RSA 2048 Exchange key", () => {
    const start: RequestPlan = {
      ...blankPlan(),
      template: "cng",
      key: { ...blankPlan().key, algorithm: "ecdsa-p256", keySpec: "signature", alternateSignature: true },
    };
    const plan = sfbEdgeExternal.apply(start, planEdgeExternal(external()));
    expect(plan.friendlyName).toBe("Skype for Business Edge external");
    expect(plan.subject).toEqual([{ type: "CN", value: "sip.contoso.com" }]);
    expect(plan.altNames.map((n) => n.value)).toEqual(["sip.contoso.com", "webcon.contoso.com", "sip.fabrikam.com"]);
    expect(plan.keyUsage).toEqual(["digitalSignature", "keyEncipherment"]);
    expect(plan.template).toBe("legacy");
    expect(plan.key).toMatchObject({
      algorithm: "rsa",
      rsaKeySize: 2048,
      keySpec: "exchange",
      alternateSignature: false,
    });
  });

  it("adds Server Authentication when missing and leaves Client Authentication as the plan has it", () => {
    const apply = (extendedKeyUsage: string[]) =>
      sfbEdgeExternal.apply({ ...blankPlan(), extendedKeyUsage }, planEdgeExternal(external())).extendedKeyUsage;
    expect(apply([])).toEqual([SERVER_AUTH]);
    expect(apply([SERVER_AUTH])).toEqual([SERVER_AUTH]);
    expect(apply([SERVER_AUTH, CLIENT_AUTH])).toEqual([SERVER_AUTH, CLIENT_AUTH]);
    expect(apply([CLIENT_AUTH])).toEqual([SERVER_AUTH, CLIENT_AUTH]);
  });

  it("keeps a friendly name the admin typed, and gives the internal certificate its own", () => {
    const typed = sfbEdgeExternal.apply({ ...blankPlan(), friendlyName: "Edge 2026" }, planEdgeExternal(external()));
    expect(typed.friendlyName).toBe("Edge 2026");
    const internal = sfbEdgeInternal.apply(blankPlan(), planEdgeInternal(sfbEdgeInternal.example()));
    expect(internal.friendlyName).toBe("Skype for Business Edge internal");
    expect(internal.subject).toEqual([{ type: "CN", value: "sfbedge.contoso.com" }]);
    expect(internal.altNames).toEqual([{ type: "dns", value: "sfbedge.contoso.com" }]);
    expect(internal.extendedKeyUsage).toEqual([SERVER_AUTH]);
  });
});

describe("read", () => {
  it("round-trips example() and empty()", () => {
    for (const t of [
      sfbEdgeExternal.example(),
      sfbEdgeExternal.empty(),
      external({ xmpp: true, xmppDomains: ["a.b"] }),
    ])
      expect(sfbEdgeExternal.read(JSON.parse(JSON.stringify(t)))).toEqual(t);
    for (const t of [sfbEdgeInternal.example(), sfbEdgeInternal.empty()])
      expect(sfbEdgeInternal.read(JSON.parse(JSON.stringify(t)))).toEqual(t);
  });

  it("keeps nothing foreign that rode along", () => {
    const read = sfbEdgeExternal.read({ ...sfbEdgeExternal.example(), __proto__x: 1, extra: "x" });
    expect(Object.keys(read).sort()).toEqual(Object.keys(sfbEdgeExternal.example()).sort());
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["an array", []],
    ["an unknown version", { ...sfbEdgeExternal.example(), version: "2013" }],
    ["a numeric pool size", { ...sfbEdgeExternal.example(), poolSize: 2 }],
    ["SIP domains as a string", { ...sfbEdgeExternal.example(), sipDomains: "contoso.com" }],
    ["a SIP domain that is not a string", { ...sfbEdgeExternal.example(), sipDomains: ["contoso.com", 1] }],
    ["XMPP as a string", { ...sfbEdgeExternal.example(), xmpp: "true" }],
    ["no Access Edge", { ...sfbEdgeExternal.example(), accessEdge: undefined }],
  ])("refuses %s on the external profile with a ShapeError", (_what, data) => {
    expect(() => sfbEdgeExternal.read(data)).toThrow(ShapeError);
  });

  it.each<[string, unknown]>([
    ["a string", "sfbedge.contoso.com"],
    ["a number as the name", { edgeInternal: 1 }],
    ["no name", {}],
  ])("refuses %s on the internal profile with a ShapeError", (_what, data) => {
    expect(() => sfbEdgeInternal.read(data)).toThrow(ShapeError);
  });
});

/** Reads one PowerShell single-quoted string at `from` as the tokenizer does: a quote (any of the five) doubled is one. */
function readPsSingleQuoted(text: string, from: number): { value: string; end: number } {
  const isQuote = (c: string | undefined) => c !== undefined && "'\u2018\u2019\u201A\u201B".includes(c);
  if (!isQuote(text[from])) throw new Error(`no quote at ${from}`);
  let value = "";
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i]!;
    if (isQuote(c)) {
      if (!isQuote(text[i + 1])) return { value, end: i + 1 };
      value += text[i + 1];
      i++;
    } else value += c;
  }
  throw new Error("unterminated");
}

/** The value of `-Parameter '…'` in a command, read back as PowerShell reads it. */
function argument(command: string, parameter: string): string {
  const at = command.indexOf(`${parameter} `);
  if (at < 0) throw new Error(`no ${parameter}`);
  const read = readPsSingleQuoted(command, at + parameter.length + 1);
  expect(command[read.end] === undefined || command[read.end] === " ").toBe(true);
  return read.value;
}

describe("next steps", () => {
  const request = sfbEdgeExternal.apply(
    { ...reverseProxyPlan(), friendlyName: "", extendedKeyUsage: [SERVER_AUTH] },
    planEdgeExternal(external()),
  );
  const steps = sfbEdgeExternal.nextSteps(planEdgeExternal(external()), request);

  it("assigns the certificate to the three external Edge types with Set-CsCertificate", () => {
    expect(steps.map((s) => s.command ?? "").join("\n")).toContain(
      "Set-CsCertificate -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -Thumbprint $thumbprint",
    );
    expect(steps[0]?.text).toMatch(/same \.pfx on every Edge Server in the pool \(2\)/);
  });

  it("writes Request-CsCertificate as its reference page does: -PrivateKeyExportable, -ClientEKU, one -DomainName list", () => {
    const command = steps.find((s) => s.command?.includes("Request-CsCertificate"))?.command ?? "";
    expect(command).toContain(
      "Request-CsCertificate -New -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -Output ",
    );
    expect(command).toContain(" -ClientEKU $false -PrivateKeyExportable $true ");
    expect(argument(command, "-DomainName")).toBe("sip.contoso.com,webcon.contoso.com,sip.fabrikam.com");
    expect(argument(command, "-FriendlyName")).toBe("Skype for Business Edge external");
    expect(argument(command, "-Output")).toBe("C:\\Certificates\\Skype-for-Business-Edge-external.req");
    expect(command).toMatch(/ -KeySize 2048$/);
  });

  it("asks for Client Authentication in the native request only when the request carries it", () => {
    const withClient = { ...request, extendedKeyUsage: [SERVER_AUTH, CLIENT_AUTH] };
    const command = sfbEdgeExternal
      .nextSteps(planEdgeExternal(external()), withClient)
      .map((s) => s.command ?? "")
      .join("\n");
    expect(command).toContain("-ClientEKU $true");
  });

  it("uses -Type Internal and the internal name for the internal certificate", () => {
    const names = planEdgeInternal(sfbEdgeInternal.example());
    const internal = sfbEdgeInternal.nextSteps(names, sfbEdgeInternal.apply(blankPlan(), names));
    const commands = internal.map((s) => s.command ?? "");
    expect(commands[0]).toContain("Set-CsCertificate -Type Internal -Thumbprint $thumbprint");
    expect(argument(commands[1]!, "-DomainName")).toBe("sfbedge.contoso.com");
    expect(commands[1]).toContain("Request-CsCertificate -New -Type Internal ");
  });

  it("keeps hostile friendly names inside their quotes, U+2019 included", () => {
    for (const friendlyName of [
      "O'Brien's Edge",
      "Edge\u2019s cert",
      "a'; Remove-Item C:\\ -Recurse; '",
      "$(whoami)",
    ]) {
      const command =
        sfbEdgeExternal.nextSteps(planEdgeExternal(external()), { ...request, friendlyName })[2]?.command ?? "";
      expect(argument(command, "-FriendlyName")).toBe(friendlyName);
    }
  });

  it("cannot carry a quote, comma or line break in a name: the plan refuses them before any command is made", () => {
    for (const accessEdge of [
      "sip'.contoso.com",
      "sip.contoso.com\nRemove-Item",
      "a,b.contoso.com",
      "sip;x.contoso.com",
    ]) {
      const plan = planEdgeExternal(external({ accessEdge }));
      expect(plan.subject).toBeNull();
      expect(plan.findings.some((f) => f.field === "accessEdge" && f.severity === "error")).toBe(true);
    }
    // U+2019 is not refused by the shared DNS name check: it becomes an A-label, ASCII with no quote in it.
    expect(planEdgeExternal(external({ accessEdge: "sip\u2019.contoso.com" })).subject).toBe(
      "xn--sip-to0a.contoso.com",
    );
  });
});

describe("property: what a command carries", () => {
  it("psQuote'd text reads back as itself and ends exactly where it ends", () => {
    const quoteHeavy = fc.string({
      unit: fc.constantFrom("'", "\u2018", "\u2019", "\u201A", "\u201B", '"', "`", "$", "(", ";", "\n", "a", " "),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), quoteHeavy), fc.string(), (value, after) => {
        const text = `${psQuote(value)} ${after}`;
        const read = readPsSingleQuoted(text, 0);
        expect(read.value).toBe(value);
        expect(read.end).toBe(psQuote(value).length);
      }),
      { numRuns: 500 },
    );
  });

  it("every name a plan accepts, from any typed text, is a bare DNS name (no quote, comma, space or line break)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom("sip.contoso.com", "Sip.Contoso.COM.", "sip.b\u00fccher.example", "xn--bcher-kva.example"),
          fc
            .tuple(fc.stringMatching(/^[a-z0-9'\u2019,; \n-]{1,8}$/), fc.constant(".contoso.com"))
            .map(([a, b]) => a + b),
        ),
        (accessEdge) => {
          const plan = planEdgeExternal(external({ accessEdge }));
          if (plan.subject) accepted++;
          for (const n of plan.names) expect(n.name).toMatch(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        },
      ),
      { numRuns: 400 },
    );
    // Guard: the property must not pass by refusing everything.
    expect(accepted).toBeGreaterThan(20);
  });
});
