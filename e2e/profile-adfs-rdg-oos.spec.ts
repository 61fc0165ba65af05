/**
 * The Windows Server profiles through the real UI (AD FS and WAP, RD Gateway and Web Access, Office Online Server):
 * each document's example typed into Plan names, its names with reasons, the findings the documents require, the
 * command that sets the certificate, the request OpenSSL reads, and a settings file that brings the plan back.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { download, heading, next, tempDir } from "./helpers";
import {
  expectCommand,
  expectFindings,
  expectPlannedNames,
  findings,
  finishAndExpectRequest,
  openNextSteps,
  startProfile,
  type,
} from "./profile-helpers";

test("AD FS: fs, certauth.fs and enterpriseregistration, the same certificate and key on every WAP, Set-AdfsAlternateTlsClientBinding", async ({
  page,
}) => {
  await startProfile(page, "AD FS and Web Application Proxy");
  await type(page.getByLabel("Federation service name", { exact: true }), "fs.contoso.com");
  await page.getByLabel("Users sign in with certificates on port 443").check();
  await page.getByLabel("Device registration (or modern authentication from clients before Windows 10)").check();
  await type(page.getByLabel("UPN suffixes in use", { exact: true }), "contoso.com");
  await expect(page.getByLabel("One wildcard per UPN suffix in place of enterpriseregistration")).not.toBeChecked();
  await expect(page.getByLabel("Web Application Proxy publishes AD FS")).toBeChecked();

  const expected = ["fs.contoso.com", "certauth.fs.contoso.com", "enterpriseregistration.contoso.com"];
  await expectPlannedNames(page, "fs.contoso.com", [
    ["fs.contoso.com", "Subject name: the federation service name"],
    ["certauth.fs.contoso.com", "User certificate authentication on port 443 (alternate TLS client binding)"],
    ["enterpriseregistration.contoso.com", "Device registration for UPN suffix contoso.com"],
  ]);
  await expectFindings(
    page,
    "Every AD FS server and every Web Application Proxy must present this same certificate with the same key",
    "The load balancer must not terminate TLS",
  );

  const steps = await openNextSteps(page);
  await expectCommand(
    steps,
    "Where-Object FriendlyName -EQ 'AD FS TLS/SSL certificate'",
    "Set-AdfsAlternateTlsClientBinding -Thumbprint $thumbprint",
  );
  await expectCommand(
    steps,
    "Where-Object FriendlyName -EQ 'AD FS TLS/SSL certificate'",
    "Set-WebApplicationProxySslCertificate -Thumbprint $thumbprint",
  );
  await expect(steps).not.toContainText("Set-AdfsSslCertificate");

  const req = await finishAndExpectRequest(page, "fs.contoso.com", expected);
  expect(req.text).toMatch(/X509v3 Extended Key Usage: ?\n\s+TLS Web Server Authentication\n/);
});

test("RD Gateway: remote.contoso.com for Gateway and Web Access, the broker on its own certificate, Set-RDCertificate", async ({
  page,
}) => {
  await startProfile(page, "Remote Desktop Gateway and Web Access");
  await type(
    page.getByLabel("Names clients use for RD Gateway and RD Web Access", { exact: true }),
    "remote.contoso.com",
  );
  await expect(page.getByLabel("Users connect with the Remote Desktop web client")).toBeChecked();
  await type(page.getByLabel("RD Connection Broker FQDN", { exact: true }), "hacb.contoso.com");
  await expect(page.getByLabel("The Connection Broker gets its own certificate from your internal CA")).toBeChecked();

  await expectPlannedNames(page, "remote.contoso.com", [
    ["remote.contoso.com", "Subject name: RD Gateway and RD Web Access (the name clients use)"],
  ]);
  await expect(page.getByRole("cell", { name: "hacb.contoso.com" })).toHaveCount(0);
  await expectFindings(
    page,
    "hacb.contoso.com goes on its own certificate from your internal CA",
    "The web client needs publicly trusted certificates on RD Gateway and RD Web Access",
  );

  const steps = await openNextSteps(page);
  for (const role of ["RDGateway", "RDWebAccess"])
    await expectCommand(
      steps,
      `Set-RDCertificate -Role ${role} -ImportPath (Join-Path $PWD 'Remote-Desktop-Services.pfx') -Password $password -ConnectionBroker 'hacb.contoso.com' -Force`,
    );
  await expect(steps).not.toContainText("-Role RDRedirector");
  await expect(steps).toContainText(
    "Set the broker's internal certificate the same way, for RDRedirector and RDPublishing.",
  );

  const req = await finishAndExpectRequest(page, "remote.contoso.com", ["remote.contoso.com"]);
  expect(req.name).toBe("Remote-Desktop-Services.req");
  expect(req.text).not.toContain("hacb.contoso.com");
});

/** Office Online Server's Plan names, the deployment document's farm typed in. */
async function typeOosExample(page: Page): Promise<void> {
  await type(page.getByLabel("Internal URL FQDN", { exact: true }), "server.contoso.com");
  await type(page.getByLabel("External URL FQDN (optional)", { exact: true }), "wacweb01.contoso.com");
  await type(page.getByLabel("Friendly name", { exact: true }), "OfficeWebApps Certificate");
}

