/**
 * The Skype for Business Edge profiles through the real UI: Microsoft's Edge Certificate table example typed into
 * Plan names, its names with reasons, the findings the documents require, the next steps, and the request OpenSSL reads.
 */
import { expect, test } from "@playwright/test";
import {
  expectCommand,
  expectFindings,
  expectPlannedNames,
  findings,
  finishAndExpectRequest,
  namesCard,
  openNextSteps,
  startProfile,
  type,
} from "./profile-helpers";

test("Edge external: the Edge Certificate table's names, A/V Edge left off, one key on every Edge, Set-CsCertificate", async ({
  page,
}) => {
  await startProfile(page, "Skype for Business Edge Server, external interfaces");
  await page.getByLabel("Skype for Business Server 2015", { exact: true }).check();
  await type(page.getByLabel("Access Edge external FQDN", { exact: true }), "sip.contoso.com");
  await type(page.getByLabel("Web Conferencing Edge external FQDN", { exact: true }), "webcon.contoso.com");
  await type(page.getByLabel("A/V Edge external FQDN (optional)", { exact: true }), "av.contoso.com");
  await type(page.getByLabel("SIP domains", { exact: true }), "contoso.com\nfabrikam.com");
  await expect(page.getByLabel("XMPP federation")).not.toBeChecked();
  await type(page.getByLabel("Edge Servers in the pool", { exact: true }), "2");

  const expected = ["sip.contoso.com", "webcon.contoso.com", "sip.fabrikam.com"];
  await expectPlannedNames(page, "sip.contoso.com", [
    [
      "sip.contoso.com",
      /^Subject name: Access Edge external FQDN, repeated .*; Client auto-configuration and federation for SIP domain contoso\.com$/,
    ],
    ["webcon.contoso.com", "Web Conferencing Edge external FQDN"],
    ["sip.fabrikam.com", "Client auto-configuration and federation for SIP domain fabrikam.com"],
  ]);
  await expect(page.getByRole("cell", { name: "av.contoso.com" })).toHaveCount(0);
  await expectFindings(
    page,
    "av.contoso.com (A/V Edge) is not on the certificate: the A/V Edge service uses neither the subject nor the alternative names.",
    "Every Edge Server in the pool (2) needs this exact certificate with the same private key",
    "does not support CNG keys",
  );
  // The same words beside the inputs they are about.
  await expect(page.getByLabel("A/V Edge external FQDN (optional)")).toHaveAccessibleDescription(
    /av\.contoso\.com \(A\/V Edge\) is not on the certificate/,
  );
  await expect(page.getByLabel("Edge Servers in the pool")).toHaveAccessibleDescription(
    /Every Edge Server in the pool \(2\) needs this exact certificate with the same private key/,
  );

  const steps = await openNextSteps(page);
  await expect(steps).toContainText("import that same .pfx on every Edge Server in the pool (2)");
  await expectCommand(
    steps,
    "Where-Object FriendlyName -eq 'Skype for Business Edge external'",
    "Set-CsCertificate -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -Thumbprint $thumbprint",
  );
  await expectCommand(
    steps,
    "Request-CsCertificate -New -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -Output 'C:\\Certificates\\Skype-for-Business-Edge-external.req'",
    "-ClientEKU $false -PrivateKeyExportable $true -DomainName 'sip.contoso.com,webcon.contoso.com,sip.fabrikam.com' -FriendlyName 'Skype for Business Edge external' -KeySize 2048",
  );

  const req = await finishAndExpectRequest(page, "sip.contoso.com", expected);
  expect(req.name).toBe("Skype-for-Business-Edge-external.req");
  expect(req.text).not.toContain("av.contoso.com");
  expect(req.text).toMatch(/X509v3 Extended Key Usage: ?\n\s+TLS Web Server Authentication\n/);
});

test("Edge internal: sfbedge.contoso.com as subject and alternative name, Set-CsCertificate -Type Internal", async ({
  page,
}) => {
  await startProfile(page, "Skype for Business Edge Server, internal interface", "My own (internal) CA");
  const field = page.getByLabel("Edge internal FQDN", { exact: true });
  await type(field, "sfbedge.contoso.com");
  await expectPlannedNames(page, "sfbedge.contoso.com", [
    ["sfbedge.contoso.com", /^Subject name.*; .*lists none for the internal Edge/],
  ]);
  // Microsoft's table has no rule for the internal name beyond being the interface's FQDN: nothing to report.
  await expect(namesCard(page)).toContainText("None: the names follow the rules, for where the request goes.");
  await expect(findings(page)).toHaveCount(0);

  const steps = await openNextSteps(page);
  await expectCommand(
    steps,
    "Where-Object FriendlyName -eq 'Skype for Business Edge internal'",
    "Set-CsCertificate -Type Internal -Thumbprint $thumbprint",
  );
  await expectCommand(
    steps,
    "Request-CsCertificate -New -Type Internal -Output 'C:\\Certificates\\Skype-for-Business-Edge-internal.req'",
    "-DomainName 'sfbedge.contoso.com' -FriendlyName 'Skype for Business Edge internal' -KeySize 2048",
  );

  const req = await finishAndExpectRequest(page, "sfbedge.contoso.com", ["sfbedge.contoso.com"]);
  expect(req.name).toBe("Skype-for-Business-Edge-internal.req");
});
