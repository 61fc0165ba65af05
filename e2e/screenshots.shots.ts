/**
 * `npm run screenshots` (not part of `npm test`): the README's pictures in docs/screenshots/, and a walk of
 * every page at 1280×800 and 390 px wide in both themes, in test-results/walk/, to look at before a UI change
 * lands. Each step waits for its page, so a page that does not render fails the run.
 */
import { join } from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { issue, makeCa } from "../test/helpers/ca";
import { PEBBLE_DIRECTORY, startPebble } from "../test/helpers/pebble";
import {
  ARTICLE_EXAMPLE,
  completeWithKeptRequest,
  download,
  finish,
  heading,
  next,
  REVERSE_PROXY,
  tempDir,
} from "./helpers";

const shot = (name: string) => join("docs", "screenshots", name);

/**
 * The reverse-proxy start as an admin walks it, from Certificate Enrollment to an exported .pfx, calling `at` on
 * every page: Next on the empty Plan names first (the error summary), then Fabrikam's names typed in.
 */
async function walk(page: Page, at: (name: string) => Promise<void>) {
  const dir = tempDir();
  await page.goto("/");
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  await at("certificate-enrollment");
  await page.getByLabel(REVERSE_PROXY).check();
  await next(page, "Select Certificate Enrollment Policy");
  await next(page, "Custom Request");
  await at("custom-request");
  await next(page, "Plan names");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Next cannot go on yet" })).toBeFocused();
  await at("error-summary");
  await page.getByLabel("SIP domains").fill("fabrikam.com");
  await page
    .getByRole("group", { name: "Front End pools", exact: true })
    .getByLabel("External web services FQDN")
    .fill("lyncweb.fabrikam.com");
  await page
    .getByRole("group", { name: "Director", exact: true })
    .getByLabel("External web services FQDN")
    .fill("lyncdir.fabrikam.com");
  await page.getByLabel("Office Web Apps Server").fill("owa.fabrikam.com");
  await at("plan-names");
  await page.getByRole("button", { name: "Use these names" }).click();
  await expect(page.locator(".cert-card")).toBeVisible();
  await at("certificate-information");
  for (const tab of ["General", "Subject", "Extensions", "Private Key"]) {
    if (tab === "General") await page.getByRole("button", { name: "Properties", exact: true }).click();
    await page.getByRole("tab", { name: tab }).click();
    await at(`certificate-properties-${tab.toLowerCase().replace(" ", "-")}`);
  }
  await page.getByRole("button", { name: "OK" }).click();
  await next(page, "Where do you want to save the offline request?");
  await expect(page.getByText("Reproduce on Windows or with OpenSSL")).toBeVisible();
  await at("save-request");
  await finish(page);
  await at("request-ready");
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  const ca = makeCa();
  const leaf = issue(ca, { request: req.path, out: join(dir, "webext.crt") });
  await next(page, "Complete the request");
  await completeWithKeptRequest(page, [leaf, ca.intermediate]);
  await at("complete-request");
  await page.getByLabel("I have stored this password").check();
  await download(page, page.getByRole("button", { name: "Export" }), dir);
  await expect(page.getByRole("heading", { name: "Next steps on the proxy" })).toBeVisible();
  await at("export-done");
}

