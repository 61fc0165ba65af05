/** The single file, opened from disk with the network off: the whole reverse-proxy example, pages loaded on demand included. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { articleTopology } from "../src/pki/profiles/lync-reverse-proxy";
import { webServerPlan } from "../src/pki/request";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { issue, makeCa } from "../test/helpers/ca";
import {
  download,
  finish,
  heading,
  lineAfter,
  next,
  openssl,
  opensslStatus,
  PASSPHRASE,
  ARTICLE_EXAMPLE,
  tempDir,
} from "./helpers";

const FILE = resolve("dist/certificate-request-wizard.html");

/** A context as on a server with no network: offline, and any http(s) request aborted. Errors and CSP reports are kept. */
async function offline(context: BrowserContext): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const requests: string[] = [];
  const problems: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.route(/^https?:/, (route) => route.abort());
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP blocked ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(pathToFileURL(FILE).href);
  return { page, problems, requests };
}

/** Whether a chunk whose file name starts with `name-` has run (the single file's loader knows). */
function chunkHasRun(page: Page, name: string): Promise<boolean> {
  return page.evaluate((prefix) => {
    // A module may come as its chunk and a few-byte facade chunk that re-exports it (dynamic imports): any of them.
    const files = [...document.querySelectorAll<HTMLTemplateElement>(`template[data-chunk^="${prefix}-"]`)].map(
      (t) => t.dataset.chunk!,
    );
    if (files.length === 0) throw new Error(`No chunk ${prefix} in the file.`);
    return files.some((file) => {
      try {
        (globalThis as unknown as { __singleFile: { get(file: string): unknown } }).__singleFile.get(file);
        return true;
      } catch {
        return false;
      }
    });
  }, name);
}

