// `npm run bench`: how long Finish takes in headless Chromium (from dist/), beside OpenSSL doing the same work
// on the same machine in the same run, and the longest main-thread task while the key is made; the .pfx
// export beside `openssl pkcs12`; and the first load of dist/ and of the single file beside the same first
// page as static HTML (first-load.mjs); and the interactions four everyday tasks take, beside the last release's
// (interactions.mjs; `BENCH_ONLY=interactions` runs only those, `BENCH_ONLY=first-load` only the first loads,
// `BENCH_ONLY=exports` only the .pfx exports, the conversion and the code sizes).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { preview } from "vite";
import { browserPath } from "../scripts/browser-setup.mjs";
import { CHROMIUM_ARGS, firstLoads } from "./first-load.mjs";
import { countInteractions, interactionTable } from "./interactions.mjs";
import { firstLoadFiles } from "../scripts/first-load-files.mjs";
import { printWorstPfx, worstPfxRuns } from "./worst-pfx.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** The preview server's port (`BENCH_PORT`, so that two benches can run side by side). */
const PORT = Number(process.env.BENCH_PORT ?? 4175);
const BASE_URL = `http://127.0.0.1:${PORT}/`;
/** `BENCH_ONLY=interactions npm run bench`: only the interaction counts (bench/interactions.mjs), in about a minute. */
const ONLY = process.env.BENCH_ONLY;
const ITERATIONS = 600_000;
const PASSPHRASE = "bench passphrase, not a secret";
// The article's example: a complete request without typing a name (the reverse-proxy start has none).
const ARTICLE_EXAMPLE = "Fill in the article's example (contoso.com)";
const CASES = [
  { label: "RSA 2048", algorithm: "RSA", size: "2048", openssl: "rsa:2048" },
  { label: "RSA 3072", algorithm: "RSA", size: "3072", openssl: "rsa:3072" },
  { label: "RSA 4096", algorithm: "RSA", size: "4096", openssl: "rsa:4096" },
  // Fewer runs: one RSA 8192 key takes seconds to a minute, in the page as in OpenSSL.
  { label: "RSA 8192", algorithm: "RSA", size: "8192", openssl: "rsa:8192", runs: 3 },
  { label: "ECDSA P-256", algorithm: "ECDSA P-256", openssl: "ec", curve: "P-256" },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function opensslOnce(c, dir) {
  const key = join(dir, "k.pem");
  const newkey = c.curve ? ["-newkey", "ec", "-pkeyopt", `ec_paramgen_curve:${c.curve}`] : ["-newkey", c.openssl];
  const t0 = performance.now();
  const req = spawnSync("openssl", [
    "req",
    "-new",
    ...newkey,
    "-nodes",
    "-keyout",
    key,
    "-subj",
    "/CN=webext.contoso.com",
    "-addext",
    "subjectAltName=DNS:webext.contoso.com,DNS:meet.contoso.com,DNS:dialin.contoso.com,DNS:lyncdiscover.contoso.com",
    "-sha256",
    "-out",
    join(dir, "r.csr"),
  ]);
  const p8 = spawnSync("openssl", [
    "pkcs8",
    "-topk8",
    "-v2",
    "aes-256-cbc",
    "-v2prf",
    "hmacWithSHA256",
    "-iter",
    String(ITERATIONS),
    "-in",
    key,
    "-passout",
    `pass:${PASSPHRASE}`,
    "-out",
    join(dir, "k.enc"),
  ]);
  const ms = performance.now() - t0;
  if (req.status !== 0 || p8.status !== 0) throw new Error(`openssl failed: ${req.stderr}${p8.stderr}`);
  return ms;
}

async function pageRuns(page, c) {
  await page.goto("/#bench");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel(ARTICLE_EXAMPLE).check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByLabel("Template").selectOption("cng");
  await page.getByRole("button", { name: "Next", exact: true }).click(); // to Plan names
  await page.getByRole("button", { name: "Next", exact: true }).click(); // to Certificate Information
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Certificate Properties" });
  await dialog.getByRole("tab", { name: "Private Key" }).click();
  await dialog.getByLabel(c.algorithm, { exact: true }).check();
  if (c.size) await dialog.getByLabel("Key size").selectOption(c.size);
  await dialog.getByRole("button", { name: "OK" }).click();
  // The preset's Key encipherment does not fit an ECDSA key: the preflight's fix takes it out.
  if (c.curve) await page.getByRole("button", { name: "Remove Key encipherment" }).click();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  const times = [];
  let longest = 0;
  for (let i = 0; i < (c.runs ?? RUNS); i++) {
    await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
    await page.getByLabel("Confirm passphrase").fill(PASSPHRASE);
    await page.evaluate(() => {
      window.__longTasks = [];
    });
    await page.getByRole("button", { name: "Finish" }).click();
    // Finish again asks before making a new key: the bench says yes.
    if (i > 0) await page.getByRole("button", { name: "Make a new key and request" }).click();
    await page.waitForFunction((n) => performance.getEntriesByName("finish").length > n, i, {
      timeout: 120_000,
      polling: 50,
    });
    const { ms, tasks } = await page.evaluate(
      (n) => ({
        ms: performance.getEntriesByName("finish")[n].duration,
        tasks: window.__longTasks,
      }),
      i,
    );
    times.push(ms);
    longest = Math.max(longest, ...tasks, 0);
  }
  return { times, longest };
}

const sh = (cmd, args) => {
  const run = spawnSync(cmd, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${run.stderr}`);
  return run.stdout;
};

const PFX_OPENSSL = {
  "TripleDES-SHA1": ["-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1"],
  "AES256-SHA256": [],
};

/** Export timings: the page's Export (a user-timing entry) beside `openssl pkcs12 -export` with the same iteration count. */
async function exportRuns(browser, dir) {
  sh("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    join(dir, "ca.key"),
    "-subj",
    "/CN=Bench CA",
    "-days",
    "30",
    "-out",
    join(dir, "ca.crt"),
  ]);
  const context = await browser.newContext({ baseURL: BASE_URL, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto("/#bench");
  await page.getByLabel(ARTICLE_EXAMPLE).check();
  for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Confirm passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Finish" }).click();
  const save = async (name) => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    const path = join(dir, d.suggestedFilename());
    await d.saveAs(path);
    return path;
  };
  const req = await save("Download request");
  const key = await save("Download encrypted private key");
  sh("openssl", [
    "x509",
    "-req",
    "-in",
    req,
    "-CA",
    join(dir, "ca.crt"),
    "-CAkey",
    join(dir, "ca.key"),
    "-CAcreateserial",
    "-days",
    "30",
    "-copy_extensions",
    "copy",
    "-out",
    join(dir, "leaf.crt"),
  ]);
  sh("openssl", ["pkey", "-in", key, "-passin", `pass:${PASSPHRASE}`, "-out", join(dir, "plain.key")]);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("radio", { name: /^Use / }).first().check();
  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the key" }).click();
  await page.getByText(/^Opened\. Public key SHA-256/).waitFor();
  await page.getByLabel("Load the certificate…").setInputFiles([join(dir, "leaf.crt"), join(dir, "ca.crt")]);
  await page.getByText("The certificate matches the private key.").waitFor();
  const rows = [];
  for (const profile of Object.keys(PFX_OPENSSL)) {
    await page.getByLabel(profile).check();
    for (let i = 0; i < RUNS; i++) {
      // Each Export drops the opened key and the passwords: "Another format…" and open the key again, as an
      // admin would.
      if (i > 0 || profile !== Object.keys(PFX_OPENSSL)[0]) {
        await page.getByRole("button", { name: "Another format…" }).click();
        await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
        await page.getByRole("button", { name: "Open the key" }).click();
        await page.getByText(/^Opened\. Public key SHA-256/).waitFor();
      }
      // The .pfx password is generated: Export waits until it is said to be stored.
      await page.getByLabel("I have stored this password").check();
      await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export" }).click()]);
    }
    const times = await page.evaluate(
      (name) => performance.getEntriesByName(name).map((e) => e.duration),
      `export ${profile}`,
    );
    const reference = Array.from({ length: RUNS }, () => {
      const t0 = performance.now();
      sh("openssl", [
        "pkcs12",
        "-export",
        "-inkey",
        join(dir, "plain.key"),
        "-in",
        join(dir, "leaf.crt"),
        "-certfile",
        join(dir, "ca.crt"),
        "-name",
        "bench",
        "-iter",
        "2048",
        ...PFX_OPENSSL[profile],
        "-passout",
        `pass:${PASSPHRASE}`,
        "-out",
        join(dir, "ref.pfx"),
      ]);
      return performance.now() - t0;
    });
    rows.push({ profile, page: median(times), openssl: median(reference) });
  }
  await context.close();
  return rows;
}

/**
 * Converting a .pfx: the page opens OpenSSL 3's AES256-SHA256 .pfx (MAC, PBES2 decryption, the key matched)
 * and writes it again as TripleDES-SHA1, beside `openssl pkcs12` reading it and exporting it the same way.
 * Page time = the "open pfx" and "export TripleDES-SHA1" user-timing measures, without the clicks between.
 */
async function convertRuns(browser, dir) {
  const vector = resolve("test/vectors/webext.aes256-sha256.pfx");
  const password = "correct horse battery staple";
  const context = await browser.newContext({ baseURL: BASE_URL, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto("/#bench");
  await page.getByRole("button", { name: "Complete a pending request…" }).click();
  for (let i = 0; i < RUNS; i++) {
    await page.getByLabel("Load an encrypted private key file…").setInputFiles(vector);
    await page.getByLabel("Password of the .pfx").fill(password);
    await page.getByRole("button", { name: "Open the .pfx" }).click();
    await page.getByText("The certificate matches the private key.").waitFor();
    await page.getByLabel("TripleDES-SHA1").check();
    await page.getByLabel(".pfx password", { exact: true }).fill(PASSPHRASE);
    await page.getByLabel("Confirm .pfx password").fill(PASSPHRASE);
    await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export" }).click()]);
  }
  const [open, write] = await page.evaluate(() =>
    ["open pfx", "export TripleDES-SHA1"].map((n) => performance.getEntriesByName(n).map((e) => e.duration)),
  );
  await context.close();
  const reference = Array.from({ length: RUNS }, () => {
    const t0 = performance.now();
    sh("openssl", ["pkcs12", "-in", vector, "-passin", `pass:${password}`, "-nodes", "-out", join(dir, "conv.pem")]);
    sh("openssl", [
      "pkcs12",
      "-export",
      "-in",
      join(dir, "conv.pem"),
      "-iter",
      "2048",
      ...PFX_OPENSSL["TripleDES-SHA1"],
      "-passout",
      `pass:${PASSPHRASE}`,
      "-out",
      join(dir, "conv.pfx"),
    ]);
    return performance.now() - t0;
  });
  return { page: median(open.map((o, i) => o + (write[i] ?? 0))), openssl: median(reference) };
}

/** Gzip sizes of what the first page loads, and of what only Complete the request loads when it opens. */
function codeSizes() {
  const first = firstLoadFiles("dist");
  const gz = (file) => gzipSync(readFileSync(join("dist", file))).length;
  const lazy = readdirSync("dist/assets")
    .filter((f) => /^(complete-request|pfx)-.*\.js$/.test(f))
    .map((f) => `assets/${f}`);
  return {
    first: first.reduce((n, f) => n + gz(f), 0),
    firstFiles: first,
    lazy: lazy.reduce((n, f) => n + gz(f), 0),
    lazyFiles: lazy,
  };
}

/**
 * First load under Playwright, for comparison: a DevTools agent is in the page (see first-load.mjs for what
 * that adds). The time to the first page usable and the longest main-thread task, over RUNS fresh loads.
 */
async function firstLoadUnderPlaywright(browser, url) {
  const times = [];
  let longest = 0;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    const page = await context.newPage();
    await page.goto(`${url}#bench`);
    await page.waitForFunction(() => performance.getEntriesByName("first-page-usable").length > 0);
    const { usable, tasks } = await page.evaluate(() => ({
      usable: performance.getEntriesByName("first-page-usable")[0].startTime,
      tasks: window.__longTasks,
    }));
    times.push(usable);
    longest = Math.max(longest, ...tasks, 0);
    await context.close();
  }
  return { usable: median(times), longest };
}

/**
 * The reference for first load: the single file's first page as the browser shows it, saved as static HTML
 * with the same style and no script, so what is left is the browser's own cost of a page (navigation, style,
 * the first layout with its font look-ups) on this machine.
 */
async function staticFirstPage(browser, single, dir) {
  const page = await browser.newPage();
  await page.goto(`${pathToFileURL(single).href}#bench`);
  await page.waitForFunction(() => performance.getEntriesByName("first-page-usable").length > 0);
  const html = await page.evaluate(
    () =>
      `<!doctype html><html lang="en"><head><meta charset="UTF-8"><meta name="color-scheme" content="light dark">${document.querySelector("style").outerHTML}</head>` +
      `<body>${document.getElementById("root").outerHTML}<script>new PerformanceObserver((list, observer) => { const heading = list.getEntries().find((e) => e.identifier === "page-heading"); if (heading) { observer.disconnect(); performance.mark("first-page-usable", { startTime: heading.renderTime || heading.loadTime }); } }).observe({ type: "element", buffered: true });</script></body></html>`,
  );
  await page.close();
  const file = join(dir, "first-page.html");
  writeFileSync(file, html);
  return file;
}

/** dist/index.html as static HTML: the prerendered page, its style and early script, without the app's script. */
const STATIC_FIRST_PAGE = "bench-static-first-page.html";
function writeStaticFirstPage() {
  const html = readFileSync("dist/index.html", "utf8");
  const page = html
    .replace(/<script type="module"[^>]*><\/script>/, "")
    .replace(/<link rel="modulepreload"[^>]*>/g, "");
  if (page === html || /type="module"/.test(page))
    throw new Error("dist/index.html no longer has the app's script where expected.");
  writeFileSync(join("dist", STATIC_FIRST_PAGE), page);
}
// Written before the server starts: it serves the files it finds then.
writeStaticFirstPage();
const server = await preview({ preview: { port: PORT, strictPort: true, host: "127.0.0.1" }, logLevel: "warn" });
/** Finish, the .pfx export and conversion beside OpenSSL, first loads and code sizes. */
async function timingsAndSizes() {
  const context = await browser.newContext({ baseURL: BASE_URL });
  // Long tasks (over 50 ms on the main thread) from the moment Finish is clicked.
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: "longtask" });
  });
  const page = await context.newPage();
  // The long-task observer must see a task it knows is long, or "none over 50" would mean nothing.
  await page.goto("/#bench");
  // (A task the page runs itself: the observer does not count script that DevTools evaluates.)
  await page.evaluate(() =>
    setTimeout(() => {
      const end = performance.now() + 120;
      while (performance.now() < end);
    }, 0),
  );
  await page.waitForFunction(() => window.__longTasks.some((d) => d >= 100), null, { timeout: 5_000 });
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  if (ONLY === "exports") return pfxTimings(browser, dir, { worst: false });
  if (ONLY !== "first-load") await exportTimings(browser, page, dir);
  await firstLoadAndSizes(dir);
}

