// The worst .pfx the reader's limits let through (src/pki/pfx.ts PFX_LIMITS: MAC, certificates and key at
// 300,000 iterations each, 900,000 in all), opened by the page beside a plain one (2,048, as OpenSSL and Windows
// write): the time to its contents and the longest main-thread task while it opens, which the Worker keeps short.
// OpenSSL reading the same file is the reference measured in the same run.
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { makeWorstPfx } from "../test/helpers/worst-pfx.mjs";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One opening on Complete the request: ms from the click to the listed contents, and the longest task (ms). */
async function openOnce(browser, baseURL, file, password) {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: "longtask" });
  });
  const page = await context.newPage();
  await page.goto("/#bench");
  await page.getByRole("button", { name: "Complete a pending request…" }).click();
  await page.getByLabel("Load an encrypted private key file…").setInputFiles(file);
  await page.getByLabel("Password of the .pfx").fill(password);
  // The page has settled: only what the opening does counts.
  await page.evaluate(() => (window.__longest = 0));
  const t0 = Date.now();
  await page.getByRole("button", { name: "Open the .pfx" }).click();
  await page.getByRole("region", { name: "Contents of the .pfx" }).waitFor({ timeout: 120_000 });
  const ms = Date.now() - t0;
  const longest = await page.evaluate(() => window.__longest);
  await context.close();
  return { ms, longest };
}

/** Medians over `runs` openings of the plain and the worst .pfx, and OpenSSL reading the worst one. */
export async function worstPfxRuns({ browser, baseURL, dir, runs }) {
  const worst = makeWorstPfx(dir, "worst");
  const cases = [
    {
      label: "plain (2,048 iterations)",
      file: resolve("test/vectors/webext.tripledes-sha1.pfx"),
      password: "correct horse battery staple",
    },
    { label: "worst under the limits (3 x 300,000)", file: worst, password: "worst" },
  ];
  const rows = [];
  for (const c of cases) {
    const seen = [];
    for (let i = 0; i < runs; i++) seen.push(await openOnce(browser, baseURL, c.file, c.password));
    const reference = Array.from({ length: runs }, () => {
      const t0 = performance.now();
      execFileSync("openssl", [
        "pkcs12",
        "-in",
        c.file,
        "-passin",
        `pass:${c.password}`,
        "-nodes",
        "-out",
        join(dir, "read.pem"),
      ]);
      return performance.now() - t0;
    });
    rows.push({
      label: c.label,
      page: median(seen.map((s) => s.ms)),
      openssl: median(reference),
      longest: Math.max(...seen.map((s) => s.longest)),
    });
  }
  return rows;
}

/** Prints the rows as the bench's other tables. */
export function printWorstPfx(rows, runs) {
  console.log(
    `\nOpening a .pfx on Complete the request (key derivations in a Worker), median of ${runs}; OpenSSL = pkcs12 reading the same file`,
  );
  console.log(
    "| .pfx | page, click to contents (ms) | OpenSSL (ms) | ratio | longest main-thread task, worst run (ms) |",
  );
  console.log("|---|---:|---:|---:|---:|");
  for (const r of rows)
    console.log(
      `| ${r.label} | ${r.page.toFixed(0)} | ${r.openssl.toFixed(0)} | ${(r.page / r.openssl).toFixed(2)}x | ${r.longest ? r.longest.toFixed(0) : "none over 50"} |`,
    );
}
