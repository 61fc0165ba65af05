/**
 * Renew a certificate: one drop on Certificate Enrollment, and Finish makes a new key for the same names.
 * From the certificate the interactions to a downloaded request and key are counted: a drop, the passphrase
 * and its confirmation, Finish, two downloads.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { issue, makeCa, p7b } from "../test/helpers/ca";
import {
  ARTICLE_EXAMPLE,
  download,
  finish,
  heading,
  lineAfter,
  next,
  openssl,
  PASSPHRASE,
  startAndReachInformation,
  tempDir,
} from "./helpers";

const SAVE = "Where do you want to save the offline request?";
const NAMES = "DNS:webext.contoso.com, DNS:meet.contoso.com, DNS:dialin.contoso.com, DNS:lyncdiscover.contoso.com";

/** Every interaction the admin makes, counted. */
function counter(page: Page) {
  let count = 0;
  return {
    count: () => count,
    drop: async (files: string) => (count++, page.getByLabel("Renew a certificate…").setInputFiles(files)),
    fill: async (target: Locator, text: string) => (count++, target.fill(text)),
    click: async (target: Locator) => (count++, target.click()),
    download: async (target: Locator, dir: string) => (count++, download(page, target, dir)),
  };
}

const sanOf = (req: string) =>
  lineAfter(openssl("req", "-in", req, "-noout", "-text"), /X509v3 Subject Alternative Name/);
const pubkeyOfRequest = (req: string) => openssl("req", "-in", req, "-noout", "-pubkey");

test("from the current certificate to a downloaded request and key in six interactions, same names, a new key", async ({
  page,
}) => {
  const dir = tempDir();
  const ca = makeCa();
  const leaf = issue(ca, {
    request: join("test", "vectors", "windows-pkcs9.csr.der"),
    inform: "DER",
    out: join(dir, "current.crt"),
  });
  await page.goto("/");
  const admin = counter(page);
  await admin.drop(leaf);
  await expect(heading(page, SAVE)).toBeVisible();
  await expect(page.getByRole("region", { name: "Renewal" })).toContainText("Renewal of CN=webext.contoso.com");
  const since = page.getByRole("list", { name: "Since last time" });
  await expect(since).toContainText("Last time: issued by CN=Contoso Test Issuing CA, valid 90 days");
  await expect(since).toContainText(/Today a public CA issues at most \d+ days/);
  await admin.fill(page.getByLabel("Passphrase", { exact: true }), PASSPHRASE);
  await admin.fill(page.getByLabel("Confirm passphrase"), PASSPHRASE);
  await admin.click(page.getByRole("button", { name: "Finish" }));
  await expect(page.getByRole("heading", { name: "Your request and key are ready" })).toBeVisible({ timeout: 60_000 });
  const req = await admin.download(page.getByRole("button", { name: "Download request" }), dir);
  const key = await admin.download(page.getByRole("button", { name: "Download encrypted private key" }), dir);
  expect(admin.count()).toBeLessThanOrEqual(6);

  expect(openssl("req", "-in", req.path, "-verify", "-noout")).toBe("");
  expect(sanOf(req.path)).toBe(NAMES);
  // A new key: not the certificate's, and the key file is the request's.
  expect(pubkeyOfRequest(req.path)).not.toBe(openssl("x509", "-in", leaf, "-noout", "-pubkey"));
  expect(openssl("pkey", "-in", key.path, "-passin", `pass:${PASSPHRASE}`, "-pubout")).toBe(pubkeyOfRequest(req.path));
});

test("from the .pfx with its password: the friendly name comes too, and only its certificate is read", async ({
  page,
}) => {
  const dir = tempDir();
  await page.goto("/");
  await page.getByLabel("Renew a certificate…").setInputFiles(join("test", "vectors", "webext.aes256-sha256.pfx"));
  const password = page.getByLabel("Password of webext.aes256-sha256.pfx");
  await password.fill("wrong");
  await page.getByRole("button", { name: "Open the .pfx" }).click();
  await expect(page.getByText("The password does not open this .pfx.")).toBeVisible();
  await password.fill("correct horse battery staple");
  await page.getByRole("button", { name: "Open the .pfx" }).click();
  await expect(heading(page, SAVE)).toBeVisible();
  // The vector is a self-signed certificate (CA:TRUE): today's preflight says so, with its fix, before Finish.
  await page.getByRole("button", { name: "Make it an end entity" }).click();
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Confirm passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Finish" }).click();
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  expect(req.name).toBe("Reverse-Proxy-Listener-for-Lync-Server.req");
  expect(openssl("req", "-in", req.path, "-noout", "-subject")).toContain("CN = webext.contoso.com");
  expect(pubkeyOfRequest(req.path)).not.toBe(
    openssl("x509", "-in", join("test", "vectors", "webext.crt"), "-noout", "-pubkey"),
  );
});