test("the single file's SHA-256 is written beside it, and it references nothing outside itself", () => {
  const html = readFileSync(FILE);
  const [sha256, name] = readFileSync(`${FILE}.sha256`, "utf8").trim().split(/\s+/);
  expect(name).toBe("certificate-request-wizard.html");
  expect(sha256).toBe(createHash("sha256").update(html).digest("hex"));
  const text = html.toString("utf8");
  // The chunks wait gzip'd in base64 (scripts/single-file.mjs): read them as the loader will run them.
  const chunks = [...text.matchAll(/<template data-chunk="[^"]+"[^>]*data-gzip>([A-Za-z0-9+/=]+)<\/template>/g)].map(
    (m) => gunzipSync(Buffer.from(m[1]!, "base64")).toString("utf8"),
  );
  expect(chunks.length).toBe(text.match(/<template data-chunk=/g)?.length);
  expect(chunks.length).toBeGreaterThan(20);
  for (const code of [text, ...chunks]) expect(code).not.toMatch(/<(script|link|img)[^>]+(src|href)="(?!data:)/);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(text)?.[1] ?? "";
  expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
});

test("in the single file, no other script can make the chunk loader's policy, or any policy, or run text the build did not hash", async ({
  browser,
}) => {
  const context = await browser.newContext({ offline: true });
  const { page } = await offline(context);
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  const outcome = await page.evaluate(() => {
    const { trustedTypes } = window as unknown as {
      trustedTypes: { createPolicy(name: string, rules: object): unknown };
    };
    const attempt = (what: () => unknown) => {
      try {
        what();
        return "allowed";
      } catch {
        return "refused";
      }
    };
    const script = document.createElement("script");
    return {
      samePolicy: attempt(() => trustedTypes.createPolicy("single-file-chunks", { createScript: (s: string) => s })),
      otherPolicy: attempt(() => trustedTypes.createPolicy("mine", { createHTML: (s: string) => s })),
      scriptText: attempt(() => (script.textContent = "window.__injected = true")),
      html: attempt(() => (document.body.innerHTML += "<img src=x>")),
    };
  });
  expect(outcome).toEqual({ samePolicy: "refused", otherPolicy: "refused", scriptText: "refused", html: "refused" });
  await context.close();
});

test("from file:// with every network request blocked, the example is made, completed and exported", async ({
  browser,
}) => {
  const dir = tempDir();
  const context = await browser.newContext({ acceptDownloads: true, offline: true });
  const { page, problems, requests } = await offline(context);
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  // The first page is prerendered: wait until the app has taken it over (src/boot/replay.ts takes __earlyInput).
  await page.waitForFunction(() => !("__earlyInput" in window));
  // Only the first page's code ran at open; the other pages' code waits in the file until they open. The entry
  // chunk says it has run only after its last await (the app's start), a moment after the app took over: poll.
  await expect.poll(() => chunkHasRun(page, "index")).toBe(true);
  expect(await chunkHasRun(page, "complete-request")).toBe(false);
  expect(await chunkHasRun(page, "x509")).toBe(false);
  await page.getByLabel(ARTICLE_EXAMPLE).check();
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
  expect(lineAfter(text, /X509v3 Subject Alternative Name/)).toBe(
    "DNS:webext.contoso.com, DNS:meet.contoso.com, DNS:dialin.contoso.com, DNS:lyncdiscover.contoso.com",
  );
  expect(openssl("pkey", "-in", key.path, "-passin", `pass:${PASSPHRASE}`, "-pubout")).toBe(
    openssl("req", "-in", req.path, "-noout", "-pubkey"),
  );

  // The Complete page's code (PKCS #12, 3DES) is inline too.
  const ca = makeCa();
  const leaf = issue(ca, { request: req.path, out: join(dir, "webext.crt") });
  await next(page, "Complete the request");
  await page.getByLabel("Load an encrypted private key file…").setInputFiles(key.path);
  expect(await chunkHasRun(page, "complete-request")).toBe(true);
  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the key" }).click();
  await page.getByLabel("Load the certificate…").setInputFiles([leaf, ca.intermediate]);
  await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
  await page.getByLabel("Protect the .pfx with the key's passphrase").check();
  const pfx = await download(page, page.getByRole("button", { name: "Export" }), dir);
  expect(opensslStatus("pkcs12", "-in", pfx.path, "-info", "-nodes", "-passin", `pass:${PASSPHRASE}`).out).toMatch(
    /Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC/,
  );

  expect(
    requests.filter((r) => r !== pathToFileURL(FILE).href && !r.startsWith("blob:") && !r.startsWith("data:")),
  ).toEqual([]);
  expect(problems).toEqual([]);
  // Opened from a file, nothing went into the storage every local HTML file shares.
  expect(await page.evaluate(async () => ({ local: localStorage.length, idb: await indexedDB.databases() }))).toEqual({
    local: 0,
    idb: [],
  });
  await context.close();
});

test("from file://, the draft and kept requests reach the browser's storage only once the admin allows it", async ({
  browser,
}) => {
  const context = await browser.newContext({ offline: true });
  const { page } = await offline(context);
  // A sound draft planted by another local HTML file is not read.
  const planted = {
    state: {
      plan: { ...webServerPlan(), friendlyName: "Planted" },
      page: "save-request",
      startFrom: "web-server",
      topology: articleTopology(),
      appliedTopology: null,
      keepPending: true,
      caTarget: "public",
    },
    version: 1,
  };
  await page.evaluate(
    (draft) => localStorage.setItem("certificate-request-wizard/draft", draft),
    JSON.stringify(planted),
  );
  await page.reload();
  await expect(heading(page, "Certificate Enrollment")).toBeVisible();
  await page.getByLabel(ARTICLE_EXAMPLE).check();
  for (const to of ["Select Certificate Enrollment Policy", "Custom Request", "Plan names", "Certificate Information"])
    await next(page, to);
  await next(page, "Where do you want to save the offline request?");
  const opened = page.getByRole("group", { name: "Opened from a file" });
  await expect(opened).toContainText("any of them could read what is kept here");
  await expect(page.getByLabel("Keep this request in this browser until the certificate comes back")).toBeDisabled();
  const draft = () => page.evaluate(() => localStorage.getItem("certificate-request-wizard/draft"));
  expect(JSON.parse((await draft())!).state.plan.friendlyName).toBe("Planted"); // nothing written over it yet
  await opened.getByLabel("Keep the draft and pending requests in this browser anyway").check();
  await page.getByLabel("File Name").fill("allowed");
  expect(JSON.parse((await draft())!).state.plan.output.fileName).toBe("allowed");
  await expect(page.getByLabel("Keep this request in this browser until the certificate comes back")).toBeEnabled();
  await context.close();
});

test("from file://, Open a request or certificate loads its page's code and verifies a request made by OpenSSL", async ({
  browser,
}) => {
  const context = await browser.newContext({ offline: true });
  const { page, problems } = await offline(context);
  await page.getByRole("button", { name: "Open a request or certificate…" }).click();
  await expect(page.getByLabel("Open a file…")).toBeVisible();
  expect(await chunkHasRun(page, "inspect")).toBe(true);
  await page.getByLabel("Open a file…").setInputFiles(resolve("test/vectors/reverse-proxy.openssl.csr.der"));
  await expect(page.getByText("The request's signature verifies")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "DNS: lyncdiscover.contoso.com" }).first()).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});

test("in a browser that cannot unpack the file's code, the file says so in one sentence", async ({ browser }) => {
  const context = await browser.newContext({ offline: true });
  await context.addInitScript(() => {
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
  });
  const { page } = await offline(context);
  await expect(page.locator("body")).toHaveText(
    "The wizard could not start: this browser cannot unpack the file's code (no DecompressionStream): open it in a current Edge, Chrome, Firefox or Safari",
  );
  await context.close();
});
