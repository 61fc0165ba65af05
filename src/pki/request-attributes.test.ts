import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { vector } from "../../test/helpers/vectors";
import { inspect, inspectionFacts, planFromInspection } from "./inspect";
import { preflight } from "./lint";

/** Requests as certreq and the Certificates snap-in write them, made by test/vectors/make-windows-requests.sh. */
const WINDOWS = [
  ["PKCS #9's extensionRequest", "windows-pkcs9.csr.der", "PKCS #9 extensionRequest"],
  ["Microsoft's older extension attribute", "windows-ms-extensions.csr.der", "Microsoft's extension attribute"],
] as const;

describe.each(WINDOWS)("a request made on Windows, extensions under %s", (_, file, carrier) => {
  const bytes = new Uint8Array(vector(file));

  it("is one OpenSSL verifies and reads the extensions of", () => {
    const text = execFileSync("openssl", ["req", "-inform", "DER", "-verify", "-noout", "-text"], {
      input: bytes,
      stdio: ["pipe", "pipe", "pipe"],
    }).toString();
    expect(text).toContain("DNS:lyncdiscover.contoso.com");
  });

  it("shows every name, usage and Microsoft's attributes decoded", async () => {
    const seen = await inspect({ bytes });
    expect(seen.signatureValid).toBe(true);
    expect(seen.extensionsCarriedBy).toEqual([expect.stringContaining(carrier)]);
    expect(seen.altNames.map((n) => n.value)).toEqual([
      "webext.contoso.com",
      "meet.contoso.com",
      "dialin.contoso.com",
      "lyncdiscover.contoso.com",
    ]);
    expect(seen.keyUsage).toEqual({ usages: ["digitalSignature", "keyEncipherment"], critical: true });
    expect(seen.extendedKeyUsage?.oids).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
    expect(seen.attributes).toEqual([
      { oid: "1.3.6.1.4.1.311.13.2.3", name: "OS version", value: "10.0.17763.2" },
      {
        oid: "1.3.6.1.4.1.311.21.20",
        name: "Client information",
        value: "computer PROXY01.contoso.local, user CONTOSO\\pkiadmin, program certreq.exe, client id 5",
      },
      {
        oid: "1.3.6.1.4.1.311.13.2.2",
        name: "Enrollment CSP",
        value: "Microsoft RSA SChannel Cryptographic Provider, key spec 1 (Exchange)",
      },
    ]);
  });

  it("gets no 'no alternative name' finding, and a renewal keeps every name", async () => {
    const seen = await inspect({ bytes });
    expect(preflight(inspectionFacts(seen), "public").map((f) => f.id)).not.toContain("no-names");
    const { plan, notes } = planFromInspection(seen);
    expect(notes).toEqual([]);
    expect(plan.altNames.map((n) => n.value)).toEqual(seen.altNames.map((n) => n.value));
    expect(plan.keyUsage).toEqual(["digitalSignature", "keyEncipherment"]);
    expect(plan.extendedKeyUsage).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
  });
});
