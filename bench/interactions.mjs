// Interactions an admin needs for four everyday tasks, counted in the built page (issue 19): every click, fill,
// check, selection, key press and file pick goes through a counter; waiting and reading do not count. Each
// task runs in a fresh browser context along the shortest path the page offers, and its result is checked
// with openssl, so a count is only printed for a task that was really done.
//
//   node bench/interactions.mjs [dist-dir]    counts one build (default dist/), served on port 4176
//   BENCH_ONLY=interactions npm run bench     the same part inside the bench, beside last release's counts
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const PASSPHRASE = "bench passphrase, not a secret";
const ARTICLE_NAMES = ["webext", "meet", "dialin", "lyncdiscover"].map((l) => `${l}.contoso.com`);
const FRIENDLY_NAME = "Reverse Proxy Listener for Lync Server";
const SAVE = "Where do you want to save the offline request?";

/**
 * The counts on the last release, commit 023509c ("Review of the change: one PSS salt table…", the last
 * commit landed before issue 19's work), measured once with this file against that commit's `vite build`:
 * `node bench/interactions.mjs /tmp/last/dist` (a worktree of that commit). Each is that version's own shortest
 * path; on these four tasks they are the same paths as today's (the flows below ran unchanged on both).
 */
export const LAST_RELEASE = { commit: "023509c", counts: { article: 25, topology: 13, complete: 7, renewal: 6 } };
/** Issue 19's aims. */
export const AIMS = { article: 20, topology: 8, complete: 6, renewal: 6 };

export const TASKS = [
  {
    id: "article",
    label: "The article's request, typed as the article walks it (Web server start, Certificate Properties)",
  },
  { id: "topology", label: "The Lync topology request (reverse-proxy start, Plan names: SIP domain and pool)" },
  { id: "complete", label: "Complete → .pfx (kept request, the CA's certificate and chain)" },
  { id: "renewal", label: "Renewal from the .cer (to a downloaded request and key)" },
];