async function newPage(browser: Browser, width: number, height: number, colorScheme: "light" | "dark") {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

test("the README's pictures of the reverse-proxy example, from plan to .pfx", async ({ browser }) => {
  const { context, page } = await newPage(browser, 1100, 800, "light");
  const readme: Record<string, () => Promise<unknown>> = {
    "certificate-enrollment": () => page.screenshot({ path: shot("certificate-enrollment.png") }),
    "plan-names": () => page.locator(".cert-card").screenshot({ path: shot("plan-names.png") }),
    "certificate-information": () => page.locator("main").screenshot({ path: shot("certificate-information.png") }),
    "certificate-properties-subject": () =>
      page.getByRole("dialog").screenshot({ path: shot("certificate-properties-subject.png") }),
    "error-summary": () => page.locator("main").screenshot({ path: shot("error-summary.png") }),
    "save-request": () => page.locator("main").screenshot({ path: shot("save-request.png") }),
    "request-ready": () => page.locator("section.result").screenshot({ path: shot("request-ready.png") }),
    "complete-request": () => page.locator(".cert-card").screenshot({ path: shot("complete-request.png") }),
    "export-done": () => page.getByRole("region", { name: "Exported" }).screenshot({ path: shot("export-done.png") }),
  };
  await walk(page, async (name) => void (await readme[name]?.()));
  await context.close();
});

test("the README's phone pictures: the error summary, the save page and the export confirmation", async ({
  browser,
}) => {
  const { context, page } = await newPage(browser, 390, 844, "dark");
  const readme: Record<string, () => Promise<unknown>> = {
    "error-summary": () => page.screenshot({ path: shot("phone-error-summary.png") }),
    "save-request": () => page.screenshot({ path: shot("phone-save-request.png") }),
    "export-done": () =>
      page.getByRole("region", { name: "Exported" }).screenshot({ path: shot("phone-export-done.png") }),
  };
  await walk(page, async (name) => void (await readme[name]?.()));
  await context.close();
});

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  for (const theme of ["light", "dark"] as const) {
    test(`a walk of every page at ${width} px in the ${theme} theme`, async ({ browser }) => {
      const { context, page } = await newPage(browser, width, height, theme);
      await walk(page, async (name) => {
        await page.screenshot({ path: join("test-results", "walk", `${width}-${theme}-${name}.png`), fullPage: true });
      });
      await context.close();
    });
  }
}

test("the key guard, as it asks before Start over, at 1280 px light and 390 px dark", async ({ browser }) => {
  for (const [width, height, theme] of [
    [1280, 800, "light"],
    [390, 844, "dark"],
  ] as const) {
    const { context, page } = await newPage(browser, width, height, theme);
    await page.goto("/");
    await page.getByLabel(ARTICLE_EXAMPLE).check();
    for (const to of [
      "Select Certificate Enrollment Policy",
      "Custom Request",
      "Plan names",
      "Certificate Information",
    ])
      await next(page, to);
    await next(page, "Where do you want to save the offline request?");
    await page.getByLabel("Keep this request in this browser until the certificate comes back").uncheck();
    await finish(page);
    await page.getByRole("button", { name: "Start over" }).click();
    await expect(page.getByRole("alertdialog")).toBeVisible();
    await page.screenshot({ path: join("test-results", "walk", `${width}-${theme}-key-guard.png`) });
    await context.close();
  }
});

test("the README's picture of Get it issued (ACME): the challenges of an order from Pebble, Let's Encrypt's test CA", async ({
  browser,
}) => {
  const pebble = await startPebble();
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByLabel(ARTICLE_EXAMPLE).check();
    for (const to of [
      "Select Certificate Enrollment Policy",
      "Custom Request",
      "Plan names",
      "Certificate Information",
    ])
      await next(page, to);
    await next(page, "Where do you want to save the offline request?");
    await finish(page);
    const [acme] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: "Get it issued (ACME)…" }).click(),
    ]);
    await acme.getByLabel("Another ACME directory").check();
    await acme.getByLabel("Directory URL").fill(PEBBLE_DIRECTORY);
    await acme.getByRole("button", { name: "Contact the CA" }).click();
    await acme.getByLabel("I accept the CA's terms of service").check();
    await acme.getByLabel("Passphrase for the account file").fill("screenshot account passphrase");
    await acme.getByLabel("Confirm the passphrase").fill("screenshot account passphrase");
    await acme.getByRole("button", { name: "Create the account" }).click();
    await expect(acme.getByRole("button", { name: "Save the account file" })).toBeVisible({ timeout: 60_000 });
    await download(acme, acme.getByRole("button", { name: "Save the account file" }), tempDir());
    await acme.getByRole("button", { name: /^Order the certificate/ }).click();
    await expect(acme.getByRole("article").first()).toBeVisible({ timeout: 60_000 });
    await acme.locator("main").screenshot({ path: shot("acme.png") });
    await context.close();
  } finally {
    await pebble.stop();
  }
});
