/**
 * Secrets leave memory with the export: a heap snapshot (garbage collected first) right after Export holds
 * neither the password that opened the key or .pfx nor the export password, whichever way they came in.
 */
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { heading } from "./helpers";

const vector = (name: string) => join("test", "vectors", name);

/** Which of the strings a heap snapshot of the page still holds, after a full garbage collection. */
async function heapHolds(page: Page, secrets: string[]): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const chunks: string[] = [];
  cdp.on("HeapProfiler.addHeapSnapshotChunk", (e) => chunks.push(e.chunk));
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  await cdp.detach();
  const snapshot = chunks.join("");
  expect(snapshot.length).toBeGreaterThan(100_000);
  return secrets.filter((s) => snapshot.includes(s));
}

async function onComplete(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Complete a pending request…" }).click();
  await expect(heading(page, "Complete the request")).toBeVisible();
}

test("after a .pfx is converted to NGINX files, neither its password nor the export password is in memory", async ({
  page,
}) => {
  await onComplete(page);
  await page.getByLabel("Load an encrypted private key file…").setInputFiles(vector("webext.tripledes-sha1.pfx"));
  await page.getByLabel("Password of the .pfx").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Open the .pfx" }).click();
  await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
  await page.getByLabel("NGINX").check();
  await page.getByLabel("Export password", { exact: true }).fill("Export-secret 4f1d9");
  await page.getByLabel("Confirm export password").fill("Export-secret 4f1d9");
  // The test can see a held secret: before Export both are in memory.
  expect(await heapHolds(page, ["correct horse battery staple", "Export-secret 4f1d9"])).toHaveLength(2);
  await page.getByRole("button", { name: "Export" }).click();
  await expect(page.getByRole("region", { name: "Exported" })).toBeVisible();
  expect(await heapHolds(page, ["correct horse battery staple", "Export-secret 4f1d9"])).toEqual([]);
});

test("after a key file is exported to a .pfx under a generated password, neither is in memory", async ({ page }) => {
  await onComplete(page);
  await page.getByLabel("Load the certificate…").setInputFiles([vector("webext.crt")]);
  await page.getByLabel("Load an encrypted private key file…").setInputFiles(vector("rsa2048.aes128-sha1.key.pem"));
  await page.getByLabel("Passphrase of the private key").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Open the key" }).click();
  await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
  const generated = await page.getByLabel(".pfx password", { exact: true }).inputValue();
  expect(generated).toMatch(/^(\w{5}-){4}\w{5}$/);
  await page.getByLabel("I have stored this password").check();
  await page.getByRole("button", { name: "Export" }).click();
  const done = page.getByRole("region", { name: "Exported" });
  await expect(done).toBeVisible();
  // The generated password is shown on purpose after Export, until "Forget this password".
  await expect(done.getByRole("group", { name: "Password of the exported file" })).toContainText(generated);
  await done.getByRole("button", { name: "Forget this password" }).click();
  await expect(done.getByRole("group", { name: "Password of the exported file" })).toHaveCount(0);
  expect(await heapHolds(page, ["correct horse battery staple", generated])).toEqual([]);
});
