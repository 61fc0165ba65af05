/** The single file, opened from disk with the network off: the whole reverse-proxy example, pages loaded on demand included. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "@playwright/test";
import { issue, makeCa } from "../test/helpers/ca";
import { download, finish, heading, lineAfter, next, openssl, opensslStatus, PASSPHRASE, REVERSE_PROXY, tempDir } from "./helpers";

const FILE = resolve("dist/certificate-request-wizard.html");

test("the single file's SHA-256 is written beside it, and it references nothing outside itself", () => {
  const html = readFileSync(FILE);
  const [sha256, name] = readFileSync(`${FILE}.sha256`, "utf8").trim().split(/\s+/);
  expect(name).toBe("certificate-request-wizard.html");
  expect(sha256).toBe(createHash("sha256").update(html).digest("hex"));
  const text = html.toString("utf8");
  expect(text).not.toMatch(/<(script|link|img)[^>]+(src|href)="(?!data:)/);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(text)?.[1] ?? "";
  expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
});

test("from file:// with every network request blocked, the example is made, completed and exported", async ({ browser }) => {
  const dir = tempDir();
  const context = await browser.newContext({ acceptDownloads: true, offline: true });
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.route(/^https?:/, (route) => route.abort());
  const page = await context.newPage();
  const url = pathToFileURL(FILE).href;
  await page.goto(url);
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  await page.getByLabel(REVERSE_PROXY).check();
  await next(page, "Select Certificate Enrollment Policy");
  await next(page, "Custom Request");
  await next(page, "Plan names");
  await next(page, "Certificate Information");
  await next(page, "Where do you want to save the offline request?");
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  const key = await download(page, page.getByRole("button", { name: "Download encrypted private key" }), dir);
  expect(opensslStatus("req", "-in", req.path, "-noout", "-verify").out).toMatch(/verify OK/);
  const text = openssl("req", "-in", req.path, "-noout", "-text");
  expect(lineAfter(text, /X509v3 Subject Alternative Name/)).toBe("DNS:webext.contoso.com, DNS:meet.contoso.com, DNS:dialin.contoso.com, DNS:lyncdiscover.contoso.com");
  expect(openssl("pkey", "-in", key.path, "-passin", `pass:${PASSPHRASE}`, "-pubout")).toBe(openssl("req", "-in", req.path, "-noout", "-pubkey"));

  // The Complete page's code (PKCS #12, 3DES) is inline too.
  const ca = makeCa();
  const leaf = issue(ca, { request: req.path, out: join(dir, "webext.crt") });
  await next(page, "Complete the request");
  await page.getByLabel("Load an encrypted private key file…").setInputFiles(key.path);
  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the key" }).click();
  await page.getByLabel("Load the certificate…").setInputFiles([leaf, ca.intermediate]);
  await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
  const pfx = await download(page, page.getByRole("button", { name: "Export" }), dir);
  expect(opensslStatus("pkcs12", "-in", pfx.path, "-info", "-nodes", "-passin", `pass:${PASSPHRASE}`).out).toMatch(/Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC/);

  expect(requests.filter((r) => r !== url && !r.startsWith("blob:") && !r.startsWith("data:"))).toEqual([]);
  await context.close();
});
