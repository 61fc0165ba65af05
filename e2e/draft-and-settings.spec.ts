/** The draft survives a reload without any secret; request settings save to a file and open back into the same request. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import {
  REVERSE_PROXY,
  addName,
  download,
  heading,
  next,
  openTab,
  properties,
  ARTICLE_EXAMPLE,
  startAndReachInformation,
  tempDir,
} from "./helpers";

test("Back and Next keep what was entered but no passphrase, and a reload keeps the draft but no passphrase", async ({
  page,
}) => {
  await startAndReachInformation(page, "Web server (IIS, IIS ARR, other)", "(No template) CNG key");
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const subject = await openTab(page, "Subject");
  await addName(subject, "Subject name", "Common name", "mail.contoso.com");
  await addName(subject, "Alternative name", "DNS", "autodiscover.contoso.com");
  await properties(page).getByRole("button", { name: "OK" }).click();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(heading(page, "Custom Request")).toBeVisible();
  await expect(page.getByLabel("Template")).toHaveValue("cng");
  await next(page, "Certificate Information");
  await next(page, "Where do you want to save the offline request?");
  await page.getByLabel("Passphrase", { exact: true }).fill("secret passphrase 98");
  // A passphrase leaves memory with its page: Back and Next do not bring it back.
  await page.getByRole("button", { name: "Back" }).click();
  await next(page, "Where do you want to save the offline request?");
  await expect(page.getByLabel("Passphrase", { exact: true })).toHaveValue("");
  await page.getByLabel("Passphrase", { exact: true }).fill("secret passphrase 99");
  await page.getByLabel("Confirm passphrase").fill("secret passphrase 99");

  await page.reload();
  await expect(heading(page, "Where do you want to save the offline request?")).toBeVisible();
  await expect(page.getByLabel("Passphrase", { exact: true })).toHaveValue("");
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).toContain("autodiscover.contoso.com");
  expect(stored).not.toContain("secret passphrase 99");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator(".cert-card")).toContainText("mail.contoso.com");
  await expect(page.locator(".cert-card")).toContainText("autodiscover.contoso.com");
});

test("Cancel in Certificate Properties drops what was changed there", async ({ page }) => {
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const subject = await openTab(page, "Subject");
  await addName(subject, "Alternative name", "DNS", "extra.contoso.com");
  await properties(page).getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator(".cert-card")).not.toContainText("extra.contoso.com");
});

test("Save request settings writes a .json with no secret that Open saved request settings reads back into the same request", async ({
  page,
  browser,
}) => {
  const dir = tempDir();
  await startAndReachInformation(page, "Web server (IIS, IIS ARR, other)");
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  (await openTab(page, "General")).getByLabel("Friendly name").fill("Exchange OWA");
  const subject = await openTab(page, "Subject");
  await addName(subject, "Subject name", "Common name", "mail.contoso.com");
  await addName(subject, "Subject name", "Organization", "Contoso Ltd");
  await addName(subject, "Alternative name", "DNS", "autodiscover.contoso.com");
  await addName(subject, "Alternative name", "IP address (v4)", "192.0.2.10");
  await properties(page).getByRole("button", { name: "OK" }).click();
  await next(page, "Where do you want to save the offline request?");
  await page.getByLabel("Passphrase", { exact: true }).fill("never in the file 123");
  const saved = await download(page, page.getByRole("button", { name: "Save request settings" }), dir);
  expect(saved.name).toBe("Exchange-OWA.json");
  const json = readFileSync(saved.path, "utf8");
  expect(json).not.toContain("never in the file");
  const summaryBefore = await (async () => {
    await page.getByRole("button", { name: "Back" }).click();
    return page.locator(".cert-card").innerText();
  })();

  const fresh = await browser.newPage();
  await fresh.goto("/");
  await fresh.getByLabel("Open saved request settings…").setInputFiles(saved.path);
  await expect(heading(fresh, "Select Certificate Enrollment Policy")).toBeVisible();
  await next(fresh, "Custom Request");
  await next(fresh, "Certificate Information");
  expect(await fresh.locator(".cert-card").innerText()).toBe(summaryBefore);

  // A damaged file and a foreign file are reported, and nothing is loaded.
  await fresh.getByRole("button", { name: "Start over" }).click();
  const damaged = join(dir, "damaged.json");
  writeFileSync(
    damaged,
    json.replace('"mail.contoso.com"', '"mail contoso com"').replace('"192.0.2.10"', '"192.0.2.999"'),
  );
  await fresh.getByLabel("Open saved request settings…").setInputFiles(damaged);
  await expect(fresh.getByText(/This settings file is damaged: .*Nothing was loaded\./)).toBeVisible();
  await expect(heading(fresh, "Certificate Enrollment")).toBeVisible();
  const foreign = join(dir, "package.json");
  writeFileSync(foreign, JSON.stringify({ name: "something-else", version: "1.0.0" }));
  await fresh.getByLabel("Open saved request settings…").setInputFiles(foreign);
  await expect(
    fresh.getByText("This is not a request settings file written by this tool. Nothing was loaded."),
  ).toBeVisible();
  await next(fresh, "Select Certificate Enrollment Policy");
  await next(fresh, "Custom Request");
  await next(fresh, "Plan names");
  // Nothing of either file is in the plan: the reverse-proxy start, still empty.
  await expect(fresh.getByLabel("SIP domains")).toHaveValue("");
  await expect(fresh.getByRole("table", { name: "Alternative names" }).locator("tbody tr")).toHaveCount(0);
});

test("a second tab on the same draft follows the first", async ({ context }) => {
  const first = await context.newPage();
  await first.goto("/");
  const second = await context.newPage();
  await second.goto("/");
  await expect(second.getByLabel(REVERSE_PROXY)).toBeChecked();
  await first.getByLabel("Web server (IIS, IIS ARR, other)").check();
  await expect(second.getByLabel("Web server (IIS, IIS ARR, other)")).toBeChecked();
  await first.getByRole("button", { name: "Next" }).click();
  await expect(heading(second, "Select Certificate Enrollment Policy")).toBeVisible();
});

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test(`Certificate Properties keeps OK and Cancel in sight on every tab, at one height, at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await startAndReachInformation(page, ARTICLE_EXAMPLE);
    await page.getByRole("button", { name: "Properties", exact: true }).click();
    const heights = new Set<number>();
    for (const tab of ["General", "Subject", "Extensions", "Private Key"]) {
      await page.getByRole("tab", { name: tab }).click();
      await expect(properties(page).getByRole("button", { name: "OK" })).toBeInViewport({ ratio: 1 });
      await expect(properties(page).getByRole("button", { name: "Cancel" })).toBeInViewport({ ratio: 1 });
      heights.add(Math.round((await properties(page).boundingBox())!.height));
    }
    expect(heights.size).toBe(1);
  });
}

test("a settings file whose name or usage ends in a line break or an invisible character is refused whole", async ({
  page,
  browser,
}) => {
  const dir = tempDir();
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await next(page, "Where do you want to save the offline request?");
  const saved = await download(page, page.getByRole("button", { name: "Save request settings" }), dir);
  const json = readFileSync(saved.path, "utf8");
  expect(json).toContain('"webext.contoso.com"');
  expect(json).toContain('"1.3.6.1.5.5.7.3.1"');
  const fresh = await browser.newPage();
  await fresh.goto("/");
  for (const [what, from, to] of [
    ["CN + LF", '"webext.contoso.com"', '"webext.contoso.com\\n"'],
    ["CN + CR LF", '"webext.contoso.com"', '"webext.contoso.com\\r\\n"'],
    ["DNS + U+2028", '"meet.contoso.com"', '"meet.contoso.com\\u2028"'],
    ["name + U+FEFF", '"webext.contoso.com"', '"webext.contoso.com\\ufeff"'],
    ["EKU + LF", '"1.3.6.1.5.5.7.3.1"', '"1.3.6.1.5.5.7.3.1\\n"'],
  ] as const) {
    expect(json, what).toContain(from);
    const file = join(dir, `${what.replace(/\W+/g, "-")}.json`);
    writeFileSync(file, json.split(from).join(to));
    await fresh.getByLabel("Open saved request settings…").setInputFiles(file);
    await expect(fresh.getByText(/This settings file is damaged: .*Nothing was loaded\./), what).toBeVisible();
    await expect(heading(fresh, "Certificate Enrollment")).toBeVisible();
  }
});
