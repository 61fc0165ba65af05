import { describe, expect, it } from "vitest";
import { blankPlan } from "../request";
import { ShapeError } from "../shape";
import { SERVER_AUTH } from "../usages";
import { adfs, type AdfsTopology } from "./adfs";

const topology = (change: Partial<AdfsTopology> = {}): AdfsTopology => ({ ...adfs.example(), ...change });
const names = (t: AdfsTopology) => adfs.plan(t).names.map((n) => n.name);
const finding = (t: AdfsTopology, id: string) => adfs.plan(t).findings.find((f) => f.id === id);

describe("adfs.plan", () => {
  it("gives the document's names in order: fs, certauth.fs, enterpriseregistration per UPN suffix", () => {
    const plan = adfs.plan(adfs.example());
    expect(plan.subject).toBe("fs.contoso.com");
    expect(plan.names.map((n) => [n.name, n.reasons])).toEqual([
      ["fs.contoso.com", ["Subject name: the federation service name"]],
      ["certauth.fs.contoso.com", ["User certificate authentication on port 443 (alternate TLS client binding)"]],
      ["enterpriseregistration.contoso.com", ["Device registration for UPN suffix contoso.com"]],
    ]);
    expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("adds one enterpriseregistration name per UPN suffix, and none without device registration", () => {
    expect(names(topology({ upnSuffixes: ["contoso.com", "Fabrikam.com."] }))).toEqual([
      "fs.contoso.com",
      "certauth.fs.contoso.com",
      "enterpriseregistration.contoso.com",
      "enterpriseregistration.fabrikam.com",
    ]);
    expect(names(topology({ deviceRegistration: false }))).toEqual(["fs.contoso.com", "certauth.fs.contoso.com"]);
  });

  it("says port 49443 is used when certauth is not on 443", () => {
    const t = topology({ certAuth443: false });
    expect(names(t)).not.toContain("certauth.fs.contoso.com");
    expect(finding(t, "certauth-on-49443")).toMatchObject({ field: "certAuth443", severity: "info" });
    expect(finding(t, "certauth-on-49443")?.source).toMatch(/Set-AdfsAlternateTlsClientBinding/);
  });

  it("allows a wildcard for the registration names only, certauth and the service name stay by name", () => {
    const t = topology({ wildcardRegistration: true });
    expect(names(t)).toEqual(["fs.contoso.com", "certauth.fs.contoso.com", "*.contoso.com"]);
    expect(finding(t, "wildcard-scope")?.message).toMatch(/certauth\.fs\.contoso\.com no wildcard covers/);
    expect(finding(t, "wildcard-scope")?.source).toMatch(/Update-WebApplicationProxyDeviceRegistration/);
  });

  it.each<[string, Partial<AdfsTopology>, string, string]>([
    [
      "a wildcard federation service name",
      { federationServiceName: "*.contoso.com" },
      "bad-value",
      "federationServiceName",
    ],
    ["no federation service name", { federationServiceName: " " }, "missing", "federationServiceName"],
    ["device registration without UPN suffixes", { upnSuffixes: [""] }, "missing", "upnSuffixes"],
    ["a wildcard UPN suffix", { upnSuffixes: ["*.contoso.com"] }, "bad-value", "upnSuffixes"],
  ])("refuses %s", (_, change, id, field) => {
    expect(adfs.plan(topology(change)).findings).toContainEqual(
      expect.objectContaining({ id, field, severity: "error" }),
    );
  });

  it("finds the same certificate and key on AD FS and every WAP, the load balancer passing TLS through, token certificates apart", () => {
    const plan = adfs.plan(adfs.example());
    expect(plan.findings.find((f) => f.id === "same-certificate-and-key")).toMatchObject({
      field: "wap",
      severity: "warning",
    });
    expect(plan.findings.find((f) => f.id === "load-balancer-passthrough")?.message).toMatch(/must not terminate TLS/);
    expect(plan.findings.find((f) => f.id === "token-certificates-separate")?.message).toMatch(/token-signing/);
    for (const f of plan.findings) expect(f.source).toMatch(/https:\/\/learn\.microsoft\.com\//);
  });
});

describe("adfs.apply and nextSteps", () => {
  it("puts the names, Server Authentication and an exchange RSA key into the request", () => {
    const request = adfs.apply(blankPlan(), adfs.plan(adfs.example()));
    expect(request.subject).toEqual([{ type: "CN", value: "fs.contoso.com" }]);
    expect(request.altNames.map((n) => n.value)).toEqual([
      "fs.contoso.com",
      "certauth.fs.contoso.com",
      "enterpriseregistration.contoso.com",
    ]);
    expect(request.extendedKeyUsage).toEqual([SERVER_AUTH]);
    expect(request.keyUsage).toEqual(["digitalSignature", "keyEncipherment"]);
    expect(request.key).toMatchObject({ algorithm: "rsa", rsaKeySize: 2048, keySpec: "exchange" });
    expect(request.friendlyName).toBe("AD FS TLS/SSL certificate");
  });

  it("sets the certificate with Set-AdfsAlternateTlsClientBinding when certauth is on 443, else Set-AdfsSslCertificate, and on each WAP", () => {
    const commands = (t: AdfsTopology) => {
      const plan = adfs.plan(t);
      return adfs
        .nextSteps(plan, adfs.apply(blankPlan(), plan))
        .map((s) => s.command ?? "")
        .join("\n");
    };
    expect(commands(adfs.example())).toMatch(/Set-AdfsAlternateTlsClientBinding -Thumbprint \$thumbprint/);
    expect(commands(topology({ certAuth443: false }))).toMatch(/\nSet-AdfsSslCertificate -Thumbprint \$thumbprint/);
    expect(commands(adfs.example())).toMatch(/Set-WebApplicationProxySslCertificate -Thumbprint \$thumbprint/);
    expect(commands(topology({ wap: false }))).not.toMatch(/WebApplicationProxy/);
    expect(commands(adfs.example())).toContain("Where-Object FriendlyName -EQ 'AD FS TLS/SSL certificate'");
  });
});

describe("adfs.read", () => {
  it("gives back the example", () => {
    expect(adfs.read(JSON.parse(JSON.stringify(adfs.example())))).toEqual(adfs.example());
  });
  it.each<[string, unknown]>([
    ["not an object", ["fs.contoso.com"]],
    ["a number for the name", { ...adfs.example(), federationServiceName: 1 }],
    ["a string for a flag", { ...adfs.example(), wap: "yes" }],
    ["suffixes not all strings", { ...adfs.example(), upnSuffixes: ["contoso.com", null] }],
    ["a missing field", { federationServiceName: "fs.contoso.com" }],
  ])("refuses %s", (_, data) => {
    expect(() => adfs.read(data)).toThrow(ShapeError);
  });
});
