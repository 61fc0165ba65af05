/**
 * The Exchange profiles through the real UI: the documents' examples typed into Plan names (Certificates in Exchange
 * with two SMTP domains; the hybrid document's table), their names with reasons, the findings the documents
 * require, Enable-ExchangeCertificate and New-ExchangeCertificate -GenerateRequest, and the request OpenSSL reads.
 */
import { expect, test } from "@playwright/test";
import {
  expectCommand,
  expectFindings,
  expectPlannedNames,
  finishAndExpectRequest,
  openNextSteps,
  startProfile,
  type,
} from "./profile-helpers";

test("Exchange: mail.contoso.com and autodiscover for each SMTP domain, Enable-ExchangeCertificate, the native request", async ({
  page,
}) => {
  await startProfile(page, "Exchange Server 2016, 2019 or Subscription Edition");
  await expect(page.getByLabel("Exchange Server 2019", { exact: true })).toBeChecked();
  await type(page.getByLabel("Mail namespace", { exact: true }), "mail.contoso.com");
  await type(page.getByLabel("SMTP (accepted) domains", { exact: true }), "contoso.com\nfabrikam.com");
  await expect(page.getByLabel("autodiscover.<domain>", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Wildcard certificate")).not.toBeChecked();

  const expected = ["mail.contoso.com", "autodiscover.contoso.com", "autodiscover.fabrikam.com"];
  await expectPlannedNames(page, "mail.contoso.com", [
    ["mail.contoso.com", "Subject name: Outlook, Outlook on the web, EAC, EWS, OAB, ActiveSync, MAPI over HTTP"],
    ["autodiscover.contoso.com", "Autodiscover for contoso.com"],
    ["autodiscover.fabrikam.com", "Autodiscover for fabrikam.com"],
  ]);
  await expectFindings(page, "The key is made by the Legacy key template (a CryptoAPI key, RSA 2048");

  const steps = await openNextSteps(page);
  await expectCommand(
    steps,
    "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\Certificates\\Exchange-2019-mail.contoso.com.pfx')) -Password $password -FriendlyName 'Exchange 2019 mail.contoso.com' -PrivateKeyExportable $true",
  );
  await expectCommand(
    steps,
    "$cert = Get-ExchangeCertificate | Where-Object { $_.FriendlyName -eq 'Exchange 2019 mail.contoso.com' }",
    "Enable-ExchangeCertificate -Thumbprint $cert.Thumbprint -Services IIS,SMTP",
  );
  await expectCommand(
    steps,
    "$txtrequest = New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=mail.contoso.com' -DomainName 'autodiscover.contoso.com','autodiscover.fabrikam.com' -FriendlyName 'Exchange 2019 mail.contoso.com' -PrivateKeyExportable $true",
    "[System.IO.File]::WriteAllBytes('C:\\Cert Requests\\Exchange-2019-mail.contoso.com.req', [System.Text.Encoding]::Unicode.GetBytes($txtrequest))",
  );

  const req = await finishAndExpectRequest(page, "mail.contoso.com", expected);
  expect(req.name).toBe("Exchange-2019-mail.contoso.com.req");
  expect(req.text).toMatch(/X509v3 Extended Key Usage: ?\n\s+TLS Web Server Authentication\n/);
});

test("Exchange hybrid: the hybrid table's contoso.com, autodiscover and edge names, same certificate on every server, TlsCertificateName", async ({
  page,
}) => {
  await startProfile(page, "Exchange hybrid (with Exchange Online)");
  await expect(page.getByLabel("Exchange Server 2019", { exact: true })).toBeChecked();
  await type(page.getByLabel("Primary shared SMTP domain", { exact: true }), "contoso.com");
  // Autodiscover follows the primary SMTP domain until typed; the document's table types it.
  const autodiscover = page.getByLabel("External Autodiscover FQDN", { exact: true });
  await expect(autodiscover).toHaveValue("autodiscover.contoso.com");
  await autodiscover.fill("autodiscover.contoso.com");
  await type(page.getByLabel("Edge Transport servers' external FQDNs (optional)", { exact: true }), "edge.contoso.com");
  await expect(page.getByLabel("The primary shared SMTP domain", { exact: true })).toBeChecked();
  await expect(
    page
      .getByRole("group", { name: "Active Directory forests with Exchange servers" })
      .getByLabel("1", { exact: true }),
  ).toBeChecked();

  const expected = ["contoso.com", "autodiscover.contoso.com", "edge.contoso.com"];
  await expectPlannedNames(page, "contoso.com", [
    ["contoso.com", "Subject name: the primary shared SMTP domain"],
    ["autodiscover.contoso.com", "Autodiscover: the external Autodiscover FQDN"],
    ["edge.contoso.com", "Transport: external FQDN of an Edge Transport server"],
  ]);
  await expectFindings(
    page,
    "A hybrid deployment needs a certificate from a trusted third-party (public) CA",
    "Install this certificate on all Mailbox servers and on every Edge Transport server: each Edge Transport server must use a certificate with the same issuing CA and the same subject.",
    "On renewal keep the subject exactly, and the same CA",
  );

  const steps = await openNextSteps(page);
  await expect(steps).toContainText("Import the .pfx on every Mailbox server and every Edge Transport server");
  await expectCommand(
    steps,
    "$cert = Get-ExchangeCertificate | Where-Object { $_.FriendlyName -eq 'Exchange 2019 hybrid contoso.com' }",
    "Enable-ExchangeCertificate -Thumbprint $cert.Thumbprint -Services IIS,SMTP",
  );
  await expectCommand(steps, '"<I>$($cert.Issuer)<S>$($cert.Subject)"');
  await expectCommand(
    steps,
    "$txtrequest = New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=contoso.com' -DomainName 'autodiscover.contoso.com','edge.contoso.com' -FriendlyName 'Exchange 2019 hybrid contoso.com' -PrivateKeyExportable $true",
  );

  const req = await finishAndExpectRequest(page, "contoso.com", expected);
  expect(req.name).toBe("Exchange-2019-hybrid-contoso.com.req");
});
