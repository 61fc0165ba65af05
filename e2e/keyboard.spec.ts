/** The whole wizard with the keyboard alone: no mouse or pointer event at all, and a valid request at the end. */
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import {
  REVERSE_PROXY,
  heading,
  lineAfter,
  openssl,
  opensslStatus,
  PASSPHRASE,
  ARTICLE_EXAMPLE,
  tempDir,
} from "./helpers";

/** The focused element's accessible name, roughly as a screen reader would say it. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body || /^H\d$/.test(e.tagName)) return "";
    const labelled = e.getAttribute("aria-label") ?? (e as HTMLInputElement).labels?.[0]?.textContent ?? "";
    return `${e.getAttribute("role") ?? e.tagName.toLowerCase()}:${labelled || e.textContent || ""}`.trim();
  });

/** Presses Tab (or Shift+Tab) until the focus is on what `want` names; fails after 120 presses. */
async function tabTo(page: Page, want: string, backwards = false) {
  for (let i = 0; i < 120; i++) {
    if ((await focusedName(page)).includes(want)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached "${want}"; focus is on ${await focusedName(page)}`);
}

async function press(page: Page, name: string, key = "Enter") {
  await tabTo(page, name);
  await page.keyboard.press(key);
}

test("a keyboard-only run of the whole wizard produces a valid request", async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { pointerEvents: string[] }).pointerEvents = [];
    for (const type of ["mousedown", "mouseup", "pointerdown", "pointerup", "mousemove"]) {
      addEventListener(type, () => (window as unknown as { pointerEvents: string[] }).pointerEvents.push(type), true);
    }
  });
  const dir = tempDir();
  await page.goto("/");
  await tabTo(page, REVERSE_PROXY);
  // One radio group: Tab reaches the chosen start, the arrow keys move to the others.
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel(ARTICLE_EXAMPLE)).toBeFocused();
  // Focus is visible: the focused control has an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
  await expect(page.getByLabel(ARTICLE_EXAMPLE)).toBeChecked();

  for (const to of ["Select Certificate Enrollment Policy", "Custom Request", "Plan names"]) {
    await press(page, "button:Next");
    await expect(heading(page, to)).toBeVisible();
  }
  await tabTo(page, "Office Web Apps Server");
  await page.keyboard.type("officewebapps01.contoso.com");
  await press(page, "button:Use these names");
  await expect(heading(page, "Certificate Information")).toBeVisible();
  // For a public CA the request starts with Server Authentication only; the article's step adds the other.
  await press(page, "button:Add Client Authentication");

  await press(page, "button:Properties");
  const dialog = page.getByRole("dialog", { name: "Certificate Properties" });
  await expect(dialog).toBeVisible();
  await tabTo(page, "tab:General");
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByRole("tab", { name: "Subject" })).toHaveAttribute("aria-selected", "true");
  await tabTo(page, "Value");
  // The first Value is the subject's; the alternative name's comes next.
  await page.keyboard.press("Tab");
  await tabTo(page, "Value");
  await page.keyboard.type("extra.contoso.com");
  await page.keyboard.press("Enter");
  await expect(
    dialog.getByLabel("Alternative name in the request").getByRole("option", { name: "DNS: extra.contoso.com" }),
  ).toBeAttached();

  await tabTo(page, "tab:Subject", true);
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByRole("tab", { name: "Extensions" })).toHaveAttribute("aria-selected", "true");
  // Client Authentication out with < Remove: the picker's Selected options list, by keyboard.
  await tabTo(page, "Selected options"); // Key usage's
  await page.keyboard.press("Tab");
  await tabTo(page, "Selected options"); // Extended Key Usage's
  await page.keyboard.press("End");
  await press(page, "< Remove Extended Key Usage");
  await expect(
    dialog
      .getByRole("group", { name: "Extended Key Usage (application policies)" })
      .getByLabel("Selected options")
      .getByRole("option"),
  ).toHaveText(["Server Authentication"]);
  await press(page, "button:OK");
  await expect(dialog).toBeHidden();

  await press(page, "button:Next");
  await expect(heading(page, "Where do you want to save the offline request?")).toBeVisible();
  await tabTo(page, "Passphrase");
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSPHRASE);
  await press(page, "button:Finish");
  await expect(page.getByRole("heading", { name: "Your request and key are ready" })).toBeVisible({ timeout: 60_000 });

  const save = async (name: string) => {
    await tabTo(page, `button:${name}`);
    const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    return path;
  };
  const req = await save("Download request");
  const key = await save("Download encrypted private key");
  expect(opensslStatus("req", "-in", req, "-noout", "-verify").out).toMatch(/verify OK/);
  const text = openssl("req", "-in", req, "-noout", "-text");
  expect(lineAfter(text, /X509v3 Subject Alternative Name/)).toBe(
    "DNS:webext.contoso.com, DNS:meet.contoso.com, DNS:dialin.contoso.com, DNS:officewebapps01.contoso.com, DNS:lyncdiscover.contoso.com, DNS:extra.contoso.com",
  );
  expect(lineAfter(text, /X509v3 Extended Key Usage/)).toBe("TLS Web Server Authentication");
  expect(openssl("pkey", "-in", key, "-passin", `pass:${PASSPHRASE}`, "-pubout")).toBe(
    openssl("req", "-in", req, "-noout", "-pubkey"),
  );
  expect(await page.evaluate(() => (window as unknown as { pointerEvents: string[] }).pointerEvents)).toEqual([]);
});
