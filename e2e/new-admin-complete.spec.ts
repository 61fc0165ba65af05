/**
 * Issue 19, the admin's second day: the password shown after Export opens the file just written; the kept
 * request is found from the certificate; another export is short; commands and configuration stay in their
 * boxes on a phone; one naming rule for every download; Finish hands the focus to the downloads; a renewal
 * from a certificate says what it could not carry over and asks for the friendly name.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { issue, makeCa, type TestCa } from "../test/helpers/ca";
import {
  ARTICLE_EXAMPLE,
  collectDownloads,
  download,
  finish,
  heading,
  next,
  openssl,
  opensslStatus,
  openTab,
  PASSPHRASE,
  properties,
  startAndReachInformation,
  tempDir,
} from "./helpers";

const NAME = "Reverse Proxy Listener for Lync Server";
const FILE = "Reverse-Proxy-Listener-for-Lync-Server";
const SAVE = "Where do you want to save the offline request?";

let ca: TestCa;
test.beforeAll(() => {
  ca = makeCa();
});

/** The article's request made and kept in this browser, issued by the test CA, and Complete the request open. */
async function issuedAndOnComplete(page: Page, dir: string) {
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await next(page, SAVE);
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  await download(page, page.getByRole("button", { name: "Download encrypted private key" }), dir);
  const leaf = issue(ca, { request: req.path, out: join(dir, "webext.crt") });
  await next(page, "Complete the request");
  return { leaf, req: req.name };
}

/** True when the region starts right under the row of the Export button, with only its error line between. */
const confirmationUnderExport = (page: Page) =>
  page.evaluate(() => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Export");
    const region = document.querySelector('section[aria-label="Exported"]');
    let at = button?.closest(".inline")?.nextElementSibling;
    // Only the refusal (Export's error) may stand between them.
    while (at && at !== region && at.matches("p.error, .export-refusal")) at = at.nextElementSibling;
    return Boolean(region) && at === region;
  });

test("the certificate finds its kept request; the password shown after Export opens the .pfx; Another format… reopens the key", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const dir = tempDir();
  const { leaf, req } = await issuedAndOnComplete(page, dir);
  // Nothing ticked: the one kept request with the certificate's key is chosen, and the page says so.
  await page.getByLabel("Load the certificate…").setInputFiles([leaf, ca.intermediate]);
  await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
  await expect(page.getByText(/Its key was chosen for you: the request kept in this browser/)).toBeVisible();
  await expect(page.getByRole("radio", { name: `Use ${NAME}` })).toBeChecked();

  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByLabel("Passphrase of the private key").press("Enter");
  await expect(page.getByLabel("Passphrase of the private key")).toHaveAccessibleDescription(/Opened\./);
  const generated = await page.getByLabel(".pfx password", { exact: true }).inputValue();
  // Export before the password is said to be stored: the reason takes the focus, not a button that seems dead.
  await page.getByRole("button", { name: "Export" }).press("Enter");
  const reason = page.getByText(/tick "I have stored this password"/);
  await expect(reason).toBeVisible();
  await expect(page.locator(":focus")).toContainText('tick "I have stored this password"');
  await page.getByLabel("I have stored this password").check();
  const pfx = await download(page, page.getByRole("button", { name: "Export" }), dir);

  // The confirmation sits under the Export button and has the focus.
  const done = page.getByRole("region", { name: "Exported" });
  await expect(done).toBeFocused();
  expect(await confirmationUnderExport(page)).toBe(true);
  // It shows the password of the file just written, and Copy copies that one: OpenSSL opens the .pfx with it.
  const shown = done.getByRole("group", { name: "Password of the exported file" });
  await expect(shown).toContainText(`${FILE}.pfx is protected by the password generated here`);
  const password = (await shown.locator("code").textContent())!;
  expect(password).toBe(generated);
  await shown.getByRole("button", { name: "Copy the password" }).click();
  await expect(shown).toContainText("The password is copied.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(password);
  const info = opensslStatus("pkcs12", "-in", pfx.path, "-info", "-nodes", "-passin", `pass:${copied}`);
  expect(info.ok).toBe(true);
  expect(info.out).toContain(`friendlyName: ${NAME}`);
  // No new password waits in the form beside the confirmation.
  await expect(page.getByLabel(".pfx password", { exact: true })).toHaveValue("");

  // Another export: the key source stays, the focus goes to its passphrase, and a new password is made for it.
  await done.getByRole("button", { name: "Another format…" }).click();
  await expect(page.getByLabel("Passphrase of the private key")).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Passphrase of the private key")).toHaveAccessibleDescription(/Opened\./);
  await page.getByLabel("NGINX").check();
  const second = await page.getByLabel("Export password", { exact: true }).inputValue();
  expect(second).toMatch(/^(\w{5}-){4}\w{5}$/);
  expect(second).not.toBe(password);
  await page.getByLabel("I have stored this password").check();
  const files = collectDownloads(page, dir);
  await page.getByRole("button", { name: "Export" }).click();
  await expect.poll(() => files().length).toBe(2);
  const pemNames = files().map((f) => f.split("/").pop()!);
  // The next export replaced the shown password with its own, which opens the key file.
  await expect(done).toBeFocused();
  await expect(done.locator("code.secret")).toHaveText(second);
  await expect(done).toContainText("The key file is protected by the password generated here");
  const keyFile = files().find((f) => f.endsWith(".privkey.pem"))!;
  expect(openssl("pkey", "-in", keyFile, "-passin", `pass:${second}`, "-pubout")).toBe(
    openssl("x509", "-in", leaf, "-noout", "-pubkey"),
  );
  // "Forget this password" takes it off the page.
  await done.getByRole("button", { name: "Forget this password" }).click();
  await expect(done.locator("code.secret")).toHaveCount(0);
  await expect(done).toContainText("now forgotten by this page");
  await expect(page.getByText(second)).toHaveCount(0);

  // One naming rule: every download is the friendly name with hyphens for spaces.
  const cer = await download(page, page.getByRole("button", { name: "Download certificate (.cer, DER)" }), dir);
  const ics = await download(page, page.getByRole("button", { name: "Add a renewal reminder" }), dir);
  const names = [req, pfx.name, ...pemNames, cer.name, ics.name];
  expect(names).toEqual([
    `${FILE}.req`,
    `${FILE}.pfx`,
    `${FILE}.fullchain.pem`,
    `${FILE}.privkey.pem`,
    `${FILE}.cer`,
    `renew-${FILE}.ics`,
  ]);
  for (const name of names) expect(name).not.toContain(" ");
});

