import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blankPlan, webServerPlan, type RequestPlan } from "../request";
import { ShapeError } from "../shape";
import { exchange, exchangeHybrid, planExchange, type ExchangeTopology } from "./exchange";
import { FRIENDLY_NAME_LIMIT } from "./exchange/common";
import { planExchangeHybrid, type ExchangeHybridTopology } from "./exchange/hybrid";

const topology = (change: Partial<ExchangeTopology> = {}): ExchangeTopology => ({ ...exchange.example(), ...change });
const hybridTopology = (change: Partial<ExchangeHybridTopology> = {}): ExchangeHybridTopology => ({
  ...exchangeHybrid.example(),
  ...change,
});
const ids = (t: ExchangeTopology) => planExchange(t).findings.map((f) => f.id);
const hybridIds = (t: ExchangeHybridTopology) => planExchangeHybrid(t).findings.map((f) => f.id);
const errors = (findings: readonly { severity: string }[]) => findings.filter((f) => f.severity === "error");

describe("the documents' own examples", () => {
  it.each<[string, Partial<ExchangeTopology>, string, string[]]>([
    [
      "Certificates in Exchange: the minimum host names",
      {},
      "mail.contoso.com",
      ["mail.contoso.com", "autodiscover.contoso.com"],
    ],
    [
      "two SMTP domains: one autodiscover name each",
      { smtpDomains: ["contoso.com", "fabrikam.com"] },
      "mail.contoso.com",
      ["mail.contoso.com", "autodiscover.contoso.com", "autodiscover.fabrikam.com"],
    ],
    [
      "New-ExchangeCertificate's request example (Woodgrove Bank and Fabrikam)",
      {
        mailNamespace: "mail.woodgrovebank.com",
        otherNamespaces: ["mail.fabrikam.com"],
        smtpDomains: ["woodgrovebank.com", "fabrikam.com"],
      },
      "mail.woodgrovebank.com",
      ["mail.woodgrovebank.com", "mail.fabrikam.com", "autodiscover.woodgrovebank.com", "autodiscover.fabrikam.com"],
    ],
    [
      "Autodiscover by SRV record: the target, no autodiscover names",
      { smtpDomains: ["contoso.com", "fabrikam.com"], autodiscover: "srv" },
      "mail.contoso.com",
      ["mail.contoso.com"],
    ],
    [
      "IMAP, POP and SMTP names after the others",
      { imap: "imap.contoso.com", pop: "pop.contoso.com", smtp: "smtp.contoso.com" },
      "mail.contoso.com",
      ["mail.contoso.com", "autodiscover.contoso.com", "imap.contoso.com", "pop.contoso.com", "smtp.contoso.com"],
    ],
    [
      "the wildcard: *.contoso.com in place of the names it covers",
      { wildcard: true, smtp: "smtp.contoso.com" },
      "*.contoso.com",
      ["*.contoso.com"],
    ],
  ])("%s", (_what, change, subject, expected) => {
    const plan = planExchange(topology(change));
    expect(errors(plan.findings)).toEqual([]);
    expect(plan.subject).toBe(subject);
    expect(plan.names.map((n) => n.name)).toEqual(expected);
  });

  it("the hybrid document's table: contoso.com, autodiscover.contoso.com, edge.contoso.com", () => {
    const plan = planExchangeHybrid(exchangeHybrid.example());
    expect(errors(plan.findings)).toEqual([]);
    expect(plan.subject).toBe("contoso.com");
    expect(plan.names.map((n) => n.name)).toEqual(["contoso.com", "autodiscover.contoso.com", "edge.contoso.com"]);
  });

  it("hybrid with the mail namespace: after the subject; as the subject when chosen", () => {
    expect(planExchangeHybrid(hybridTopology({ mailNamespace: "mail.contoso.com" })).names.map((n) => n.name)).toEqual([
      "contoso.com",
      "mail.contoso.com",
      "autodiscover.contoso.com",
      "edge.contoso.com",
    ]);
    const plan = planExchangeHybrid(
      hybridTopology({ mailNamespace: "mail.contoso.com", subjectFrom: "mail-namespace" }),
    );
    expect(plan.subject).toBe("mail.contoso.com");
    expect(plan.names.map((n) => n.name)).toEqual(["mail.contoso.com", "autodiscover.contoso.com", "edge.contoso.com"]);
  });

  it("hybrid Autodiscover follows the primary SMTP domain until typed", () => {
    const plan = planExchangeHybrid(
      hybridTopology({ primarySmtpDomain: "fabrikam.com", autodiscover: "", edgeServers: [] }),
    );
    expect(plan.names.map((n) => n.name)).toEqual(["fabrikam.com", "autodiscover.fabrikam.com"]);
  });
});

