// Which Chromium the browser tests and the bench use, and what `npm test` does when there is none: one place,
// read by playwright.config.ts (so `npx playwright test` finds the same browser), bench/run.mjs and
// scripts/ensure-browser.mjs. The choices are pure functions of what the machine has, so that the unit test
// (test/browser-setup.test.ts) can try every kind of machine; `machine()` reads the real one.
import { accessSync, constants, statSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, join } from "node:path";

/** Where a system Chromium or Chrome lives, in the order tried (Debian, Ubuntu, Fedora, Chrome's packages, snap, macOS). */
export const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/usr/lib/chromium/chromium",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];
/** The same browsers by command name, looked up on PATH when none of the paths above is there. */
export const BROWSER_COMMANDS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/**
 * @typedef {object} Machine What the choices read of a machine.
 * @property {Record<string, string | undefined>} env the environment (CHROMIUM_PATH)
 * @property {(path: string) => boolean} exists whether an executable file is at this path
 * @property {(command: string) => string | undefined} onPath the command's path on PATH, if any
 * @property {boolean} isRoot running as root (uid 0)
 * @property {boolean} hasAptGet apt-get is on PATH (Debian, Ubuntu)
 * @property {string | undefined} playwrightBrowser Playwright's own Chromium (chromium.executablePath()), whether there or not
 */

/**
 * @typedef {{ use: string, source: string }
 *   | { install: { how: string, run: string[][], env?: Record<string, string> }[], otherwise: string }
 *   | { stop: string }} Setup
 * `use` a binary; or `install` by trying each way in turn (each `run` is commands, argv form) until the thing
 * is found, and say `otherwise` when none worked; or `stop` at once with one sentence.
 */

const APT_ENV = { DEBIAN_FRONTEND: "noninteractive" };
const aptInstall = (pkg) => ({
  how: "apt-get",
  run: [
    ["apt-get", "update"],
    ["apt-get", "install", "-y", pkg],
  ],
  env: APT_ENV,
});

/**
 * The browser, found: CHROMIUM_PATH when set (even to a missing file: the caller says so), else the system's
 * Chromium or Chrome, else Playwright's own download when its file is there.
 * @param {Pick<Machine, "env" | "exists" | "onPath" | "playwrightBrowser">} machine
 * @returns {{ path: string, source: string } | undefined}
 */
export function findBrowser({ env, exists, onPath, playwrightBrowser }) {
  if (env.CHROMIUM_PATH) return { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
  const system = SYSTEM_BROWSERS.find(exists) ?? BROWSER_COMMANDS.map(onPath).find((p) => p !== undefined);
  if (system) return { path: system, source: "system" };
  if (playwrightBrowser && exists(playwrightBrowser)) return { path: playwrightBrowser, source: "Playwright" };
  return undefined;
}

/**
 * What `npm test` does about the browser: use the one found; or install one (as root with apt-get: Debian's
 * `chromium`, then Playwright's download with its system libraries; otherwise Playwright's download); or stop.
 * @param {Machine} machine
 * @returns {Setup}
 */
export function chooseBrowserSetup(machine) {
  const { env, exists, isRoot, hasAptGet } = machine;
  const found = findBrowser(machine);
  if (found?.source === "CHROMIUM_PATH" && !exists(found.path))
    return {
      stop: `CHROMIUM_PATH is ${found.path}, which is not an executable file: set it to a Chrome/Chromium binary or unset it, then \`npm test\` again.`,
    };
  if (found) return { use: found.path, source: found.source };
  const ask = hasAptGet ? "`sudo apt-get install chromium`" : "`npx playwright install chromium`";
  const otherwise = `No Chromium found: run ${ask} or set CHROMIUM_PATH to a Chrome/Chromium binary, then \`npm test\` again.`;
  const ways = [];
  if (isRoot && hasAptGet) ways.push(aptInstall("chromium"));
  // Playwright's own Chromium, where it can download (as root with apt-get, with the libraries it needs).
  if (!env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD)
    ways.push({
      how: "Playwright's download",
      run: [["npx", "playwright", "install", ...(isRoot && hasAptGet ? ["--with-deps"] : []), "chromium"]],
    });
  if (ways.length === 0) return { stop: otherwise };
  return { install: ways, otherwise };
}

/**
 * What `npm test` does about `openssl` (the browser tests check every download with it): use it, install it
 * with apt-get as root, or stop.
 * @param {Pick<Machine, "onPath" | "isRoot" | "hasAptGet">} machine
 * @returns {Setup}
 */
export function chooseOpensslSetup({ onPath, isRoot, hasAptGet }) {
  const found = onPath("openssl");
  if (found) return { use: found, source: "PATH" };
  const ask = hasAptGet ? "`sudo apt-get install openssl`" : "your system's package manager (the package is `openssl`)";
  const otherwise = `No openssl found: install it with ${ask}, then \`npm test\` again.`;
  if (isRoot && hasAptGet) return { install: [aptInstall("openssl")], otherwise };
  return { stop: otherwise };
}

/**
 * Carries out a choice: returns what to use, trying each install way in turn (reading the machine again after
 * each) until the choice says `use`; or the one sentence to stop with. `run` runs one command and says whether
 * it succeeded; `ran` holds the commands already run, so `apt-get update` runs once for the browser and openssl.
 * @param {(machine: Machine) => Setup} choose
 * @param {() => Machine} readMachine
 * @param {(command: string[], env?: Record<string, string>) => boolean} run
 * @param {Set<string>} [ran]
 * @returns {{ use: string, source: string, installedWith?: string } | { stop: string }}
 */
export function ensure(choose, readMachine, run, ran = new Set()) {
  const setup = choose(readMachine());
  if (!("install" in setup)) return setup;
  for (const way of setup.install) {
    for (const command of way.run) {
      const key = command.join(" ");
      if (key === "apt-get update" && ran.has(key)) continue;
      ran.add(key);
      if (!run(command, way.env)) break;
    }
    const now = choose(readMachine());
    if ("use" in now) return { ...now, installedWith: way.how };
  }
  return { stop: setup.otherwise };
}

/** An executable regular file at this path. */
function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * This machine, read now.
 * @param {Record<string, string | undefined>} [env]
 * @returns {Machine}
 */
export function machine(env = process.env) {
  const onPath = (command) =>
    (env.PATH ?? "")
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, command))
      .find(isExecutableFile);
  let playwrightBrowser;
  try {
    playwrightBrowser = createRequire(import.meta.url)("playwright-core").chromium.executablePath();
  } catch {
    playwrightBrowser = undefined; // playwright-core not installed yet, or no build for this platform
  }
  return {
    env,
    exists: isExecutableFile,
    onPath,
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath("apt-get") !== undefined,
    playwrightBrowser,
  };
}

/**
 * The browser for Playwright's executablePath, found as `npm test` finds it; undefined leaves Playwright to
 * its own (which then says how to install it).
 * @returns {string | undefined}
 */
export function browserPath(env = process.env) {
  return findBrowser(machine(env))?.path;
}