test("a typed password or the key's passphrase is named, not shown again; a PEM target asks for the export password", async ({
  page,
}) => {
  const dir = tempDir();
  const { leaf } = await issuedAndOnComplete(page, dir);
  await page.getByRole("radio", { name: `Use ${NAME}` }).check();
  await page.getByLabel("Load the certificate…").setInputFiles([leaf, ca.intermediate]);
  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the key" }).click();
  await page.getByLabel("Apache httpd").check();
  await expect(page.getByRole("group", { name: "Export password" })).toBeVisible();
  await expect(page.getByLabel(".pfx password", { exact: true })).toHaveCount(0);
  await page.getByLabel("Export password", { exact: true }).fill("typed for apache 1");
  await page.getByLabel("Confirm export password").fill("typed for apache 1");
  const files = collectDownloads(page, dir);
  await page.getByRole("button", { name: "Export" }).click();
  await expect.poll(() => files().length).toBe(3);
  const done = page.getByRole("region", { name: "Exported" });
  await expect(done).toContainText("The key file is protected by the password you typed for it (not shown again).");
  await expect(done.getByRole("group", { name: "Password of the exported file" })).toHaveCount(0);
  await expect(page.getByText("typed for apache 1")).toHaveCount(0);
});

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test(`at ${width} px the NGINX and HAProxy steps stay in their boxes, each with Copy, and the kept requests' caption reads on one line`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const dir = tempDir();
    const { leaf } = await issuedAndOnComplete(page, dir);
    const caption = page.getByRole("table", { name: "Pending requests kept in this browser" }).locator("caption");
    expect((await caption.boundingBox())!.height).toBeLessThan(60);
    await page.getByRole("radio", { name: `Use ${NAME}` }).check();
    await page.getByLabel("Load the certificate…").setInputFiles([leaf, ca.intermediate]);
    await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
    await page.getByRole("button", { name: "Open the key" }).click();
    for (const target of ["NGINX", "HAProxy"]) {
      await page.getByLabel(target).check();
      if (target === "HAProxy") {
        await page.getByRole("button", { name: "Another format…" }).click();
        await page.keyboard.type(PASSPHRASE);
        await page.keyboard.press("Enter");
        await expect(page.getByLabel("Passphrase of the private key")).toHaveAccessibleDescription(/Opened\./);
      }
      await page.getByLabel("I have stored this password").check();
      await page.getByRole("button", { name: "Export" }).click();
      const done = page.getByRole("region", { name: "Exported" });
      await expect(done.getByLabel("Configuration lines")).toContainText(
        target === "NGINX" ? "ssl_certificate" : "bind",
      );
      // The page never scrolls sideways; each block scrolls (or fits) inside the confirmation's box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const box = (await done.boundingBox())!;
      const blocks = done.locator("pre");
      expect(await blocks.count()).toBeGreaterThanOrEqual(2);
      for (const pre of await blocks.all()) {
        const b = (await pre.boundingBox())!;
        expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
        expect(await pre.evaluate((e) => getComputedStyle(e).overflowX)).toBe("auto");
        expect(parseFloat(await pre.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(12);
        // Each block has its Copy button beside it.
        await expect(pre.locator("xpath=..").getByRole("button", { name: "Copy" })).toBeVisible();
      }
      // The config's last line, the one cut off before, is readable by scrolling its own box.
      const config = done.getByLabel("Configuration lines");
      const { scroll, client } = await config.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      if (scroll > client) await config.evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
    }
  });
}