const OOS_NAMES = [
  ["server.contoso.com", "Subject name: the farm's internal URL (-InternalUrl)"],
  ["wacweb01.contoso.com", "The farm's external URL (-ExternalUrl)"],
] as const;

test("Office Online Server: the farm's internal and external URLs, a unique friendly name, New-OfficeWebAppsFarm", async ({
  page,
}) => {
  await startProfile(page, "Office Online Server farm");
  await typeOosExample(page);
  await expect(page.getByLabel("A single server", { exact: true })).toBeChecked();

  await expectPlannedNames(page, "server.contoso.com", OOS_NAMES);
  await expectFindings(
    page,
    "The friendly name must be unique: with two certificates of the same friendly name, New-OfficeWebAppsFarm cannot tell which to use",
  );
  await expect(page.getByLabel("Friendly name", { exact: true })).toHaveAccessibleDescription(
    /The friendly name must be unique/,
  );

  const steps = await openNextSteps(page);
  await expectCommand(
    steps,
    "Import-PfxCertificate -FilePath (Join-Path $PWD 'OfficeWebApps-Certificate.pfx') -CertStoreLocation Cert:\\LocalMachine\\My",
  );
  await expectCommand(
    steps,
    "Import-Module -Name OfficeWebApps",
    "New-OfficeWebAppsFarm -InternalUrl 'https://server.contoso.com' -ExternalUrl 'https://wacweb01.contoso.com' -CertificateName 'OfficeWebApps Certificate' -EditingEnabled",
  );

  const req = await finishAndExpectRequest(page, "server.contoso.com", ["server.contoso.com", "wacweb01.contoso.com"]);
  expect(req.name).toBe("OfficeWebApps-Certificate.req");
});

test("a settings file saved for Office Online Server brings back its Plan names with the typed values", async ({
  page,
}) => {
  const dir = tempDir();
  await startProfile(page, "Office Online Server farm");
  await typeOosExample(page);
  await page.getByLabel("Load-balanced, TLS on each server", { exact: true }).check();
  await expectPlannedNames(page, "server.contoso.com", OOS_NAMES);
  await next(page, "Certificate Information");
  await next(page, "Where do you want to save the offline request?");
  const settings = await download(page, page.getByRole("button", { name: "Save request settings" }), dir);
  const saved = JSON.parse(readFileSync(settings.path, "utf8"));
  expect(saved.profile).toBe("office-online-server");
  expect(saved.topology).toEqual({
    internalUrl: "server.contoso.com",
    externalUrl: "wacweb01.contoso.com",
    topology: "each-server",
    friendlyName: "OfficeWebApps Certificate",
  });

  await page.getByRole("button", { name: "Start over" }).click();
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  await page.getByLabel("Open saved request settings…").setInputFiles(settings.path);
  await expect(heading(page, "Select Certificate Enrollment Policy")).toBeVisible();
  await next(page, "Custom Request");
  await next(page, "Plan names");
  await expect(page.getByLabel("Internal URL FQDN", { exact: true })).toHaveValue("server.contoso.com");
  await expect(page.getByLabel("External URL FQDN (optional)", { exact: true })).toHaveValue("wacweb01.contoso.com");
  await expect(page.getByLabel("Load-balanced, TLS on each server", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Friendly name", { exact: true })).toHaveValue("OfficeWebApps Certificate");
  await expectPlannedNames(page, "server.contoso.com", OOS_NAMES);
  await expect(findings(page)).toContainText(
    "import this same certificate, with the same friendly name, on every server",
  );
  const steps = await openNextSteps(page);
  await expectCommand(
    steps,
    "New-OfficeWebAppsFarm -InternalUrl 'https://server.contoso.com' -ExternalUrl 'https://wacweb01.contoso.com' -CertificateName 'OfficeWebApps Certificate' -EditingEnabled",
  );
  // Back on Certificate Information the request is the one saved.
  await next(page, "Certificate Information");
  await expect(page.locator(".cert-card")).toContainText("server.contoso.com");
  await expect(page.locator(".cert-card")).toContainText("OfficeWebApps Certificate");
});
