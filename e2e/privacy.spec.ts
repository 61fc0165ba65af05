/** The page's promise: it loads its own static files and nothing else, and opens no connection at all. */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "@playwright/test";
import { ARTICLE_EXAMPLE, download, finish, next, startAndReachInformation, tempDir } from "./helpers";

function staticFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? staticFiles(join(dir, e.name), root) : [`/${relative(root, join(dir, e.name))}`],
  );
}

test("a whole run of the wizard requests only the page's own static files", async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const allowed = new Set(["/", ...staticFiles("dist")]);
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await next(page, "Where do you want to save the offline request?");
  await finish(page);
  const dir = tempDir();
  await download(page, page.getByRole("button", { name: "Download request" }), dir);
  await download(page, page.getByRole("button", { name: "Download encrypted private key" }), dir);
  await download(page, page.getByRole("button", { name: "Save request settings" }), dir);

  expect(requests.length).toBeGreaterThan(1);
  const foreign = requests.filter((url) => {
    // The downloads are blob: URLs the page made itself; nothing is fetched for them.
    if (url.startsWith(`blob:${origin}/`)) return false;
    const u = new URL(url);
    return u.origin !== origin || !allowed.has(u.pathname);
  });
  expect(foreign).toEqual([]);
});

test("the Content-Security-Policy refuses any connection the page might try", async ({ page, baseURL }) => {
  const response = await page.goto("/");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const policy of [meta, response!.headers()["content-security-policy"]]) {
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("require-trusted-types-for 'script'");
  }
  const violations: string[] = [];
  page.on("console", (m) => violations.push(m.text()));
  // Even a request to the page's own origin is refused: connect-src 'none'.
  const outcome = await page.evaluate(async (url) => {
    const tries = [
      fetch(url).then(
        () => "fetch went through",
        () => "fetch refused",
      ),
      fetch("https://example.com/").then(
        () => "fetch went through",
        () => "fetch refused",
      ),
      new Promise<string>((resolve) => {
        const ws = new WebSocket("ws://127.0.0.1:9/");
        ws.onerror = () => resolve("websocket refused");
        ws.onopen = () => resolve("websocket went through");
      }).catch(() => "websocket refused"),
    ];
    return Promise.all(tries);
  }, baseURL!);
  expect(outcome).toEqual(["fetch refused", "fetch refused", "websocket refused"]);
  expect(violations.join("\n")).toMatch(/Content Security Policy/);
  // An inline script injected into the page does not run: Trusted Types refuse the text, and the CSP the script.
  const injected = await page.evaluate(() => {
    const s = document.createElement("script");
    let refused = "";
    try {
      s.textContent = "window.__inlineRan = true";
    } catch (e) {
      refused = String(e);
    }
    document.body.append(s);
    return { refused, ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
  });
  expect(injected.ran).toBe(false);
  expect(injected.refused).toMatch(/TrustedScript/);
  // Nor does markup from a string become HTML.
  const html = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML("beforeend", "<img src=x onerror=alert(1)>");
      return "inserted";
    } catch (e) {
      return String(e);
    }
  });
  expect(html).toMatch(/TrustedHTML/);
});
