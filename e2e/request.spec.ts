/** The article's reverse-proxy example through the real UI, each download checked by the openssl command line. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import {
  ARTICLE_EXAMPLE,
  addName,
  download,
  finish,
  lineAfter,
  next,
  openssl,
  opensslStatus,
  openTab,
  PASSPHRASE,
  pick,
  properties,
  startAndReachInformation,
  tempDir,
} from "./helpers";

const ARTICLE_NAMES =
  "DNS:webext.contoso.com, DNS:meet.contoso.com, DNS:dialin.contoso.com, DNS:lyncdiscover.contoso.com";

/** What `openssl req` must say of the article's example: verified, its subject, exactly its names, usages, key and hash. */
function checkArticleRequest(reqPath: string, inform: "PEM" | "DER"): void {
  expect(opensslStatus("req", "-in", reqPath, "-inform", inform, "-noout", "-verify").out).toMatch(/verify OK/);
  const text = openssl("req", "-in", reqPath, "-inform", inform, "-noout", "-text");
  expect(text).toMatch(/Subject: CN = webext\.contoso\.com\n/);
  expect(lineAfter(text, /X509v3 Subject Alternative Name:/)).toBe(ARTICLE_NAMES);
  expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Key Encipherment\n/);
  expect(text).toMatch(
    /X509v3 Extended Key Usage: ?\n\s+TLS Web Server Authentication, TLS Web Client Authentication\n/,
  );
  expect(text).toContain("Public-Key: (2048 bit)");
  expect(text).toContain("Signature Algorithm: sha256WithRSAEncryption");
}

/** Checks the key file against the request with openssl: opens with the passphrase only, same public key, PBES2 as promised. */
function checkKeyMatchesRequest(
  keyPath: string,
  reqPath: string,
  inform: "PEM" | "DER",
  passphrase = PASSPHRASE,
): void {
  const keyPub = openssl("pkey", "-in", keyPath, "-passin", `pass:${passphrase}`, "-pubout");
  const reqPub = openssl("req", "-in", reqPath, "-inform", inform, "-noout", "-pubkey");
  expect(keyPub).toBe(reqPub);
  const wrong = opensslStatus("pkey", "-in", keyPath, "-passin", "pass:not the passphrase", "-noout");
  expect(wrong.ok).toBe(false);
  const structure = openssl("asn1parse", "-in", keyPath);
  expect(structure).toContain(":PBES2");
  expect(structure).toContain(":PBKDF2");
  expect(structure).toContain(":hmacWithSHA256");
  expect(structure).toContain(":aes-256-cbc");
  expect(structure).toMatch(/INTEGER\s+:0927C0/); // 600,000 iterations
  expect(structure).toMatch(/OCTET STRING\s+\[HEX DUMP\]:[0-9A-F]{32}\n/); // the 16-byte salt
  expect(readFileSync(keyPath, "utf8")).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
}

/** The fingerprint the page shows is the SHA-256 of the request's SubjectPublicKeyInfo. */
async function checkFingerprint(page: Page, reqPath: string, inform: "PEM" | "DER"): Promise<void> {
  const pubPem = openssl("req", "-in", reqPath, "-inform", inform, "-noout", "-pubkey");
  const spki = Buffer.from(pubPem.replace(/-----[A-Z ]+-----|\s/g, ""), "base64");
  const expected = createHash("sha256").update(spki).digest("hex").toUpperCase().match(/../g)!.join(":");
  await expect(page.locator(".fingerprint")).toHaveText(expected);
}

