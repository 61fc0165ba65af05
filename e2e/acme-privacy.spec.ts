/**
 * The ACME page's promise: it contacts nothing before the admin chooses a directory, and then only that
 * directory's origin; its CSP widens connect-src to https: and nothing else. The wizard's page and the single
 * file still connect nowhere, and carry no ACME code.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "@playwright/test";
import { PEBBLE_DIRECTORY, PEBBLE_ORIGIN, startPebble, type Pebble } from "../test/helpers/pebble";
import { ARTICLE_EXAMPLE, finish, next, startAndReachInformation } from "./helpers";

function staticFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? staticFiles(join(dir, e.name), root) : [`/${relative(root, join(dir, e.name))}`],
  );
}

/** A policy's directives by name. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(" ")[0]!, d] as const),
  );
}

let pebble: Pebble;
test.beforeAll(async () => {
  pebble = await startPebble();
});
test.afterAll(async () => {
  await pebble?.stop();
});
test.use({ ignoreHTTPSErrors: true });
test.setTimeout(240_000);

test("nothing is contacted before the directory is chosen, and then only the directory's origin", async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const allowed = new Set(["/", "/acme.html", ...staticFiles("dist")]);
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await next(page, "Where do you want to save the offline request?");
  await finish(page);
  await page.goto("/acme.html");
  await expect(page.getByText("The order asks for exactly these names:")).toBeVisible();
  await page.getByLabel("Let's Encrypt", { exact: true }).check();
  await page.getByLabel("Another ACME directory").check();
  await page.getByLabel("Directory URL").fill(PEBBLE_DIRECTORY);
  const own = (url: string) => {
    if (url.startsWith(`blob:${origin}/`)) return true;
    const u = new URL(url);
    return u.origin === origin && allowed.has(u.pathname);
  };
  expect(requests.filter((url) => !own(url))).toEqual([]);
  const before = requests.length;

  await page.getByRole("button", { name: "Contact the CA" }).click();
  await page.getByLabel("I accept the CA's terms of service").check();
  await page.getByLabel("Passphrase for the account file").fill("acme account passphrase");
  await page.getByLabel("Confirm the passphrase").fill("acme account passphrase");
  await page.getByRole("button", { name: "Create the account" }).click();
  await page.getByRole("button", { name: /^Order the certificate/ }).click();
  const articles = page.getByRole("article");
  await expect(articles.first()).toBeVisible({ timeout: 60_000 });
  const names = await articles.evaluateAll((all) => all.map((a) => a.getAttribute("aria-label")!));
  for (const name of names) {
    const challenge = page.getByRole("article", { name, exact: true }).locator(".challenge", { hasText: "http-01" });
    const path = (await challenge.locator("code").nth(0).textContent())!;
    await pebble.addHttp01(path.split("/").pop()!, (await challenge.locator("code").nth(1).textContent())!);
    await page.getByRole("button", { name: `Check http-01 for ${name}` }).click();
    await expect(page.getByRole("heading", { level: 3, name: `${name}: proven` })).toBeVisible({ timeout: 60_000 });
  }
  await expect(page.getByRole("heading", { name: "Complete the request" })).toBeVisible({ timeout: 90_000 });

  const after = requests.slice(before).filter((url) => !own(url));
  expect(after.length).toBeGreaterThan(names.length);
  expect([...new Set(after.map((url) => new URL(url).origin))]).toEqual([PEBBLE_ORIGIN]);
});

test("the ACME page's policy widens connect-src to https: and nothing else; the wizard and the single file connect nowhere", async ({
  page,
}) => {
  const main = await page.goto("/");
  const mainMeta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"))!;
  const acme = await page.goto("/acme.html");
  const acmeMeta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"))!;
  for (const policy of [mainMeta, main!.headers()["content-security-policy"]!])
    expect(policy).toContain("connect-src 'none'");
  for (const [wizard, acmePolicy] of [
    [mainMeta, acmeMeta],
    [main!.headers()["content-security-policy"]!, acme!.headers()["content-security-policy"]!],
  ] as const) {
    const a = directives(acmePolicy);
    const w = directives(wizard);
    expect(a.get("connect-src")).toBe("connect-src https:");
    expect([...a.keys()].sort()).toEqual([...w.keys()].sort());
    for (const [name, value] of w) if (name !== "connect-src") expect(a.get(name)).toBe(value);
  }
  // The page itself: a plain-http or WebSocket connection is still refused; https: is what it may reach.
  const outcome = await page.evaluate(async () => {
    const tryFetch = (url: string) =>
      fetch(url).then(
        () => "went through",
        () => "refused",
      );
    return Promise.all([tryFetch("http://127.0.0.1:8055/"), tryFetch(location.href)]);
  });
  expect(outcome).toEqual(["refused", "refused"]);

  const single = readFileSync("dist/certificate-request-wizard.html", "utf8");
  expect(/<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src 'none'/.test(single)).toBe(true);
  expect(single).not.toContain("connect-src https:");
  // No ACME code in the wizard's first page or in the single file: the ACME page is built apart.
  const index = readFileSync("dist/index.html", "utf8");
  const files = [...index.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const wizardCode = files.map((f) => readFileSync(join("dist", f), "utf8")).join("") + single;
  for (const marker of ["newNonce", "application/jose+json", "acme-challenge"])
    expect(wizardCode).not.toContain(marker);
  expect(index).not.toContain("assets/acme/");
});
