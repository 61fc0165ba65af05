/** Shared steps for the planner profile specs: choose a profile, type into Plan names, read what it shows, finish. */
import { expect, type Locator, type Page } from "@playwright/test";
import { download, finish, heading, lineAfter, next, openssl, opensslStatus, tempDir } from "./helpers";

/** From a fresh page to Plan names with the profile chosen by its "Start from" label (and where the request goes). */
export async function startProfile(
  page: Page,
  label: string,
  ca: "A public CA" | "My own (internal) CA" = "A public CA",
): Promise<void> {
  await page.goto("/");
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  await page.getByRole("group", { name: "Start from" }).getByLabel(label, { exact: true }).check();
  await page.getByRole("group", { name: "This request goes to" }).getByLabel(ca, { exact: true }).check();
  await next(page, "Select Certificate Enrollment Policy");
  await next(page, "Custom Request");
  await next(page, "Plan names");
}

/** Types into an input or text area as an admin does, key by key, after emptying it (a line break is Enter). */
export async function type(field: Locator, value: string): Promise<void> {
  await field.fill("");
  await field.pressSequentially(value);
  await expect(field).toHaveValue(value);
}

/** The "The certificate's names" card of Plan names. */
export const namesCard = (page: Page) => page.getByRole("region", { name: "The certificate's names" });

/** Checks the subject and the alternative names in order, each with its reason (the reason's start, or a pattern). */
export async function expectPlannedNames(
  page: Page,
  subject: string,
  names: readonly (readonly [string, string | RegExp])[],
): Promise<void> {
  const card = namesCard(page);
  await expect(card.getByRole("definition")).toHaveText(`CN=${subject}`);
  const rows = card.getByRole("table", { name: "Alternative names" }).locator("tbody tr");
  await expect(rows.locator("td:first-child")).toHaveText(names.map(([name]) => name));
  for (const [i, [, reason]] of names.entries()) {
    const why = rows.nth(i).locator("td").nth(1);
    await expect(why).not.toBeEmpty();
    await expect(why).toContainText(reason);
  }
}

/** The findings list of the names card. */
export const findings = (page: Page) => namesCard(page).getByRole("list", { name: "Findings" });

/** Checks the findings say each of these, and that none of them is an error. */
export async function expectFindings(page: Page, ...texts: string[]): Promise<void> {
  const found = findings(page);
  for (const text of texts) await expect(found).toContainText(text);
  await expect(found.getByRole("listitem").filter({ hasText: /^Error:/ })).toHaveCount(0);
}

/** Opens "What to configure next" and returns it. */
export async function openNextSteps(page: Page): Promise<Locator> {
  const summary = page.getByText("What to configure next", { exact: true });
  await summary.click();
  const steps = page.locator("details").filter({ has: summary });
  await expect(steps).toHaveAttribute("open", "");
  return steps;
}

/** The commands shown in "What to configure next", each as the page shows it. */
export async function commands(steps: Locator): Promise<string[]> {
  return steps.locator("pre").allTextContents();
}

/** Checks one command of "What to configure next" contains every part, in one block, visible with its Copy button. */
export async function expectCommand(steps: Locator, ...parts: string[]): Promise<void> {
  let block = steps.locator("pre");
  for (const part of parts) block = block.filter({ hasText: part });
  await expect(block).toHaveCount(1);
  await expect(block).toBeVisible();
  await expect(block.locator("xpath=following-sibling::button[1]")).toHaveText("Copy the command");
}

/**
 * From Plan names to the request file: Next (the names go into the plan), Certificate Information shows the
 * subject, then Finish with the passphrase and the request downloaded, and OpenSSL's verdict on it
 * (expectRequest). Returns the file's name and OpenSSL's text of the request.
 */
export async function finishAndExpectRequest(page: Page, subject: string, names: readonly string[]) {
  await next(page, "Certificate Information");
  await expect(page.locator(".cert-card")).toContainText(subject);
  await next(page, "Where do you want to save the offline request?");
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), tempDir());
  return { name: req.name, text: expectRequest(req.path, subject, names) };
}

/** OpenSSL's verdict on a request: its signature verifies, and it carries exactly this subject and these DNS names in order. */
function expectRequest(path: string, subject: string, names: readonly string[]): string {
  expect(opensslStatus("req", "-in", path, "-noout", "-verify").out).toMatch(/verify OK/);
  const text = openssl("req", "-in", path, "-noout", "-text");
  expect(text).toMatch(new RegExp(`\\n\\s+Subject: CN ?= ?${subject.replace(/[.*]/g, "\\$&")}\\n`));
  expect(lineAfter(text, /X509v3 Subject Alternative Name:/)).toBe(names.map((n) => `DNS:${n}`).join(", "));
  expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Key Encipherment\n/);
  expect(text).toContain("Public-Key: (2048 bit)");
  return text;
}
