/** The README's screenshots, made by this run (not by hand): docs/screenshots/*.png. */
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { issue, makeCa } from "../test/helpers/ca";
import { completeWithKeptRequest, download, finish, next, REVERSE_PROXY, tempDir } from "./helpers";

const shot = (name: string) => join("docs", "screenshots", name);

test("screenshots of the reverse-proxy example, from plan to .pfx", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 800 },
    colorScheme: "light",
    acceptDownloads: true,
    baseURL: "http://127.0.0.1:4174/",
  });
  const page = await context.newPage();
  const dir = tempDir();
  await page.goto("/");
  await page.screenshot({ path: shot("certificate-enrollment.png") });
  await page.getByLabel(REVERSE_PROXY).check();
  await next(page, "Select Certificate Enrollment Policy");
  await next(page, "Custom Request");
  await next(page, "Plan names");
  await page
    .getByRole("group", { name: "Director", exact: true })
    .getByLabel("External web services FQDN")
    .fill("webdirext.contoso.com");
  await page.getByLabel("Office Web Apps Server").fill("officewebapps01.contoso.com");
  await page.locator(".cert-card").screenshot({ path: shot("plan-names.png") });
  await page.getByRole("button", { name: "Use these names" }).click();
  await expect(page.locator(".cert-card")).toBeVisible();
  await page.locator("main").screenshot({ path: shot("certificate-information.png") });
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  await page.getByRole("tab", { name: "Subject" }).click();
  await page.getByRole("dialog").screenshot({ path: shot("certificate-properties-subject.png") });
  await page.getByRole("button", { name: "OK" }).click();
  await next(page, "Where do you want to save the offline request?");
  await finish(page);
  await page.locator("section.result").screenshot({ path: shot("request-ready.png") });
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  const ca = makeCa();
  const leaf = issue(ca, { request: req.path, out: join(dir, "webext.crt") });
  await next(page, "Complete the request");
  await completeWithKeptRequest(page, [leaf, ca.intermediate]);
  await page.locator(".cert-card").screenshot({ path: shot("complete-request.png") });
  await context.close();
});
