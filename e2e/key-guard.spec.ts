/** No click loses a key: while the key is neither downloaded nor kept, every way out asks first. */
import { expect, test, type Page } from "@playwright/test";
import {
  download,
  finish,
  heading,
  next,
  openssl,
  PASSPHRASE,
  ARTICLE_EXAMPLE,
  startAndReachInformation,
  tempDir,
} from "./helpers";

const KEEP = "Keep this request in this browser until the certificate comes back";

/** The reverse-proxy example finished with "keep in this browser" unticked: the key exists only in the page. */
async function finishWithoutKeeping(page: Page) {
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await next(page, "Where do you want to save the offline request?");
  await page.getByLabel(KEEP).uncheck();
  await finish(page);
  await expect(page.getByRole("alert").filter({ hasText: "The private key has not been saved" })).toBeVisible();
}

const guard = (page: Page) => page.getByRole("alertdialog", { name: "The private key has not been saved" });

test("Next and Start over ask first while the key is at risk; Stay keeps it, and downloading it lets the admin go on", async ({
  page,
}) => {
  const dir = tempDir();
  await finishWithoutKeeping(page);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(guard(page)).toBeVisible();
  await expect(guard(page).getByRole("button", { name: "Stay on this page" })).toBeFocused();
  await guard(page).getByRole("button", { name: "Stay on this page" }).click();
  await expect(guard(page)).toHaveCount(0);
  await expect(heading(page, "Where do you want to save the offline request?")).toBeVisible();
  // Finish again would make a new key in its place: that asks too, and Stay keeps the result.
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(guard(page)).toContainText("Making a new key without it");
  await guard(page).getByRole("button", { name: "Stay on this page" }).click();
  await expect(page.getByRole("heading", { name: "Your request and key are ready" })).toBeVisible();

  await page.getByRole("button", { name: "Start over" }).click();
  await expect(guard(page)).toContainText("Starting over without it");
  const key = await download(page, guard(page).getByRole("button", { name: "Download the key, then go on" }), dir);
  expect(openssl("pkey", "-in", key.path, "-passin", `pass:${PASSPHRASE}`, "-noout", "-text")).toContain("Private-Key");
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
});

test("once the key file is downloaded, nothing asks, and the tab closes without a prompt", async ({ page }) => {
  const dir = tempDir();
  await finishWithoutKeeping(page);
  await download(page, page.getByRole("button", { name: "Download encrypted private key" }), dir);
  await expect(page.getByRole("alert").filter({ hasText: "The private key has not been saved" })).toHaveCount(0);
  await next(page, "Complete the request");
  let prompted = false;
  page.on("dialog", (d) => {
    prompted = true;
    void d.accept();
  });
  await page.close({ runBeforeUnload: true });
  expect(prompted).toBe(false);
});

test("closing or reloading the tab while the key is at risk asks through the browser's prompt", async ({ page }) => {
  await finishWithoutKeeping(page);
  const asked = new Promise<string>((resolve) => page.once("dialog", (d) => (resolve(d.type()), void d.accept())));
  // A page must have seen a user gesture before the browser shows a beforeunload prompt.
  await page.getByLabel("File Name").click();
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe("beforeunload");
});

test("Leaving after a kept Finish asks nothing; a File Name typed with a folder keeps its last part", async ({
  page,
}) => {
  const dir = tempDir();
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await next(page, "Where do you want to save the offline request?");
  await page.getByLabel("File Name").fill("C:\\certs\\webext-2026.req");
  await expect(page.getByLabel("File Name")).toHaveAccessibleDescription(/downloads folder.*webext-2026\.req/);
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  expect(req.name).toBe("webext-2026.req");
  await next(page, "Complete the request");
  await expect(guard(page)).toHaveCount(0);
});
