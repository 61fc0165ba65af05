/**
 * .pfx files as Windows writes them, opened on Complete the request: an empty password in either of its two
 * forms, the friendly name on the certificate bag, and crafted files that ask for millions of key derivations,
 * refused or opened with the page responsive throughout (its longest main-thread task measured).
 */
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { makeWorstPfx } from "../test/helpers/worst-pfx.mjs";
import { download, heading, openssl, opensslStatus, tempDir } from "./helpers";

const vector = (name: string) => join("test", "vectors", name);

/** Records every main-thread task over 50 ms from now on (Long Tasks API); the longest, in ms, when asked. */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: "longtask" });
  });
  return () => page.evaluate(() => (window as unknown as { __longest: number }).__longest);
}

async function openOnComplete(page: Page, file: string, password: string) {
  await page.getByRole("button", { name: "Complete a pending request…" }).click();
  await expect(heading(page, "Complete the request")).toBeVisible();
  await page.getByLabel("Load an encrypted private key file…").setInputFiles(file);
  await page.getByLabel("Password of the .pfx").fill(password);
  await page.getByRole("button", { name: "Open the .pfx" }).click();
}

for (const [file, form] of [
  ["windows-absent-password.pfx", "no password at all"],
  ["windows-empty-password.pfx", "the empty password"],
] as const) {
  test(`a .pfx Windows exported with ${form} opens with the password left empty, and converts`, async ({ page }) => {
    const dir = tempDir();
    await page.goto("/");
    await openOnComplete(page, vector(file), "");
    const contents = page.getByRole("region", { name: "Contents of the .pfx" });
    await expect(contents).toContainText("CN=webext.contoso.com (the key's certificate)");
    await expect(contents).toContainText(file.includes("absent") ? "(written with no password at all)" : "HMAC-SHA-1");
    await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
    await expect(page.getByLabel("Friendly name")).toHaveValue("webext.contoso.com");
    await page.getByLabel("TripleDES-SHA1").check();
    await page.getByLabel(".pfx password", { exact: true }).fill("for the proxy");
    await page.getByLabel("Confirm .pfx password").fill("for the proxy");
    const pfx = await download(page, page.getByRole("button", { name: "Export" }), dir);
    const info = opensslStatus("pkcs12", "-in", pfx.path, "-info", "-nodes", "-passin", "pass:for the proxy");
    expect(info.ok).toBe(true);
    expect(info.out).toContain("friendlyName: webext.contoso.com");
  });
}

test("the friendly name comes from the certificate bag, not the key container's name on the key bag, and survives the conversion", async ({
  page,
}) => {
  const dir = tempDir();
  await page.goto("/");
  await openOnComplete(page, vector("windows-container-name.pfx"), "Test1234!");
  await expect(page.getByRole("region", { name: "Contents of the .pfx" })).toContainText("te-WebServer-3f2a8c1e");
  await expect(page.getByLabel("Friendly name")).toHaveValue("webext.contoso.com 2026");
  await expect(page.getByText("Friendly name: the certificate's in the .pfx.")).toBeVisible();
  await page.getByLabel(".pfx password", { exact: true }).fill("for the proxy");
  await page.getByLabel("Confirm .pfx password").fill("for the proxy");
  const pfx = await download(page, page.getByRole("button", { name: "Export" }), dir);
  const info = opensslStatus("pkcs12", "-in", pfx.path, "-info", "-nodes", "-passin", "pass:for the proxy");
  expect(info.out).toContain("friendlyName: webext.contoso.com 2026");
  expect(info.out).not.toContain("te-WebServer");
});

for (const [file, sentence] of [
  ["hostile-mac-10m.pfx", "This .pfx asks for 10,000,000 iterations in one step"],
  ["hostile-3bags-1m.pfx", "This .pfx asks for 1,000,000 iterations in one step"],
  ["hostile-20bags.pfx", "This .pfx asks for more than 1,000,000 iterations in all"],
] as const) {
  test(`a crafted .pfx (${file}) is refused with a sentence, the page responsive`, async ({ page }) => {
    await page.goto("/");
    const longest = await watchLongTasks(page);
    await openOnComplete(page, vector(file), "Test1234!");
    await expect(page.getByText(sentence)).toBeVisible();
    expect(await longest()).toBeLessThan(200);
  });
}

test("the worst .pfx the limits allow opens in a Worker: progress and Cancel show, the page stays responsive", async ({
  page,
}) => {
  const worst = makeWorstPfx(tempDir(), "slow one");
  await page.goto("/");
  const longest = await watchLongTasks(page);
  await openOnComplete(page, worst, "slow one");
  const progress = page.getByRole("status").filter({ hasText: "Opening the .pfx" });
  await expect(progress).toBeVisible();
  await progress.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Opening the .pfx was cancelled: nothing was read from it.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Contents of the .pfx" })).toHaveCount(0);
  // Opened again to the end, the page still answers while it works.
  await page.getByRole("button", { name: "Open the .pfx" }).click();
  await expect(progress).toBeVisible();
  await expect(page.getByRole("region", { name: "Contents of the .pfx" })).toContainText("300000 iterations", {
    timeout: 60_000,
  });
  const longestTask = await longest();
  console.log(`longest main-thread task while the worst .pfx opened: ${longestTask.toFixed(0)} ms`);
  expect(longestTask).toBeLessThan(200);
});

test("from the single file (file://, offline), the .pfx Worker runs under the file's CSP", async ({ browser }) => {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(pathToFileURL(resolve("dist/certificate-request-wizard.html")).href);
  await openOnComplete(page, vector("windows-absent-password.pfx"), "");
  await expect(page.getByRole("region", { name: "Contents of the .pfx" })).toContainText(
    "(written with no password at all)",
  );
  expect(problems).toEqual([]);
  await context.close();
});

test("Renew from a .pfx Windows exported with no password and its key container's name: the certificate's friendly name comes", async ({
  page,
}) => {
  const dir = tempDir();
  await page.goto("/");
  await page.getByLabel("Renew a certificate…").setInputFiles(vector("windows-container-name.pfx"));
  await page.getByLabel("Password of windows-container-name.pfx").fill("Test1234!");
  await page.getByRole("button", { name: "Open the .pfx" }).click();
  await expect(heading(page, "Where do you want to save the offline request?")).toBeVisible();
  await page.getByRole("button", { name: "Make it an end entity" }).click();
  await page.getByLabel("Passphrase", { exact: true }).fill("Renewal passphrase 2026!");
  await page.getByLabel("Confirm passphrase").fill("Renewal passphrase 2026!");
  await page.getByRole("button", { name: "Finish" }).click();
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  expect(req.name).toBe("webext.contoso.com-2026.req");
  expect(openssl("req", "-in", req.path, "-noout", "-subject")).toContain("CN = webext.contoso.com");
});

test("Renew from a .pfx exported with no password at all: the password left empty opens it", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Renew a certificate…").setInputFiles(vector("windows-absent-password.pfx"));
  await page.getByRole("button", { name: "Open the .pfx" }).click();
  await expect(heading(page, "Where do you want to save the offline request?")).toBeVisible();
  await expect(page.getByLabel("File Name")).toHaveAttribute("placeholder", "webext.contoso.com.req");
});
