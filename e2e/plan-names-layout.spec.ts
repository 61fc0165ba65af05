/**
 * Plan names' layout at a desktop and a phone width: the long PowerShell commands of "What to configure next"
 * scroll sideways inside their own box (a keyboard-focusable region with a name), never the page; and the
 * Properties dialog gives the focus back to the button that opened it when it closes.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { heading, next } from "./helpers";
import { openNextSteps, startProfile, type } from "./profile-helpers";

const pageWidth = (page: Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test(`the Edge commands scroll in their own box, never the page, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await startProfile(page, "Skype for Business Edge Server, external interfaces");
    await type(page.getByLabel("Access Edge external FQDN", { exact: true }), "sip.contoso.com");
    await type(page.getByLabel("Web Conferencing Edge external FQDN", { exact: true }), "webcon.contoso.com");
    await type(page.getByLabel("SIP domains", { exact: true }), "contoso.com\nfabrikam.com");
    const steps = await openNextSteps(page);
    const blocks = steps.locator("pre");
    await expect(blocks.first()).toBeVisible();
    expect(await blocks.count()).toBeGreaterThan(0);
    for (const block of await blocks.all()) {
      // Longer than its box: it scrolls there, and a keyboard reaches it to scroll it.
      const box = await block.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      expect(box.scroll).toBeGreaterThan(box.client);
      await expect(block).toHaveAttribute("tabindex", "0");
      await expect(block).toHaveAccessibleName(/^The command of step \d+$/);
      await expect(block).toHaveCSS("overflow-x", "auto");
    }
    const { scroll, inner } = await pageWidth(page);
    expect(scroll).toBeLessThanOrEqual(inner);
    // axe's rule for a scrolling region (focusable) and the rest, on the page with the commands open.
    const axe = await new AxeBuilder({ page }).include("details").analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("the Properties dialog gives the focus back to Properties after Escape, Cancel and OK", async ({ page }) => {
  await startProfile(page, "Remote Desktop Gateway and Web Access");
  await type(
    page.getByLabel("Names clients use for RD Gateway and RD Web Access", { exact: true }),
    "remote.contoso.com",
  );
  await next(page, "Certificate Information");
  const properties = page.getByRole("button", { name: "Properties", exact: true });
  const dialog = page.getByRole("dialog", { name: "Certificate Properties" });
  for (const close of ["Escape", "Cancel", "OK"] as const) {
    await properties.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("tab", { name: "General" })).toBeFocused();
    if (close === "Escape") await page.keyboard.press("Escape");
    else await dialog.getByRole("button", { name: close, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(properties, `after ${close}`).toBeFocused();
  }
  await expect(heading(page, "Certificate Information")).toBeVisible();
});
