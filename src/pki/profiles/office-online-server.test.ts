import { describe, expect, it } from "vitest";
import { blankPlan } from "../request";
import { ShapeError } from "../shape";
import { defaultFriendlyName, officeOnlineServer as oos, type OosTopology } from "./office-online-server";

const topology = (change: Partial<OosTopology> = {}): OosTopology => ({ ...oos.example(), ...change });
const commands = (t: OosTopology) => {
  const plan = oos.plan(t);
  return oos
    .nextSteps(plan, oos.apply(blankPlan(), plan))
    .map((s) => s.command ?? "")
    .join("\n");
};

describe("officeOnlineServer.plan", () => {
  it("starts with a unique friendly name (the document's OfficeWebApps Certificate and the month), so the command names it", () => {
    expect(defaultFriendlyName(new Date(2026, 11, 4))).toBe("OfficeWebApps Certificate 2026-12");
    expect(defaultFriendlyName(new Date(2027, 0, 31))).toBe("OfficeWebApps Certificate 2027-01");
    const empty = { ...oos.empty(), internalUrl: "server.contoso.com" };
    expect(empty.friendlyName).toBe(defaultFriendlyName());
    const plan = oos.plan(empty);
    expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(plan.findings.map((f) => f.id)).toContain("friendly-name-unique");
    expect(commands(empty)).toContain(`-CertificateName '${defaultFriendlyName()}'`);
    expect(commands(empty)).not.toContain("-CertificateName ''");
  });

  it("gives the deployment document's farm: server.contoso.com as subject, both URLs in the SAN", () => {
    const plan = oos.plan(oos.example());
    expect(plan.subject).toBe("server.contoso.com");
    expect(plan.names.map((n) => [n.name, n.reasons])).toEqual([
      ["server.contoso.com", ["Subject name: the farm's internal URL (-InternalUrl)"]],
      ["wacweb01.contoso.com", ["The farm's external URL (-ExternalUrl)"]],
    ]);
    expect(plan.findings.map((f) => f.id)).toEqual(["friendly-name-unique", "exportable-key"]);
  });

  it("takes URLs as typed and an internal URL alone", () => {
    const t = topology({ internalUrl: "https://Server.contoso.com/", externalUrl: "" });
    expect(oos.plan(t).names.map((n) => n.name)).toEqual(["server.contoso.com"]);
  });

  it("says where the certificate goes for each farm", () => {
    expect(oos.plan(topology({ topology: "offload" })).findings.map((f) => f.id)).toContain(
      "certificate-on-load-balancer",
    );
    expect(oos.plan(topology({ topology: "each-server" })).findings.map((f) => f.id)).toContain(
      "certificate-on-each-server",
    );
  });

  it.each<[string, Partial<OosTopology>, string, string]>([
    ["no internal URL", { internalUrl: "" }, "missing", "internalUrl"],
    ["no friendly name", { friendlyName: " " }, "missing", "friendlyName"],
    ["a friendly name with a hidden character", { friendlyName: "Office\u202eWeb" }, "bad-value", "friendlyName"],
    ["a wildcard external URL", { externalUrl: "*.contoso.com" }, "bad-value", "externalUrl"],
  ])("refuses %s", (_, change, id, field) => {
    expect(oos.plan(topology(change)).findings).toContainEqual(
      expect.objectContaining({ id, field, severity: "error" }),
    );
  });
});

describe("officeOnlineServer.apply and nextSteps", () => {
  it("sets the friendly name the admin typed and leaves the EKU alone (the document requires none)", () => {
    const request = oos.apply(
      { ...blankPlan(), friendlyName: "Old name", extendedKeyUsage: [] },
      oos.plan(oos.example()),
    );
    expect(request.friendlyName).toBe("OfficeWebApps Certificate");
    expect(request.extendedKeyUsage).toEqual([]);
    expect(request.altNames.map((n) => n.value)).toEqual(["server.contoso.com", "wacweb01.contoso.com"]);
    expect(request.key).toMatchObject({ algorithm: "rsa", rsaKeySize: 2048, keySpec: "exchange" });
  });

  it("creates the farm as the deployment document does, -CertificateName on one server, -SSLOffloaded behind a load balancer", () => {
    expect(commands(oos.example())).toContain(
      "New-OfficeWebAppsFarm -InternalUrl 'https://server.contoso.com' -ExternalUrl 'https://wacweb01.contoso.com' -CertificateName 'OfficeWebApps Certificate' -EditingEnabled",
    );
    expect(commands(topology({ topology: "offload" }))).toContain(
      "New-OfficeWebAppsFarm -InternalUrl 'https://server.contoso.com' -ExternalUrl 'https://wacweb01.contoso.com' -SSLOffloaded -EditingEnabled",
    );
    expect(commands(topology({ topology: "offload" }))).not.toContain("Import-PfxCertificate");
  });
});

describe("officeOnlineServer.read", () => {
  it("gives back the example", () => {
    expect(oos.read(JSON.parse(JSON.stringify(oos.example())))).toEqual(oos.example());
  });
  it.each<[string, unknown]>([
    ["an array", []],
    ["an unknown farm kind", { ...oos.example(), topology: "cluster" }],
    ["a number for the friendly name", { ...oos.example(), friendlyName: 7 }],
  ])("refuses %s", (_, data) => {
    expect(() => oos.read(data)).toThrow(ShapeError);
  });
});
