/** Shared steps for the wizard specs: walking the pages, saving downloads, and asking OpenSSL about them. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Download, type Locator, type Page } from "@playwright/test";

export const PASSPHRASE = "Lync-proxy 2013 key, kept offline!";

/** Runs openssl and returns stdout and stderr together; throws when it exits non-zero. */
export function openssl(...args: string[]): string {
  return execFileSync("openssl", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) + "";
}

/** openssl's stdout and stderr together, also when it fails, with whether it exited 0. */
export function opensslStatus(...args: string[]): { ok: boolean; out: string } {
  const run = spawnSync("openssl", args, { encoding: "utf8" });
  return { ok: run.status === 0, out: `${run.stdout}${run.stderr}` };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "wizard-e2e-"));
}

/** Clicks a button that downloads, and saves the file under its suggested name. */
export async function download(
  page: Page,
  button: Locator,
  dir: string,
): Promise<{ path: string; name: string; download: Download }> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename(), download: file };
}

/** Saves every download the page starts under its suggested name; the returned function lists them so far. */
export function collectDownloads(page: Page, dir: string): () => string[] {
  const files: string[] = [];
  page.on("download", async (d) => {
    const path = join(dir, d.suggestedFilename());
    await d.saveAs(path);
    files.push(path);
  });
  return () => files;
}

export const heading = (page: Page, name: string) => page.getByRole("heading", { level: 2, name });

export async function next(page: Page, to: string): Promise<void> {
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(heading(page, to)).toBeVisible();
}

/** From Certificate Enrollment to Certificate Information with the given start. */
export async function startAndReachInformation(page: Page, start: string, template?: string): Promise<void> {
  await page.goto("/");
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  await page.getByLabel(start).check();
  await next(page, "Select Certificate Enrollment Policy");
  await expect(page.getByLabel("Proceed without enrollment policy")).toBeChecked();
  await next(page, "Custom Request");
  if (template) await page.getByLabel("Template").selectOption({ label: template });
  if (start === REVERSE_PROXY || start === ARTICLE_EXAMPLE) await next(page, "Plan names");
  await next(page, "Certificate Information");
}

/** The reverse-proxy start: Plan names with nothing typed. */
export const REVERSE_PROXY = "Reverse proxy for Lync Server 2013 / Skype for Business";
/** The article's example: the reverse proxy with contoso.com filled in, a complete request without typing. */
export const ARTICLE_EXAMPLE = "Fill in the article's example (contoso.com)";

export function properties(page: Page): Locator {
  return page.getByRole("dialog", { name: "Certificate Properties" });
}

export async function openTab(page: Page, tab: string): Promise<Locator> {
  const dialog = properties(page);
  await dialog.getByRole("tab", { name: tab }).click();
  return dialog.getByRole("tabpanel");
}

/** Types a value beside its Type and clicks Add > in the Subject tab's "Subject name" or "Alternative name" block. */
export async function addName(
  panel: Locator,
  block: "Subject name" | "Alternative name",
  type: string,
  value: string,
): Promise<void> {
  const group = panel.getByRole("group", { name: block });
  await group.getByLabel("Type", { exact: true }).selectOption({ label: type });
  await group.getByLabel("Value", { exact: true }).fill(value);
  await group.getByRole("button", { name: `Add > ${block}` }).click();
}

/** Moves options from Available options to Selected options in one of the Extensions tab's pickers. */
export async function pick(panel: Locator, block: string, name: string, labels: string[]): Promise<void> {
  const group = panel.getByRole("group", { name: block, exact: true });
  await group.getByLabel("Available options").selectOption(labels.map((label) => ({ label })));
  await group.getByRole("button", { name: `Add > ${name}` }).click();
}

/** Fills the passphrase twice, clicks Finish and waits for the downloads to be offered. */
export async function finish(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByLabel("Confirm passphrase").fill(passphrase);
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("heading", { name: "Your request and key are ready" })).toBeVisible({ timeout: 60_000 });
  // Finish empties the passphrase fields on purpose; that must not read as a mistake.
  await expect(page.getByLabel("Passphrase", { exact: true })).toHaveValue("");
  await expect(page.getByText("Enter a passphrase")).toHaveCount(0);
}

/** The lines of `openssl req -text` that follow a heading line, trimmed. */
export function lineAfter(text: string, headingPattern: RegExp): string {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => headingPattern.test(l));
  if (at < 0) throw new Error(`No line matches ${headingPattern}\n${text}`);
  return (lines[at + 1] ?? "").trim();
}

/** On Complete the request: the first kept request, its key opened with the passphrase, and the certificates loaded. */
export async function completeWithKeptRequest(page: Page, certificates: string[]): Promise<void> {
  await page.getByRole("radio", { name: /^Use / }).first().check();
  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the key" }).click();
  await expect(page.getByText(/^Opened\. Public key SHA-256/)).toBeVisible();
  await page.getByLabel("Load the certificate…").setInputFiles(certificates);
  await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
}

/** "This request goes to" is chosen on Certificate Enrollment: go there, choose the internal CA, and Next back here. */
export async function sendToInternalCa(page: Page): Promise<void> {
  const here = page.getByRole("heading", { level: 2 });
  const title = (await here.textContent()) ?? "";
  await page.getByRole("button", { name: "Change where the request goes" }).click();
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  await page.getByLabel("My own (internal) CA").check();
  for (let step = 0; step < 6 && (await here.textContent()) !== title; step++) {
    const before = await here.textContent();
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(here).not.toHaveText(before ?? "");
  }
  await expect(heading(page, title)).toBeVisible();
}
