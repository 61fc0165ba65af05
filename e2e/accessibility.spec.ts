/** Accessibility: axe-core on every page, both themes, and the layout from a 360 px window up. */
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { issue, makeCa } from "../test/helpers/ca";
import { completeWithKeptRequest, download, finish, heading, next, ARTICLE_EXAMPLE, tempDir } from "./helpers";

async function noViolations(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map(
    (v) => `${where}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`,
  );
  expect(summary).toEqual([]);
}

/** A disabled control says why, tied to it: its aria-describedby names text that is there. */
async function disabledSayWhy(page: Page, where: string) {
  const silent = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button:disabled, input:disabled, select:disabled, textarea:disabled")]
      .filter((e) => e.getClientRects().length > 0 || e.matches(".visually-hidden"))
      .filter((e) => {
        const ids = (e.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
        return !ids.some((id) => document.getElementById(id)?.textContent?.trim());
      })
      .map((e) => e.getAttribute("aria-label") ?? e.closest("label")?.textContent ?? e.textContent ?? e.id),
  );
  expect(silent, `${where}: disabled controls that do not say why`).toEqual([]);
}

async function noHorizontalScroll(page: Page, where: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  // Which boxes reach past the window, to say where the sideways scroll comes from.
  const culprits = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter(
        (e) =>
          e.getBoundingClientRect().right + scrollX > document.documentElement.clientWidth + 1 &&
          !e.parentElement?.closest(".table-wrap"),
      )
      .slice(0, 4)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? "").slice(0, 30)}`),
  );
  expect(overflow, `${where} scrolls sideways by ${overflow} px: ${culprits.join(" | ")}`).toBeLessThanOrEqual(0);
}

for (const [scheme, width] of [
  ["light", 1280],
  ["dark", 360],
] as const) {
  test(`every page passes axe-core in the ${scheme} theme at ${width} px`, async ({ browser }) => {
    const dir = tempDir();
    const context = await browser.newContext({
      colorScheme: scheme,
      viewport: { width, height: 900 },
      acceptDownloads: true,
      baseURL: "http://127.0.0.1:4174/",
    });
    const page = await context.newPage();
    const check = async (where: string) => {
      await noViolations(page, where);
      await noHorizontalScroll(page, where);
      await disabledSayWhy(page, where);
    };
    await page.goto("/");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(scheme === "dark" ? "rgb(21, 24, 28)" : "rgb(246, 247, 249)");
    await check("Certificate Enrollment");
    await page.getByLabel(ARTICLE_EXAMPLE).check();
    await next(page, "Select Certificate Enrollment Policy");
    await check("Select Certificate Enrollment Policy");
    await next(page, "Custom Request");
    await check("Custom Request");
    await next(page, "Plan names");
    await check("Plan names");
    await next(page, "Certificate Information");
    await page.getByText("Details").click();
    await check("Certificate Information");
    await page.getByRole("button", { name: "Properties", exact: true }).click();
    for (const tab of ["General", "Subject", "Extensions", "Private Key"]) {
      await page.getByRole("tab", { name: tab }).click();
      await noViolations(page, `Certificate Properties, ${tab}`);
      await disabledSayWhy(page, `Certificate Properties, ${tab}`);
    }
    await page.getByRole("button", { name: "OK" }).click();
    await next(page, "Where do you want to save the offline request?");
    await page.getByText("Reproduce on Windows or with OpenSSL").click();
    await check("Where do you want to save the offline request?");
    await finish(page);
    await check("Where do you want to save the offline request? (done)");
    const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
    const ca = makeCa();
    const leaf = issue(ca, { request: req.path, out: join(dir, "leaf.crt") });
    await next(page, "Complete the request");
    await completeWithKeptRequest(page, [leaf, ca.intermediate]);
    await check("Complete the request");
    if (width < 720) {
      // On a phone the pending requests are cards: a row's cells one under the other, nothing cut off.
      const cells = page.getByRole("table", { name: "Pending requests kept in this browser" }).locator("tbody tr td");
      const [first, second] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
      expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height - 1);
      expect(second!.x + second!.width).toBeLessThanOrEqual(width);
    }
    await page.getByLabel("I have stored this password").check();
    await download(page, page.getByRole("button", { name: "Export" }), dir);
    await expect(page.getByRole("heading", { name: "Next steps on the proxy" })).toBeVisible();
    await check("Complete the request (exported)");
    await page.getByRole("button", { name: "Start over" }).click();
    await page.getByRole("button", { name: "Open a request or certificate…" }).click();
    await expect(heading(page, "Open a request or certificate")).toBeVisible();
    await page.getByLabel("Open a file…").setInputFiles(leaf);
    await expect(page.getByRole("heading", { name: "Certificate", exact: true })).toBeVisible();
    await check("Open a request or certificate");
    await context.close();
  });
}
