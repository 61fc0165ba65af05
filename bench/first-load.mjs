// First load as a user's browser does it: Chromium driven over --remote-debugging-pipe and attached to no page,
// with a trace recorded from the browser side. Why not through Playwright: a page Playwright drives has a
// DevTools agent in it, and then V8 records a detailed stack for every Error object made; React DOM makes five
// while it loads, so each costs a re-parse of the script, which adds 20 to 50 ms to one task that no user's
// browser runs. The figures are read from the trace: when the page's "first-page-usable" mark fell (the page's
// own clock, from navigation start) and the longest main-thread task from navigation start to that mark.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CATEGORIES = ["toplevel", "blink.user_timing"];
const MARK = "first-page-usable";
const SETTLE_MS = 4_000;
/** Chromium's flags for every bench run, here and through Playwright, so that the figures compare. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
];

/** A minimal CDP client over the pipe (fd 3 in, fd 4 out, messages separated by NUL). */
function launch(executablePath) {
  const profile = mkdtempSync(join(tmpdir(), "bench-profile-"));
  const proc = spawn(
    executablePath,
    ["--headless", ...CHROMIUM_ARGS, "--remote-debugging-pipe", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
  );
  const [toBrowser, fromBrowser] = [proc.stdio[3], proc.stdio[4]];
  const pending = new Map();
  const listeners = new Set();
  let lastId = 0;
  let buffer = "";
  fromBrowser.on("data", (data) => {
    buffer += data.toString("utf8");
    for (let end = buffer.indexOf("\0"); end >= 0; end = buffer.indexOf("\0")) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      const call = pending.get(message.id);
      if (call) {
        pending.delete(message.id);
        if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
        else call.resolve(message.result);
      } else for (const listener of listeners) listener(message);
    }
  });
  const send = (method, params = {}, sessionId = undefined) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      pending.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  const close = async () => {
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    await send("Browser.close").catch(() => proc.kill());
    await exited;
    rmSync(profile, { recursive: true, force: true });
  };
  return { send, listeners, close };
}

/**
 * Opens url in a fresh browser context and leaves it SETTLE_MS. The tab starts on about:blank, so that the
 * time counted is the page's own, not the start of a renderer process; the session that navigates it enables
 * no DevTools domain and leaves before the page loads.
 */
async function openOnce(browser, url) {
  const { browserContextId } = await browser.send("Target.createBrowserContext");
  const { targetId } = await browser.send("Target.createTarget", { url: "about:blank", browserContextId });
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS / 4));
  const { sessionId } = await browser.send("Target.attachToTarget", { targetId, flatten: true });
  // "#bench" turns on the page's user-timing marks (src/store/user-timing.ts); the static reference ignores it.
  await browser.send("Page.navigate", { url: `${url}#bench` }, sessionId);
  await browser.send("Target.detachFromTarget", { sessionId });
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  await browser.send("Target.closeTarget", { targetId });
  await browser.send("Target.disposeBrowserContext", { browserContextId });
}

/** Each load's address, time to the mark and longest main-thread task until then, from the trace events. */
export function readLoads(events) {
  return events
    .filter((e) => e.name === MARK)
    .map((mark) => {
      const { navigationId, startTime } = mark.args.data;
      const start = events.find((e) => e.name === "navigationStart" && e.args?.data?.navigationId === navigationId);
      if (!start) throw new Error(`No navigationStart for navigation ${navigationId}.`);
      const tasks = events.filter(
        (e) =>
          e.pid === mark.pid &&
          e.tid === mark.tid &&
          e.ph === "X" &&
          e.name === "ThreadControllerImpl::RunTask" &&
          e.ts + e.dur >= start.ts &&
          e.ts <= mark.ts,
      );
      return {
        url: start.args.data.documentLoaderURL.replace(/#.*$/, ""),
        usable: startTime,
        longestTask: Math.max(0, ...tasks.map((t) => t.dur / 1000)),
      };
    });
}

/**
 * Loads each of urls `runs` times, taking turns so that a busy moment of the machine falls on all of them
 * alike, after one load of each that warms the browser up. Returns each url's loads.
 */
export async function firstLoads(urls, runs, executablePath) {
  const browser = launch(executablePath);
  try {
    for (const url of urls) await openOnce(browser, url);
    const events = [];
    const complete = new Promise((resolve) =>
      browser.listeners.add((m) => {
        if (m.method === "Tracing.dataCollected") events.push(...m.params.value);
        if (m.method === "Tracing.tracingComplete") resolve();
      }),
    );
    await browser.send("Tracing.start", {
      // As much as possible: the default buffer dropped some loads' marks once the single file's chunks were many.
      traceConfig: { includedCategories: CATEGORIES, recordMode: "recordAsMuchAsPossible" },
      transferMode: "ReportEvents",
    });
    for (let i = 0; i < runs; i++) for (const url of urls) await openOnce(browser, url);
    await browser.send("Tracing.end");
    await complete;
    const loads = readLoads(events);
    return new Map(
      urls.map((url) => {
        const mine = loads.filter((l) => l.url === url);
        if (mine.length !== runs) throw new Error(`Expected ${runs} "${MARK}" marks for ${url}, found ${mine.length}.`);
        return [url, mine];
      }),
    );
  } finally {
    await browser.close();
  }
}