/** Finish beside OpenSSL, the .pfx exports, the conversion and the worst .pfx. */
async function exportTimings(browser, page, dir) {
  const rows = [];
  for (const c of CASES) {
    const { times, longest } = await pageRuns(page, c);
    const reference = Array.from({ length: c.runs ?? RUNS }, () => opensslOnce(c, dir));
    rows.push({ c, page: median(times), openssl: median(reference), longest });
  }
  console.log(
    `Finish to downloads ready, median of ${RUNS} (RSA 8192: 3); PBKDF2-HMAC-SHA256 ${ITERATIONS} iterations; OpenSSL = req -newkey + pkcs8 -topk8 -v2 aes-256-cbc`,
  );
  console.log("| key | page (ms) | OpenSSL (ms) | ratio | longest main-thread task (ms) |");
  console.log("|---|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.c.label} | ${r.page.toFixed(0)} | ${r.openssl.toFixed(0)} | ${(r.page / r.openssl).toFixed(2)}x | ${r.longest ? r.longest.toFixed(0) : "none over 50"} |`,
    );
  }
  await pfxTimings(browser, dir, { worst: true });
}

/** The .pfx exports beside `openssl pkcs12 -export`, the conversion, and the worst .pfx (or, alone, the code sizes). */
async function pfxTimings(browser, dir, { worst }) {
  const exports = await exportRuns(browser, dir);
  console.log(
    `\n.pfx export (leaf + CA, RSA 2048), median of ${RUNS}; OpenSSL = pkcs12 -export -iter 2048 with the profile's algorithms`,
  );
  console.log("| profile | page (ms) | OpenSSL (ms) | ratio |");
  console.log("|---|---:|---:|---:|");
  for (const r of exports)
    console.log(
      `| ${r.profile} | ${r.page.toFixed(1)} | ${r.openssl.toFixed(1)} | ${(r.page / r.openssl).toFixed(2)}x |`,
    );
  const conversion = await convertRuns(browser, dir);
  console.log(
    `\nConverting a .pfx (OpenSSL 3's AES256-SHA256 to TripleDES-SHA1), median of ${RUNS}; OpenSSL = pkcs12 read, then pkcs12 -export`,
  );
  console.log(
    `| page: open + export ${conversion.page.toFixed(1)} ms | OpenSSL ${conversion.openssl.toFixed(1)} ms | ratio ${(conversion.page / conversion.openssl).toFixed(2)}x |`,
  );
  if (!worst) return printCodeSizes(codeSizes());
  printWorstPfx(await worstPfxRuns({ browser, baseURL: BASE_URL, dir, runs: Math.min(RUNS, 3) }), Math.min(RUNS, 3));
}