const sh = (cmd, args) => {
  const run = spawnSync(cmd, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${run.stderr}`);
  return run.stdout;
};

/** Every interaction of the admin through one object, counted. */
function counter(page, dir) {
  let n = 0;
  const count = (promise) => (n++, promise);
  return {
    get count() {
      return n;
    },
    click: (target) => count(target.click()),
    fill: (target, text) => count(target.fill(text)),
    check: (target) => count(target.check()),
    select: (target, option) => count(target.selectOption(option)),
    press: (target, key) => count(target.press(key)),
    pick: (target, files) => count(target.setInputFiles(files)),
    /** A click that downloads: the file is saved under its suggested name. */
    download: async (target) => {
      n++;
      const [file] = await Promise.all([target.page().waitForEvent("download"), target.click()]);
      const path = join(dir, file.suggestedFilename());
      await file.saveAs(path);
      return path;
    },
  };
}

const next = (admin, page) => admin.click(page.getByRole("button", { name: "Next", exact: true }));
const heading = (page, name) => page.getByRole("heading", { level: 2, name }).waitFor();

/** The save page's last steps: passphrase twice, Finish, both downloads. Returns the request's path. */
async function finishAndDownload(admin, page) {
  await admin.fill(page.getByLabel("Passphrase", { exact: true }), PASSPHRASE);
  await admin.fill(page.getByLabel("Confirm passphrase"), PASSPHRASE);
  await admin.click(page.getByRole("button", { name: "Finish" }));
  await page.getByRole("heading", { name: "Your request and key are ready" }).waitFor({ timeout: 120_000 });
  const req = await admin.download(page.getByRole("button", { name: "Download request" }));
  const key = await admin.download(page.getByRole("button", { name: "Download encrypted private key" }));
  const pub = sh("openssl", ["pkey", "-in", key, "-passin", `pass:${PASSPHRASE}`, "-pubout"]);
  if (pub !== sh("openssl", ["req", "-in", req, "-noout", "-pubkey"])) throw new Error("the key is not the request's");
  return req;
}

/**
 * The request carries the article's subject and names and its key usage (critical); and the article's Server +
 * Client Authentication when the admin typed them (for a public CA the starts now give Server Authentication
 * only, which the planner's request and its renewal keep).
 */
function checkArticleRequest(req, { clientAuth = false } = {}) {
  const text = sh("openssl", ["req", "-in", req, "-noout", "-text"]);
  const want = [
    "Subject: CN = webext.contoso.com",
    ARTICLE_NAMES.map((n) => `DNS:${n}`).join(", "),
    "X509v3 Key Usage: critical",
    "Digital Signature, Key Encipherment",
    clientAuth ? "TLS Web Server Authentication, TLS Web Client Authentication" : "TLS Web Server Authentication",
  ];
  const missing = want.filter((w) => !text.includes(w));
  if (missing.length) throw new Error(`not the article's request: no ${missing.join("; ")}`);
}

const TASK_RUNS = {
  /** The article's values typed into Certificate Properties, as its steps walk MMC's wizard. */
  async article(page, admin) {
    await page.goto("/");
    await admin.check(page.getByLabel("Web server (IIS, IIS ARR, other)"));
    for (let i = 0; i < 3; i++) await next(admin, page);
    await heading(page, "Certificate Information");
    // Since issue 19 Certificate Information offers the article's Client Authentication in one click; before,
    // it was picked on the Extensions tab (a selection and Add >).
    const addClientAuth = page.getByRole("button", { name: "Add Client Authentication" });
    const oneClick = await addClientAuth.isVisible();
    if (oneClick) await admin.click(addClientAuth);
    await admin.click(page.getByRole("button", { name: "Properties", exact: true }));
    const dialog = page.getByRole("dialog", { name: "Certificate Properties" });
    await admin.fill(dialog.getByLabel("Friendly name"), FRIENDLY_NAME);
    await admin.click(dialog.getByRole("tab", { name: "Subject" }));
    const subject = dialog.getByRole("group", { name: "Subject name" });
    await admin.fill(subject.getByLabel("Value", { exact: true }), "webext.contoso.com");
    await admin.click(subject.getByRole("button", { name: "Add > Subject name" }));
    // The subject's DNS name goes into the alternative names by itself; the other three are typed.
    const alt = dialog.getByRole("group", { name: "Alternative name" });
    for (const name of ARTICLE_NAMES.slice(1)) {
      await admin.fill(alt.getByLabel("Value", { exact: true }), name);
      await admin.click(alt.getByRole("button", { name: "Add > Alternative name" }));
    }
    if (!oneClick) {
      await admin.click(dialog.getByRole("tab", { name: "Extensions" }));
      const eku = dialog.getByRole("group", { name: "Extended Key Usage (application policies)", exact: true });
      await admin.select(eku.getByLabel("Available options"), [{ label: "Client Authentication" }]);
      await admin.click(eku.getByRole("button", { name: /^Add > / }));
    }
    await admin.click(dialog.getByRole("button", { name: "OK" }));
    await next(admin, page);
    await heading(page, SAVE);
    checkArticleRequest(await finishAndDownload(admin, page), { clientAuth: true });
  },

  /** Plan names with the article's topology: one SIP domain, one Front End pool; the rest are the page's defaults. */
  async topology(page, admin) {
    await page.goto("/");
    await admin.check(page.getByLabel("Reverse proxy for Lync Server 2013 / Skype for Business"));
    for (let i = 0; i < 3; i++) await next(admin, page);
    await heading(page, "Plan names");
    await admin.fill(page.getByLabel("SIP domains"), "contoso.com");
    await admin.fill(page.getByLabel("External web services FQDN").first(), "webext.contoso.com");
    await admin.click(page.getByRole("button", { name: "Use these names" }));
    await heading(page, "Certificate Information");
    await next(admin, page);
    await heading(page, SAVE);
    const req = await finishAndDownload(admin, page);
    checkArticleRequest(req);
    return req;
  },

  /** From Certificate Enrollment, with the request kept in this browser and the CA's answer on disk, to the .pfx. */
  async complete(page, admin, { leaf, chain }) {
    await page.goto("/");
    await admin.click(page.getByRole("button", { name: "Complete a pending request…" }));
    // The CA's answer first: the page chooses the one kept request with its key (an older page needs the click).
    await admin.pick(page.getByLabel("Load the certificate…"), [leaf, chain]);
    await page.getByText("The certificate matches the private key.").waitFor();
    const use = page.getByRole("radio", { name: /^Use / }).first();
    if (!(await use.isChecked())) await admin.check(use);
    await admin.fill(page.getByLabel("Passphrase of the private key"), PASSPHRASE);
    await admin.click(page.getByRole("button", { name: "Open the key" }));
    await page.getByText(/^Opened\. Public key SHA-256/).waitFor({ timeout: 120_000 });
    // The .pfx password is generated; Export waits until it is said to be stored.
    await admin.check(page.getByLabel("I have stored this password"));
    const password = await page.getByLabel(".pfx password", { exact: true }).inputValue();
    const pfx = await admin.download(page.getByRole("button", { name: "Export" }));
    const info = sh("openssl", ["pkcs12", "-in", pfx, "-passin", `pass:${password}`, "-nokeys"]);
    if (!info.includes("subject=CN = webext.contoso.com") && !info.includes("subject=CN=webext.contoso.com"))
      throw new Error("the .pfx does not hold the certificate");
  },

  /** One drop of the current certificate on Certificate Enrollment, then the save page's last steps. */
  async renewal(page, admin, { leaf }) {
    await page.goto("/");
    await admin.pick(page.getByLabel("Renew a certificate…"), leaf);
    await heading(page, SAVE);
    checkArticleRequest(await finishAndDownload(admin, page));
  },
};

/**
 * Runs the four tasks against the page at baseURL and returns each count, or the reason it could not be done
 * (a flow that changed), never throwing: the bench prints what it has.
 * @returns {Promise<Record<string, { count: number } | { error: string }>>}
 */
export async function countInteractions(browser, baseURL) {
  const dir = mkdtempSync(join(tmpdir(), "bench-interactions-"));
  // A throwaway CA for the certificate the CA "issues" for the Lync topology request.
  sh(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "ca.key")].concat([
      "-subj",
      "/CN=Bench Interactions CA",
      "-days",
      "30",
      "-out",
      join(dir, "ca.crt"),
    ]),
  );
  const results = {};
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  const files = {};
  const run = async (id, fresh) => {
    // The article's request runs alone; the others share one browser profile, as one admin's browser would:
    // the topology request is kept in it, completed, and its certificate renewed.
    const ctx = fresh ? await browser.newContext({ baseURL, acceptDownloads: true }) : context;
    const page = await ctx.newPage();
    const admin = counter(page, join(dir, id));
    mkdirSync(join(dir, id), { recursive: true });
    try {
      const out = await TASK_RUNS[id](page, admin, files);
      results[id] = { count: admin.count };
      return out;
    } catch (e) {
      results[id] = { error: String(e.message ?? e).split("\n")[0] };
    } finally {
      await page.close();
      if (fresh) await ctx.close();
    }
  };
  try {
    await run("article", true);
    const req = await run("topology", false);
    if (req) {
      files.leaf = join(dir, "webext.crt");
      files.chain = join(dir, "ca.crt");
      sh(
        "openssl",
        ["x509", "-req", "-in", req, "-CA", files.chain, "-CAkey", join(dir, "ca.key")].concat([
          "-CAcreateserial",
          "-days",
          "30",
          "-copy_extensions",
          "copy",
          "-out",
          files.leaf,
        ]),
      );
      // Back another day: the draft is gone (as after Start over), the kept request is still there.
      const page = await context.newPage();
      await page.goto("/");
      await page.evaluate(() => localStorage.clear());
      await page.close();
      await run("complete", false);
      await run("renewal", true);
    } else {
      for (const id of ["complete", "renewal"]) results[id] = { error: "needs the topology request" };
    }
  } finally {
    await context.close();
  }
  return results;
}