describe("reasons and inputs", () => {
  it("gives each name its reason and the input it came from", () => {
    const plan = planExchange(topology({ smtpDomains: ["contoso.com", "fabrikam.com"], imap: "imap.contoso.com" }));
    const by = (name: string) => plan.names.find((n) => n.name === name);
    expect(by("mail.contoso.com")?.reasons[0]).toMatch(/^Subject name/);
    expect(by("autodiscover.fabrikam.com")).toMatchObject({
      reasons: ["Autodiscover for fabrikam.com"],
      input: { field: "smtpDomains" },
    });
    expect(by("imap.contoso.com")?.input).toEqual({ field: "imap" });
  });

  it("merges a name typed twice and says so once", () => {
    const plan = planExchange(topology({ smtpDomains: ["Contoso.com.", "contoso.com", "contoso.com"] }));
    expect(plan.names.map((n) => n.name)).toEqual(["mail.contoso.com", "autodiscover.contoso.com"]);
    expect(plan.findings.filter((f) => f.id === "merged")).toHaveLength(1);
  });
});

describe("findings", () => {
  it.each<[string, Partial<ExchangeTopology>, Partial<ExchangeTopology>]>([
    ["missing", { mailNamespace: "" }, {}],
    ["bad-value", { smtpDomains: ["con toso.com"] }, {}],
    ["internal-name", { otherNamespaces: ["EX01"] }, { otherNamespaces: ["owa.contoso.com"] }],
    ["internal-name", { otherNamespaces: ["ex01.contoso.local"] }, {}],
    [
      "wildcard-not-covering",
      { wildcard: true, smtpDomains: ["contoso.com", "fabrikam.com"] },
      { wildcard: false, smtpDomains: ["contoso.com", "fabrikam.com"] },
    ],
    ["wildcard-imap-pop", { wildcard: true, imap: "imap.contoso.com" }, { wildcard: false, imap: "imap.contoso.com" }],
    ["autodiscover-srv", { autodiscover: "srv" }, { autodiscover: "name" }],
  ])("%s fires and stays quiet when it should", (id, fires, quiet) => {
    expect(ids(topology(fires))).toContain(id);
    expect(ids(topology(quiet))).not.toContain(id);
  });

  it("the internal-name warning sits beside its input and says the preflight refuses it for a public CA", () => {
    const found = planExchange(topology({ otherNamespaces: ["ex01.contoso.local"] })).findings.find(
      (f) => f.id === "internal-name",
    );
    expect(found).toMatchObject({ severity: "warning", field: "otherNamespaces" });
    expect(found?.message).toMatch(/unless clients connect to it/);
    expect(found?.message).toMatch(/preflight refuses internal names when the request goes to a public CA/);
    expect(found?.source).toMatch(/learn\.microsoft\.com/);
  });

  it("keeps IMAP and POP names by name under a wildcard, as Microsoft asks", () => {
    const plan = planExchange(topology({ wildcard: true, imap: "imap.contoso.com", pop: "pop.contoso.com" }));
    expect(plan.names.map((n) => n.name)).toEqual(["*.contoso.com", "imap.contoso.com", "pop.contoso.com"]);
  });

  it("always notes the Legacy (CryptoAPI) key, citing the blog as a blog", () => {
    const note = planExchange(topology()).findings.find((f) => f.id === "legacy-key");
    expect(note).toMatchObject({ severity: "info" });
    expect(note?.message).toMatch(/reported/);
  });

  it.each<[string, Partial<ExchangeHybridTopology>, Partial<ExchangeHybridTopology>]>([
    ["one-per-forest", { forests: 2 }, { forests: 1 }],
    ["subject-not-smtp-domain", { subjectFrom: "mail-namespace", mailNamespace: "mail.contoso.com" }, {}],
    ["missing", { primarySmtpDomain: "" }, {}],
    ["missing", { subjectFrom: "mail-namespace" }, {}],
    ["internal-name", { edgeServers: ["edge.contoso.local"] }, {}],
  ])("hybrid %s fires and stays quiet when it should", (id, fires, quiet) => {
    expect(hybridIds(hybridTopology(fires))).toContain(id);
    expect(hybridIds(hybridTopology(quiet))).not.toContain(id);
  });

  it("hybrid always says: third-party CA, the same certificate on all servers, keep subject and issuer", () => {
    const plan = planExchangeHybrid(hybridTopology());
    expect(plan.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(["third-party-ca", "same-certificate-everywhere", "keep-subject-issuer"]),
    );
    expect(plan.findings.find((f) => f.id === "same-certificate-everywhere")?.message).toMatch(
      /same issuing CA and the same subject/,
    );
    for (const f of plan.findings) expect(f.source).toMatch(/^.+ \(https:\/\//);
  });
});

describe("read", () => {
  it.each([
    ["exchange", exchange],
    ["exchange-hybrid", exchangeHybrid],
  ] as const)("%s round-trips example() and empty() and keeps nothing foreign", (_id, profile) => {
    const read = profile.read as (d: unknown) => unknown;
    expect(read(JSON.parse(JSON.stringify(profile.example())))).toEqual(profile.example());
    expect(read(profile.empty())).toEqual(profile.empty());
    expect(read({ ...profile.example(), extra: "<script>" })).toEqual(profile.example());
  });

  it.each<[string, unknown]>([
    ["not an object", "mail.contoso.com"],
    ["an array", []],
    ["a missing field", { ...exchange.example(), mailNamespace: undefined }],
    ["a number as a name", { ...exchange.example(), mailNamespace: 1 }],
    ["an unknown version", { ...exchange.example(), version: "2013" }],
    ["a list with a number", { ...exchange.example(), smtpDomains: ["contoso.com", 1] }],
    ["an unknown Autodiscover choice", { ...exchange.example(), autodiscover: "cname" }],
  ])("exchange refuses %s", (_what, data) => {
    expect(() => exchange.read(data)).toThrow(ShapeError);
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["forests out of range", { ...exchangeHybrid.example(), forests: 0 }],
    ["forests as text", { ...exchangeHybrid.example(), forests: "2" }],
    ["an unknown subject choice", { ...exchangeHybrid.example(), subjectFrom: "edge" }],
  ])("exchange-hybrid refuses %s", (_what, data) => {
    expect(() => exchangeHybrid.read(data)).toThrow(ShapeError);
  });
});

describe("apply", () => {
  it("puts subject and names in, with a unique friendly name, the usages and a Legacy RSA 2048 Exchange key", () => {
    const names = planExchange(topology({ smtpDomains: ["contoso.com", "fabrikam.com"] }));
    const start: RequestPlan = {
      ...blankPlan(),
      template: "cng",
      key: { ...blankPlan().key, algorithm: "ecdsa-p256" },
    };
    const plan = exchange.apply(start, names);
    expect(plan.subject).toEqual([{ type: "CN", value: "mail.contoso.com" }]);
    expect(plan.altNames.map((n) => n.value)).toEqual([
      "mail.contoso.com",
      "autodiscover.contoso.com",
      "autodiscover.fabrikam.com",
    ]);
    expect(plan.friendlyName).toBe("Exchange 2019 mail.contoso.com");
    expect(plan.template).toBe("legacy");
    expect(plan.keyUsage).toEqual(["digitalSignature", "keyEncipherment"]);
    expect(plan.key).toMatchObject({ algorithm: "rsa", rsaKeySize: 2048, keySpec: "exchange" });
    const hybrid = exchangeHybrid.apply(blankPlan(), planExchangeHybrid(hybridTopology()));
    expect(hybrid.friendlyName).toBe("Exchange 2019 hybrid contoso.com");
  });

  it("follows a generated friendly name, keeps a typed one, and stays under Exchange's 64 characters", () => {
    const first = exchange.apply(blankPlan(), planExchange(topology()));
    const again = exchange.apply(
      first,
      planExchange(topology({ mailNamespace: "webmail.contoso.com", version: "se" })),
    );
    expect(again.friendlyName).toBe("Exchange SE webmail.contoso.com");
    expect(exchange.apply({ ...blankPlan(), friendlyName: "Mail 2026" }, planExchange(topology())).friendlyName).toBe(
      "Mail 2026",
    );
    const long = `${"a".repeat(60)}.contoso.com`;
    expect(exchange.apply(blankPlan(), planExchange(topology({ mailNamespace: long }))).friendlyName.length).toBe(
      FRIENDLY_NAME_LIMIT,
    );
  });

  it("leaves the Extended Key Usage as the request has it", () => {
    for (const extendedKeyUsage of [["1.3.6.1.5.5.7.3.1"], ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], []]) {
      const plan = exchange.apply({ ...webServerPlan(), extendedKeyUsage }, planExchange(topology()));
      expect(plan.extendedKeyUsage).toEqual(extendedKeyUsage);
    }
  });
});

/**
 * A PowerShell reader for the commands: words, and single-quoted strings as about_Quoting_Rules reads them
 * (U+0027 and U+2018-U+201B all quote; two in a row are one literal quote). Returns the tokens in order.
 */
function psTokens(line: string): { quoted: boolean; text: string }[] {
  const quote = /['\u2018\u2019\u201A\u201B]/;
  const tokens: { quoted: boolean; text: string }[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (quote.test(c)) {
      let text = "";
      i++;
      for (;;) {
        if (i >= line.length) throw new Error("unterminated string");
        const d = line[i]!;
        if (quote.test(d)) {
          if (i + 1 < line.length && quote.test(line[i + 1]!)) {
            text += d;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += d;
        i++;
      }
      tokens.push({ quoted: true, text });
    } else {
      let text = "";
      while (i < line.length && !quote.test(line[i]!)) text += line[i++];
      tokens.push({ quoted: false, text });
    }
  }
  return tokens;
}

describe("the commands: psQuote holds against hostile values", () => {
  const hostile = fc
    .array(
      fc.oneof(
        fc.constantFrom("'", "\u2018", "\u2019", "\u201A", "\u201B", '"', "$(calc)", "`", ";", "|", "\n", "$x", " "),
        fc.string({ maxLength: 4 }),
      ),
      { minLength: 1, maxLength: 10 },
    )
    .map((parts) => parts.join(""));

  it("every value comes back as one quoted string, and the text outside the quotes never changes", () => {
    const names = planExchange(topology({ smtpDomains: ["contoso.com", "fabrikam.com"] }));
    const commands = (request: RequestPlan) =>
      exchange
        .nextSteps(names, request)
        .map((s) => s.command ?? "")
        .join("\n");
    const benign = psTokens(
      commands({ ...webServerPlan(), friendlyName: "x", output: { fileName: "C:\\x", format: "base64" } }),
    );
    let checked = 0;
    fc.assert(
      fc.property(
        // A friendly name is never empty here: apply always gives one, and the -FriendlyName part needs one.
        hostile.filter((s) => s.length > 0),
        hostile,
        (friendlyName, path) => {
          const fileName = `C:\\${path}`;
          const tokens = psTokens(
            commands({ ...webServerPlan(), friendlyName, output: { fileName, format: "base64" } }),
          );
          expect(tokens.filter((t) => !t.quoted)).toEqual(benign.filter((t) => !t.quoted));
          const quoted = tokens.filter((t) => t.quoted).map((t) => t.text);
          expect(quoted).toContain(friendlyName);
          // requestPath takes the typed path with its ends trimmed, as the other file-name fields do.
          expect(quoted).toContain(fileName.trim());
          checked++;
        },
      ),
      { numRuns: 300 },
    );
    expect(checked).toBe(300);
  });

  it("the native request is New-ExchangeCertificate's Example 4, with the names in order", () => {
    const names = planExchange(topology({ smtpDomains: ["contoso.com", "fabrikam.com"] }));
    const request = exchange.apply(webServerPlan(), names);
    const steps = exchange.nextSteps(names, { ...request, output: { fileName: "", format: "base64" } });
    expect(steps.map((s) => s.command)).toEqual([
      "$password = Read-Host 'Enter the .pfx password' -AsSecureString\n" +
        "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\Certificates\\Exchange-2019-mail.contoso.com.pfx')) -Password $password -FriendlyName 'Exchange 2019 mail.contoso.com' -PrivateKeyExportable $true",
      "$cert = Get-ExchangeCertificate | Where-Object { $_.FriendlyName -eq 'Exchange 2019 mail.contoso.com' }\n" +
        "Enable-ExchangeCertificate -Thumbprint $cert.Thumbprint -Services IIS,SMTP",
      "$txtrequest = New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=mail.contoso.com' -DomainName 'autodiscover.contoso.com','autodiscover.fabrikam.com' -FriendlyName 'Exchange 2019 mail.contoso.com' -PrivateKeyExportable $true\n" +
        "[System.IO.File]::WriteAllBytes('C:\\Cert Requests\\Exchange-2019-mail.contoso.com.req', [System.Text.Encoding]::Unicode.GetBytes($txtrequest))",
    ]);
    for (const s of steps) expect(s.source).toMatch(/learn\.microsoft\.com\/powershell\/module\/exchangepowershell/);
  });

  it("says the subject is left out of -DomainName on purpose: New-ExchangeCertificate adds the CN itself", () => {
    const names = planExchange(topology());
    const step = exchange.nextSteps(names, exchange.apply(webServerPlan(), names)).at(-1);
    expect(step?.text).toMatch(
      /mail\.contoso\.com is in -SubjectName only: New-ExchangeCertificate adds the CN to the -DomainName names \(the alternative names\) itself\.$/,
    );
    expect(step?.command).toContain("-DomainName 'autodiscover.contoso.com' -FriendlyName");
  });

  it("enables IMAP and POP only for names kept, never with a wildcard; hybrid gives the TlsCertificateName", () => {
    const enable = (t: ExchangeTopology) => exchange.nextSteps(planExchange(t), webServerPlan())[1]?.command ?? "";
    expect(enable(topology({ imap: "imap.contoso.com", pop: "pop.contoso.com" }))).toMatch(
      /-Services IIS,SMTP,IMAP,POP$/,
    );
    expect(enable(topology({ imap: "imap.contoso.com", wildcard: true }))).toMatch(/-Services IIS,SMTP$/);
    const hybrid = exchangeHybrid.nextSteps(planExchangeHybrid(hybridTopology()), webServerPlan());
    expect(hybrid.map((s) => s.command)).toContain('"<I>$($cert.Issuer)<S>$($cert.Subject)"');
  });
});
