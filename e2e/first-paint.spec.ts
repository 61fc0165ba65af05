/**
 * The first page is prerendered into the HTML at build time and hydrated (src/boot): it shows before any of the
 * app's script runs, what the admin does on it before then is kept, and a returning admin's draft is not
 * covered by a fresh page for a moment. The app's start chunk is held back here to make "before" last.
 */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { heading } from "./helpers";

/** Holds every request for the app's start chunk (and so everything after it) until `release` is called. */
async function holdApp(page: Page): Promise<{ release: () => void; held: Promise<void> }> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let seen = () => {};
  const held = new Promise<void>((resolve) => (seen = resolve));
  await page.route(/\/assets\/boot-[^/]+\.js$/, async (route) => {
    seen();
    await gate;
    await route.continue();
  });
  return { release, held };
}

/** Errors on the page, hydration mismatches included (React reports them with console.error). */
function problems(page: Page): string[] {
  const found: string[] = [];
  page.on("pageerror", (e) => found.push(e.message));
  page.on("console", (m) => m.type() === "error" && found.push(m.text()));
  return found;
}

test("the first page is readable and its choices visible before the app's script runs", async ({ page }) => {
  const errors = problems(page);
  const app = await holdApp(page);
  await page.goto("/");
  await app.held;
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Reverse proxy for Lync Server 2013/ })).toBeChecked();
  await expect(page.getByRole("button", { name: "Next", exact: true })).toBeVisible();
  expect(await page.evaluate(() => "__earlyInput" in window)).toBe(true);
  app.release();
  await expect.poll(() => page.evaluate(() => "__earlyInput" in window)).toBe(false);
  expect(errors).toEqual([]);
});

test("a choice and Next clicked before the app's script runs are not lost", async ({ page }) => {
  const errors = problems(page);
  const app = await holdApp(page);
  await page.goto("/");
  await app.held;
  await page.getByRole("radio", { name: /^Web server/ }).check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  // Still the prerendered page: nothing has handled the click yet.
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  app.release();
  await expect(heading(page, "Select Certificate Enrollment Policy")).toBeVisible();
  await page.getByRole("button", { name: "Back", exact: true }).click();
  // The store took the choice: Back shows it checked from the state, not from the DOM left as it was.
  await expect(page.getByRole("radio", { name: /^Web server/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /^Reverse proxy for Lync Server 2013/ })).not.toBeChecked();
  expect(errors).toEqual([]);
});

test("a returning admin's draft is not covered by the fresh first page", async ({ page }) => {
  const errors = problems(page);
  await page.goto("/");
  await page.getByRole("radio", { name: /^Web server/ }).check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(heading(page, "Select Certificate Enrollment Policy")).toBeVisible();
  const app = await holdApp(page);
  await page.reload();
  await app.held;
  // The prerendered Certificate Enrollment is in the HTML but hidden while the draft's page is drawn.
  await expect(page.locator("#root")).toBeHidden();
  app.release();
  await expect(heading(page, "Select Certificate Enrollment Policy")).toBeVisible();
  expect(errors).toEqual([]);
});

test("the single file shows the prerendered page and hydrates it with no error", async ({ page }) => {
  const errors = problems(page);
  await page.goto(pathToFileURL(resolve("dist/certificate-request-wizard.html")).href);
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  await expect.poll(() => page.evaluate(() => "__earlyInput" in window)).toBe(false);
  await page.getByRole("radio", { name: /^Web server/ }).check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(heading(page, "Select Certificate Enrollment Policy")).toBeVisible();
  expect(errors).toEqual([]);
});

test("a draft whose page cannot be shown shows why, not a hidden page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("radio", { name: /^Web server/ }).check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(heading(page, "Certificate Information")).toBeVisible();
  // The draft reopens on Certificate Information, whose code now fails to load.
  await page.route(/\/assets\/certificate-information-[^/]+\.js$/, (route) => route.abort());
  await page.reload();
  await expect(page.getByText("This page could not be shown")).toBeVisible();
  await expect(page.getByRole("button", { name: "Back", exact: true })).toBeVisible();
});