test("the article's reverse-proxy example, typed into Certificate Properties, gives a Base 64 request and key that OpenSSL accepts", async ({
  page,
}) => {
  const dir = tempDir();
  await startAndReachInformation(page, "Blank request", "(No template) Legacy key");
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const dialog = properties(page);
  await expect(dialog).toBeVisible();

  const general = await openTab(page, "General");
  await general.getByLabel("Friendly name").fill("Reverse Proxy Listener for Lync Server");

  const subject = await openTab(page, "Subject");
  await addName(subject, "Subject name", "Common name", "webext.contoso.com");
  for (const name of ["meet.contoso.com", "dialin.contoso.com", "lyncdiscover.contoso.com"]) {
    await addName(subject, "Alternative name", "DNS", name);
  }
  await expect(
    subject.getByText("The subject name must also be present in the subject alternative name"),
  ).toBeVisible();
  await expect(subject.getByLabel("Alternative name in the request").getByRole("option")).toHaveText([
    "DNS: webext.contoso.com (the subject name)",
    "DNS: meet.contoso.com",
    "DNS: dialin.contoso.com",
    "DNS: lyncdiscover.contoso.com",
  ]);

  const extensions = await openTab(page, "Extensions");
  await pick(extensions, "Key usage", "Key usage", ["Digital signature", "Key encipherment"]);
  await expect(extensions.getByLabel("Make these key usages critical")).toBeChecked();
  await pick(extensions, "Extended Key Usage (application policies)", "Extended Key Usage", [
    "Server Authentication",
    "Client Authentication",
  ]);
  await expect(extensions.getByLabel("Make the Extended Key Usages critical")).not.toBeChecked();

  const key = await openTab(page, "Private Key");
  await expect(key.getByLabel("RSA", { exact: true })).toBeChecked();
  await expect(key.getByLabel("Key size")).toHaveValue("2048");
  await expect(key.getByLabel("Make private key exportable")).toBeChecked();
  await expect(key.getByLabel("Exchange")).toBeChecked();
  await expect(key.getByLabel("Hash Algorithm")).toHaveValue("sha256");
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(dialog).toBeHidden();

  await expect(page.locator(".cert-card")).toContainText("Reverse Proxy Listener for Lync Server");
  await expect(page.locator(".cert-card")).toContainText("Digital signature, Key encipherment (critical)");
  await next(page, "Where do you want to save the offline request?");
  await expect(page.getByLabel("Base 64")).toBeChecked();
  await finish(page);

  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  const key2 = await download(page, page.getByRole("button", { name: "Download encrypted private key" }), dir);
  expect(req.name).toBe("Reverse-Proxy-Listener-for-Lync-Server.req");
  expect(key2.name).toBe("Reverse-Proxy-Listener-for-Lync-Server.key");

  const base64 = readFileSync(req.path, "latin1");
  expect(base64.startsWith("-----BEGIN NEW CERTIFICATE REQUEST-----\r\n")).toBe(true);
  expect(base64.endsWith("-----END NEW CERTIFICATE REQUEST-----\r\n")).toBe(true);
  expect(base64.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  expect(
    Math.max(
      ...base64
        .split("\r\n")
        .slice(1, -2)
        .map((l) => l.length),
    ),
  ).toBe(64);

  checkArticleRequest(req.path, "PEM");
  checkKeyMatchesRequest(key2.path, req.path, "PEM");
  await checkFingerprint(page, req.path, "PEM");
});

test("the reverse-proxy start in Binary format gives a DER request OpenSSL verifies", async ({ page }) => {
  const dir = tempDir();
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  // The article's usages whole: for a public CA Client Authentication is its own step (issue 19).
  await page.getByRole("button", { name: "Add Client Authentication" }).click();
  await next(page, "Where do you want to save the offline request?");
  await page.getByLabel("Binary").check();
  await page.getByRole("button", { name: "Generate a passphrase" }).click();
  const generated = await page.getByLabel("Passphrase", { exact: true }).inputValue();
  expect(generated).toMatch(/^([a-km-zA-HJ-NP-Z2-9]{5}-){4}[a-km-zA-HJ-NP-Z2-9]{5}$/);
  await expect(page.getByLabel("Confirm passphrase")).toHaveValue(generated);
  await expect(page.getByLabel("Passphrase", { exact: true })).toHaveAttribute("type", "text");
  await expect(page.getByLabel("Passphrase", { exact: true })).toHaveAccessibleDescription("Strong.");
  // A generated passphrase exists nowhere else: Finish waits until the admin says it is stored.
  await page.getByRole("button", { name: "Finish" }).click();
  // Said beside the checkbox, and in the summary at the top that links to it.
  await expect(page.locator("p.error").filter({ hasText: 'then tick "I have stored this passphrase"' })).toBeVisible();
  await expect(page.getByRole("link", { name: /then tick "I have stored this passphrase"/ })).toBeVisible();
  await page.getByLabel("I have stored this passphrase").check();
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("heading", { name: "Your request and key are ready" })).toBeVisible({ timeout: 60_000 });
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  const key = await download(page, page.getByRole("button", { name: "Download encrypted private key" }), dir);
  expect(readFileSync(req.path)[0]).toBe(0x30); // DER SEQUENCE, no armour
  checkArticleRequest(req.path, "DER");
  checkKeyMatchesRequest(key.path, req.path, "DER", generated);
  await checkFingerprint(page, req.path, "DER");
});

test("ECDSA P-256 with the CNG key template gives a request whose DER signature OpenSSL verifies", async ({ page }) => {
  const dir = tempDir();
  await startAndReachInformation(page, ARTICLE_EXAMPLE, "(No template) CNG key");
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const key = await openTab(page, "Private Key");
  await key.getByLabel("ECDSA P-256").check();
  const extensions = await openTab(page, "Extensions");
  // Key encipherment does not fit an ECDSA key: take it out with < Remove.
  const ku = extensions.getByRole("group", { name: "Key usage", exact: true });
  await ku.getByLabel("Selected options").selectOption({ label: "Key encipherment" });
  await ku.getByRole("button", { name: "< Remove Key usage" }).click();
  await properties(page).getByRole("button", { name: "OK" }).click();
  await next(page, "Where do you want to save the offline request?");
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  const keyFile = await download(page, page.getByRole("button", { name: "Download encrypted private key" }), dir);
  expect(opensslStatus("req", "-in", req.path, "-noout", "-verify").out).toMatch(/verify OK/);
  const text = openssl("req", "-in", req.path, "-noout", "-text");
  expect(text).toContain("Public Key Algorithm: id-ecPublicKey");
  expect(text).toContain("NIST CURVE: P-256");
  expect(text).toContain("Signature Algorithm: ecdsa-with-SHA256");
  expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature\n/);
  expect(lineAfter(text, /X509v3 Subject Alternative Name:/)).toBe(ARTICLE_NAMES);
  checkKeyMatchesRequest(keyFile.path, req.path, "PEM");
});