/**
 * First loads of dist/ and of the single file, each beside the same first page as static HTML delivered the same
 * way, and the code sizes. Why a reference per build: dist/ comes over HTTP from the preview server, and what a
 * page costs to deliver (a request, its style in a second request) is no script's doing; the static page from
 * the same server pays it too. The dist/ row also says its ratio against the file:// reference, the stricter
 * figure this bench printed before (2026-12-04).
 */
async function firstLoadAndSizes(dir) {
  const single = resolve("dist/certificate-request-wizard.html");
  const singleGz = gzipSync(readFileSync(single)).length;
  const size = codeSizes();
  const floor = await staticFirstPage(browser, single, dir);
  const served = {
    label: `reference: dist/index.html without the app's script, from the same server`,
    url: `${BASE_URL}${STATIC_FIRST_PAGE}`,
    bytes: gzipSync(readFileSync(join("dist", STATIC_FIRST_PAGE))).length,
  };
  const onDisk = {
    label: "reference: the single file's first page as static HTML (style inline, no script but the mark), file://",
    url: pathToFileURL(floor).href,
    bytes: gzipSync(readFileSync(floor)).length,
  };
  const builds = [
    { label: "dist/ (npm start)", url: BASE_URL, bytes: size.first, reference: served, also: onDisk },
    { label: "single file (file://)", url: pathToFileURL(single).href, bytes: singleGz, reference: onDisk },
    served,
    onDisk,
  ];
  const loads = await firstLoads(
    builds.map((b) => b.url),
    RUNS,
    CHROMIUM,
  );
  const figures = new Map(
    builds.map((b) => {
      const mine = loads.get(b.url);
      return [
        b,
        {
          usable: median(mine.map((l) => l.usable)),
          longest: median(mine.map((l) => l.longestTask)),
          worst: Math.max(...mine.map((l) => l.longestTask)),
        },
      ];
    }),
  );
  console.log(
    `\nFirst load in headless Chromium, ${RUNS} fresh loads of each, taking turns, as a user's browser runs it (no DevTools attached); ratios against the reference delivered the same way`,
  );
  console.log(
    "| build | first-load bytes (gzip) | first page usable, median (ms) | longest main-thread task, median / worst (ms) | under Playwright: usable / longest task (ms) |",
  );
  console.log("|---|---:|---:|---:|---:|");
  const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
  for (const b of builds) {
    const f = figures.get(b);
    const pw = await firstLoadUnderPlaywright(browser, b.url);
    const ref = b.reference && figures.get(b.reference);
    const also = b.also ? `; ${ratio(f.usable, figures.get(b.also).usable)} the file:// one` : "";
    const ratios = ref ? ` (${ratio(f.usable, ref.usable)}${also})` : "";
    const taskRatio = ref ? ` (${ratio(f.longest, ref.longest)})` : "";
    console.log(
      `| ${b.label} | ${(b.bytes / 1024).toFixed(1)} KiB | ${f.usable.toFixed(0)}${ratios} | ${f.longest.toFixed(0)}${taskRatio} / ${f.worst.toFixed(0)} | ${pw.usable.toFixed(0)} / ${pw.longest ? pw.longest.toFixed(0) : "none over 50"} |`,
    );
  }
  printCodeSizes(size);
}

function printCodeSizes(size) {
  console.log(
    `\nCode, gzip: first page ${(size.first / 1024).toFixed(1)} KiB (${size.firstFiles.join(", ")}); loaded when Complete the request opens ${(size.lazy / 1024).toFixed(1)} KiB (${size.lazyFiles.join(", ")})`,
  );
}

const CHROMIUM = browserPath();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
try {
  if (ONLY !== "interactions") await timingsAndSizes();
  if (ONLY !== "first-load" && ONLY !== "exports")
    console.log(`\n${interactionTable(await countInteractions(browser, BASE_URL))}`);
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  rmSync(join("dist", STATIC_FIRST_PAGE), { force: true });
}