test("after Finish the focus is on the result and the downloads are the primary actions; a short passphrase gives one message and the summary", async ({
  page,
}) => {
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  // Two findings with a one-click fix each: key usage not critical, Extended Key Usage critical.
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const extensions = await openTab(page, "Extensions");
  await extensions.getByLabel("Make these key usages critical").uncheck();
  await extensions.getByLabel("Make the Extended Key Usages critical").check();
  await properties(page).getByRole("button", { name: "OK" }).click();
  await next(page, SAVE);
  // A one-click fix on the save page leaves the focus on the next fix, then on Finish, never at the top.
  const first = page.getByRole("button", { name: "Make the key usages critical" });
  const second = page.getByRole("button", { name: "Make it not critical" });
  await first.click();
  await expect(first).toHaveCount(0);
  await expect(second).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(second).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Finish" })).toBeFocused();

  await page.getByLabel("Passphrase", { exact: true }).fill("abcde");
  await page.getByLabel("Confirm passphrase").fill("abcde");
  await page.getByRole("button", { name: "Finish" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Finish cannot make the request yet:" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("listitem")).toHaveCount(1);
  await expect(summary).toContainText("Use at least 8 characters");
  // One message beside the field: the refusal, not the strength hint as well.
  await expect(page.getByLabel("Passphrase", { exact: true })).toHaveAccessibleDescription(
    /^Use at least 8 characters/,
  );
  await expect(page.getByText(/^Weak:/)).toHaveCount(0);
  await summary.getByRole("link").click();
  await expect(page.getByLabel("Passphrase", { exact: true })).toBeFocused();

  await finish(page);
  const ready = page.getByRole("heading", { name: "Your request and key are ready" });
  await expect(ready).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Download request" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Download request" })).toHaveClass(/primary/);
  await expect(page.getByRole("button", { name: "Download encrypted private key" })).toHaveClass(/primary/);
  await expect(page.getByRole("button", { name: "Finish" })).not.toHaveClass(/primary/);
  // ACME is an explicit choice, on a page of its own that says it will contact the CA.
  await expect(page.getByRole("link", { name: "Get it issued (ACME)…" })).toHaveAttribute("href", "acme.html");
  // The downloads are the page's primary actions: Next (to Complete the request) is not one of them.
  await expect(page.getByRole("button", { name: "Next", exact: true })).not.toHaveClass(/primary/);
});

test("renewing from a .cer says what it could not carry over and asks for the friendly name, which names the files", async ({
  page,
}) => {
  const dir = tempDir();
  const leaf = issue(ca, {
    request: join("test", "vectors", "windows-pkcs9.csr.der"),
    inform: "DER",
    out: join(dir, "current.crt"),
  });
  await page.goto("/");
  await page.getByLabel("Renew a certificate…").setInputFiles(leaf);
  await expect(heading(page, SAVE)).toBeVisible();
  const renewal = page.getByRole("region", { name: "Renewal" });
  const notes = renewal.getByRole("list", { name: "Not carried over" });
  await expect(notes).toContainText("The friendly name: a certificate does not carry it");
  await expect(notes).toContainText("The template: a certificate does not say");
  await expect(notes).toContainText("The key type: a certificate does not say it; Exchange is used");
  const friendly = renewal.getByLabel("Friendly name");
  await expect(friendly).toHaveValue("");
  await friendly.fill("Edge farm listener");
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  expect(req.name).toBe("Edge-farm-listener.req");
  expect(openssl("req", "-in", req.path, "-verify", "-noout")).toBe("");
});

test("renewing from the .cer of a request kept here brings its friendly name", async ({ page }) => {
  const dir = tempDir();
  const { leaf } = await issuedAndOnComplete(page, dir);
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByLabel("Renew a certificate…").setInputFiles(leaf);
  await expect(heading(page, SAVE)).toBeVisible();
  const renewal = page.getByRole("region", { name: "Renewal" });
  await expect(renewal.getByLabel("Friendly name")).toHaveValue(NAME);
  await expect(renewal.getByLabel("Friendly name")).toHaveAccessibleDescription(
    /^From the request kept in this browser on/,
  );
  await expect(renewal.getByRole("list", { name: "Not carried over" })).toHaveCount(0);
  expect(readFileSync(leaf, "utf8")).toContain("BEGIN CERTIFICATE");
});