for (const file of ["windows-pkcs9.csr.der", "windows-ms-extensions.csr.der"]) {
  test(`from last year's request made on Windows (${file}): every name is kept`, async ({ page }) => {
    const dir = tempDir();
    await page.goto("/");
    await page.getByLabel("Renew a certificate…").setInputFiles(join("test", "vectors", file));
    await expect(heading(page, SAVE)).toBeVisible();
    await expect(page.getByRole("region", { name: "Renewal" })).toContainText("4 alternative names");
    await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
    await page.getByLabel("Confirm passphrase").fill(PASSPHRASE);
    await page.getByRole("button", { name: "Finish" }).click();
    const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
    expect(sanOf(req.path)).toBe(NAMES);
  });
}

test("from last year's request in CMC, as the Certificates snap-in writes it: every name is kept, and the page says how it came", async ({
  page,
}) => {
  const dir = tempDir();
  await page.goto("/");
  await page.getByLabel("Renew a certificate…").setInputFiles(join("test", "vectors", "windows-cmc.req"));
  await expect(heading(page, SAVE)).toBeVisible();
  const renewal = page.getByRole("region", { name: "Renewal" });
  await expect(renewal).toContainText("4 alternative names");
  await expect(renewal).toContainText("The request came wrapped in CMC");
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Confirm passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Finish" }).click();
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  expect(sanOf(req.path)).toBe(NAMES);
});

test("from a request kept in this browser, in six interactions: the same plan, a new key", async ({ page }) => {
  const dir = tempDir();
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await next(page, SAVE);
  await finish(page);
  const first = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  // Read now: the renewal's request has the same file name and is saved over it.
  const [firstNames, firstKey] = [sanOf(first.path), pubkeyOfRequest(first.path)];
  await page.getByRole("button", { name: "Start over" }).click();
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  const admin = counter(page);
  await admin.click(
    page
      .getByRole("list", { name: "Renew a request kept in this browser" })
      .getByRole("button", { name: "Renew Reverse Proxy Listener for Lync Server" })
      .first(),
  );
  await expect(heading(page, SAVE)).toBeVisible();
  await admin.fill(page.getByLabel("Passphrase", { exact: true }), PASSPHRASE);
  await admin.fill(page.getByLabel("Confirm passphrase"), PASSPHRASE);
  await admin.click(page.getByRole("button", { name: "Finish" }));
  await expect(page.getByRole("heading", { name: "Your request and key are ready" })).toBeVisible({ timeout: 60_000 });
  const req = await admin.download(page.getByRole("button", { name: "Download request" }), dir);
  await admin.download(page.getByRole("button", { name: "Download encrypted private key" }), dir);
  expect(admin.count()).toBeLessThanOrEqual(6);
  expect(sanOf(req.path)).toBe(firstNames);
  expect(pubkeyOfRequest(req.path)).not.toBe(firstKey);
});

test("from the CA's .p7b chain: the certificate renewed is the one that issued no other in it", async ({ page }) => {
  const dir = tempDir();
  const ca = makeCa();
  const leaf = issue(ca, {
    request: join("test", "vectors", "windows-ms-extensions.csr.der"),
    inform: "DER",
    out: join(dir, "leaf.crt"),
  });
  const bundle = p7b([ca.intermediate, leaf, ca.root], join(dir, "chain.p7b"));
  await page.goto("/");
  await page.getByLabel("Renew a certificate…").setInputFiles(bundle);
  await expect(heading(page, SAVE)).toBeVisible();
  await expect(page.getByRole("region", { name: "Renewal" })).toContainText("Renewal of CN=webext.contoso.com");
});

test("a file that is neither is refused with one sentence, and nothing starts", async ({ page }) => {
  const dir = tempDir();
  const junk = join(dir, "notes.crt");
  writeFileSync(junk, "not a certificate at all");
  await page.goto("/");
  await page.getByLabel("Renew a certificate…").setInputFiles(junk);
  await expect(page.getByLabel("Renew a certificate…")).toHaveAccessibleDescription(/could not be read|neither|not/);
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
});
