import { describe, expect, it } from "vitest";
import { blankPlan } from "../request";
import { ShapeError } from "../shape";
import { SERVER_AUTH } from "../usages";
import { rdGateway, rdRoles, type RdGatewayTopology } from "./rd-gateway";

const topology = (change: Partial<RdGatewayTopology> = {}): RdGatewayTopology => ({
  ...rdGateway.example(),
  ...change,
});
const ids = (t: RdGatewayTopology) => rdGateway.plan(t).findings.map((f) => f.id);

describe("rdGateway.plan", () => {
  it("publishes RD Web and both RD Gateway transports by path, and UDP 3391 as a firewall rule, citing MS-TSGU", () => {
    const { publishing } = rdGateway.plan(topology());
    expect(publishing).toEqual([
      {
        externalName: "remote.contoso.com",
        rule: "https://remote.contoso.com/RDWeb/* → RD Web Access; https://remote.contoso.com/remoteDesktopGateway/* (HTTP transport) and https://remote.contoso.com/rpc/* (RPC over HTTP, older clients) → RD Gateway. UDP 3391 is a firewall rule to RD Gateway, not a proxy rule ([MS-TSGU]: Terminal Services Gateway Server Protocol).",
      },
    ]);
    expect(rdGateway.sources.map((s) => s.url)).toContain(
      "https://learn.microsoft.com/openspecs/windows_protocols/ms-tsgu/",
    );
  });

  it("speaks to the admin of their CA: your internal CA, never ours", () => {
    const label = rdGateway.inputs.find((i) => i.kind !== "each" && i.field === "brokerSeparate");
    expect(label && "label" in label ? label.label : "").toBe(
      "The Connection Broker gets its own certificate from your internal CA",
    );
  });

  it("gives the public name as subject and SAN, the broker on its own internal certificate", () => {
    const plan = rdGateway.plan(rdGateway.example());
    expect(plan.subject).toBe("remote.contoso.com");
    expect(plan.names.map((n) => [n.name, n.reasons])).toEqual([
      ["remote.contoso.com", ["Subject name: RD Gateway and RD Web Access (the name clients use)"]],
    ]);
    expect(ids(rdGateway.example())).toEqual(["broker-separate", "web-client-public-trust", "exportable-key"]);
    expect(rdRoles(plan)).toEqual(["RDGateway", "RDWebAccess"]);
  });

  it("puts a public broker name on the one certificate for all four roles when asked", () => {
    const plan = rdGateway.plan(topology({ brokerSeparate: false }));
    expect(plan.names.map((n) => n.name)).toEqual(["remote.contoso.com", "hacb.contoso.com"]);
    expect(rdRoles(plan)).toEqual(["RDGateway", "RDWebAccess", "RDRedirector", "RDPublishing"]);
    expect(ids(topology({ brokerSeparate: false }))).not.toContain("internal-broker-on-public");
  });

  it("refuses an internal broker FQDN on the web client's public certificate: split the certificates", () => {
    const t = topology({ brokerSeparate: false, connectionBroker: "rdcb01.corp.local" });
    expect(rdGateway.plan(t).findings).toContainEqual(
      expect.objectContaining({ id: "internal-broker-on-public", severity: "error", field: "brokerSeparate" }),
    );
    expect(rdGateway.plan({ ...t, webClient: false }).findings).toContainEqual(
      expect.objectContaining({ id: "internal-broker-on-public", severity: "warning" }),
    );
    expect(ids({ ...t, brokerSeparate: true })).not.toContain("internal-broker-on-public");
  });

  it("lists several public names in order, each once", () => {
    const t = topology({ publicNames: ["remote.contoso.com", "RDWeb.contoso.com.", "remote.contoso.com"] });
    expect(rdGateway.plan(t).names.map((n) => n.name)).toEqual(["remote.contoso.com", "rdweb.contoso.com"]);
  });

  it.each<[string, Partial<RdGatewayTopology>, string, string]>([
    ["no public name", { publicNames: [""] }, "missing", "publicNames"],
    ["a wildcard subject", { publicNames: ["*.contoso.com"] }, "wildcard-subject", "publicNames"],
    ["a bad broker name", { connectionBroker: "rd cb" }, "bad-value", "connectionBroker"],
  ])("refuses %s", (_, change, id, field) => {
    expect(rdGateway.plan(topology(change)).findings).toContainEqual(
      expect.objectContaining({ id, field, severity: "error" }),
    );
  });
});

describe("rdGateway.apply and nextSteps", () => {
  it("asks for Server Authentication and an exchange RSA key, as rds-certificates.md does", () => {
    const request = rdGateway.apply(blankPlan(), rdGateway.plan(rdGateway.example()));
    expect(request.subject).toEqual([{ type: "CN", value: "remote.contoso.com" }]);
    expect(request.altNames).toEqual([{ type: "dns", value: "remote.contoso.com" }]);
    expect(request.extendedKeyUsage).toEqual([SERVER_AUTH]);
    expect(request.key).toMatchObject({ algorithm: "rsa", rsaKeySize: 2048, keySpec: "exchange" });
  });

  it("sets each role with Set-RDCertificate against the broker, the password read as a secure string", () => {
    const plan = rdGateway.plan(topology({ brokerSeparate: false }));
    const command = rdGateway.nextSteps(plan, rdGateway.apply(blankPlan(), plan)).find((s) => s.command)?.command;
    expect(command).toBe(
      [
        "$password = Read-Host -AsSecureString -Prompt 'Password of the .pfx'",
        ...["RDGateway", "RDWebAccess", "RDRedirector", "RDPublishing"].map(
          (role) =>
            `Set-RDCertificate -Role ${role} -ImportPath (Join-Path $PWD 'Remote-Desktop-Services.pfx') -Password $password -ConnectionBroker 'hacb.contoso.com' -Force`,
        ),
      ].join("\n"),
    );
  });
});

describe("rdGateway.read", () => {
  it("gives back the example", () => {
    expect(rdGateway.read(JSON.parse(JSON.stringify(rdGateway.example())))).toEqual(rdGateway.example());
  });
  it.each<[string, unknown]>([
    ["null", null],
    ["a string for the names", { ...rdGateway.example(), publicNames: "remote.contoso.com" }],
    ["a missing flag", { publicNames: [], connectionBroker: "", brokerSeparate: true }],
  ])("refuses %s", (_, data) => {
    expect(() => rdGateway.read(data)).toThrow(ShapeError);
  });
});