/** The table: task | interactions now | last release | aim. */
export function interactionTable(results, last = LAST_RELEASE) {
  const lines = [
    `Interactions (clicks, fills, checks, selections, key presses, file picks) on each task's shortest path; last release = ${last.commit}`,
    "| task | interactions now | last release | aim |",
    "|---|---:|---:|---:|",
  ];
  for (const t of TASKS) {
    const r = results[t.id];
    const now =
      r && "count" in r ? `${r.count}${r.count <= AIMS[t.id] ? "" : " (over the aim)"}` : `not done: ${r?.error}`;
    lines.push(`| ${t.label} | ${now} | ${last.counts[t.id] ?? "?"} | ≤ ${AIMS[t.id]} |`);
  }
  return lines.join("\n");
}

/** Standalone: count one build, served from the given dist directory. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { chromium } = await import("@playwright/test");
  const { preview } = await import("vite");
  const { browserPath } = await import("../scripts/browser-setup.mjs");
  const { CHROMIUM_ARGS } = await import("./first-load.mjs");
  const dist = resolve(process.argv[2] ?? "dist");
  readFileSync(join(dist, "index.html"));
  const port = 4176;
  const server = await preview({
    build: { outDir: dist },
    preview: { port, strictPort: true, host: "127.0.0.1" },
    logLevel: "warn",
  });
  const browser = await chromium.launch({ executablePath: browserPath(), args: CHROMIUM_ARGS });
  try {
    const results = await countInteractions(browser, `http://127.0.0.1:${port}/`);
    console.log(`${dist}\n${interactionTable(results)}`);
    console.log(JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.count ?? v.error]))));
  } finally {
    await browser.close();
    await new Promise((done) => server.httpServer.close(done));
  }
}
