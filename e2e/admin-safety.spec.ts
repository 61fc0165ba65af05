/**
 * Safe in an admin's hands: no placeholder request by accident, an error summary that leads to each field, one
 * verdict on names from Plan names to Finish, a second Finish that asks, a kept result back after a reload,
 * and Plan names readable on a phone.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  ARTICLE_EXAMPLE,
  download,
  finish,
  heading,
  next,
  openssl,
  REVERSE_PROXY,
  sendToInternalCa,
  tempDir,
} from "./helpers";

const summary = (page: Page) => page.getByRole("alert").filter({ hasText: "Next cannot go on yet" });
const sip = (page: Page) => page.getByLabel("SIP domains");
const pools = (page: Page) =>
  page.getByRole("group", { name: "Front End pools", exact: true }).getByLabel("External web services FQDN");

async function reachPlanNames(page: Page, start = REVERSE_PROXY): Promise<void> {
  await page.goto("/");
  await page.getByLabel(start).check();
  await next(page, "Select Certificate Enrollment Policy");
  await next(page, "Custom Request");
  await next(page, "Plan names");
}

test("the reverse-proxy start has no names, only examples; Next leads to each empty field, and the article's example is its own choice", async ({
  page,
}) => {
  await reachPlanNames(page);
  await expect(sip(page)).toHaveValue("");
  await expect(sip(page)).toHaveAttribute("placeholder", "e.g. contoso.com");
  await expect(pools(page)).toHaveAttribute("placeholder", "e.g. webext.contoso.com");
  // Nothing typed yet is not an error yet.
  await expect(page.getByText("Enter at least one SIP domain")).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Alternative names" }).locator("tbody tr")).toHaveCount(0);

  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(heading(page, "Plan names")).toBeVisible();
  await expect(summary(page)).toBeFocused();
  const links = summary(page).getByRole("link");
  await expect(links).toHaveText([
    "Enter at least one SIP domain, such as contoso.com.",
    "Enter the external web services FQDN of at least one Front End pool.",
  ]);
  await links.first().click();
  await expect(sip(page)).toBeFocused();
  await expect(sip(page)).toHaveAccessibleDescription(/Enter at least one SIP domain/);
  // An error leaves the summary and the field as soon as its field is filled in.
  await page.keyboard.type("fabrikam.com");
  await expect(links).toHaveCount(1);
  await expect(sip(page)).not.toHaveAccessibleDescription(/Enter at least one SIP domain/);
  await links.first().click();
  await expect(pools(page)).toBeFocused();
  await page.keyboard.type("lyncweb.fabrikam.com");
  await expect(summary(page)).toHaveCount(0);
  await next(page, "Certificate Information");
  await expect(page.locator(".cert-card").first()).toContainText("CN=lyncweb.fabrikam.com");
  await expect(page.locator(".cert-card").first()).not.toContainText("contoso");

  // "Use these names" refuses through the same summary.
  await page.getByRole("button", { name: "Back" }).click();
  await sip(page).fill("fabrikam");
  await page.getByRole("button", { name: "Use these names" }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page).getByRole("link")).toHaveText([/SIP domain "fabrikam" is not a domain/]);

  // The article's example, chosen on purpose, is filled in whole.
  await page.getByRole("button", { name: "Start over" }).click();
  await reachPlanNames(page, ARTICLE_EXAMPLE);
  await expect(sip(page)).toHaveValue("contoso.com");
  await next(page, "Certificate Information");
  await expect(page.locator(".cert-card").first()).toContainText("CN=webext.contoso.com");
});

test("where the request goes is chosen before Plan names, and Plan names gives the preflight's verdict on its names", async ({
  page,
}) => {
  await reachPlanNames(page);
  await sip(page).fill("fabrikam.local");
  await pools(page).fill("lyncweb.fabrikam.local");
  const findings = page.getByRole("list", { name: "Findings" });
  await expect(findings).toContainText("Error: lyncweb.fabrikam.local");
  await expect(findings).toContainText("internal names");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(summary(page)).toBeFocused();
  // Issue 19: the error is said beside the Front End field too, and the summary leads to that field.
  await summary(page).getByRole("link").first().click();
  await expect(pools(page)).toBeFocused();

  // The same names for an internal CA are fine, here and on every later page.
  for (const back of ["Custom Request", "Select Certificate Enrollment Policy", "Certificate Enrollment"]) {
    await page.getByRole("button", { name: "Back" }).click();
    await expect(heading(page, back)).toBeVisible();
  }
  await page.getByLabel("My own (internal) CA").check();
  await next(page, "Select Certificate Enrollment Policy");
  await next(page, "Custom Request");
  await next(page, "Plan names");
  await expect(page.getByText("None: the names follow the rules, for where the request goes.")).toBeVisible();
  await next(page, "Certificate Information");
  await expect(page.getByText("Checked for: My own (internal) CA.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Preflight findings" })).toHaveCount(0);
});

test("Finish after success asks before making a new key, and a kept request's result is shown again after a reload", async ({
  page,
}) => {
  const dir = tempDir();
  await reachPlanNames(page, ARTICLE_EXAMPLE);
  await next(page, "Certificate Information");
  await sendToInternalCa(page);
  await next(page, "Where do you want to save the offline request?");
  await finish(page);
  const first = await page.locator(".fingerprint").textContent();
  await page.getByLabel("Passphrase", { exact: true }).fill("another passphrase, long enough");
  await page.getByLabel("Confirm passphrase").fill("another passphrase, long enough");
  await page.getByRole("button", { name: "Finish" }).click();
  const ask = page.getByRole("alertdialog", { name: "Make a new key and a new request?" });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole("button", { name: "Keep the request I have" })).toBeFocused();
  await ask.getByRole("button", { name: "Keep the request I have" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.locator(".fingerprint")).toHaveText(first!);

  // A reload loses the page's memory; the kept request still has the result, and the page shows it again.
  await page.reload();
  await expect(heading(page, "Where do you want to save the offline request?")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your request and key are ready" })).toBeVisible();
  await expect(page.getByText(/^Made on .* and kept in this browser/)).toBeVisible();
  await expect(page.locator(".fingerprint")).toHaveText(first!);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  expect(openssl("req", "-in", req.path, "-verify", "-noout")).toBe("");
  // The request shown again is the one Finish made: its public key has the fingerprint shown the first time.
  writeFileSync(join(dir, "pub.pem"), openssl("req", "-in", req.path, "-noout", "-pubkey"));
  openssl("pkey", "-pubin", "-in", join(dir, "pub.pem"), "-outform", "DER", "-out", join(dir, "spki.der"));
  const sha = openssl("dgst", "-sha256", "-c", join(dir, "spki.der")).split("= ")[1]!.trim();
  expect(sha.toUpperCase()).toBe(first!.trim().toUpperCase());
});

test("on a phone Plan names has no text under 12 px and its tables are cards; axe is clean with the error summary", async ({
  browser,
}) => {
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 390, height: 844 },
      baseURL: "http://127.0.0.1:4174/",
    });
    const page = await context.newPage();
    await reachPlanNames(page);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(summary(page)).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await sip(page).fill("fabrikam.com\nfabrikam.net");
    await pools(page).fill("lyncweb.fabrikam.com");
    // Every visible text on the page, the names picture included, is at least 12 px as drawn.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("main *")]
        .filter(
          (e) => e.childNodes.length > 0 && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
        )
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => {
          const svg = e.closest("svg");
          const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
          return { text: e.textContent!.slice(0, 30), px: parseFloat(getComputedStyle(e).fontSize) * scale };
        })
        .filter((t) => t.px < 12),
    );
    expect(small).toEqual([]);
    // The names table is one card a row: no cell sits beside another.
    const row = page.getByRole("table", { name: "Alternative names" }).locator("tbody tr").first();
    const cells = row.locator("td");
    const [a, b] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
    expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height - 1);
    await expect(cells.nth(1)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(page.getByRole("list").filter({ hasText: "Meetings (simple URL): meet.fabrikam.net" })).toBeVisible();
    await context.close();
  }
});
