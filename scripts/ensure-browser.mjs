// `npm test` runs this before the browser tests: find Chromium and openssl, or install them the way this machine
// can (as root on Debian/Ubuntu with apt-get; Chromium otherwise by Playwright's download), or stop at once with
// one sentence saying what to run. It writes nothing global: playwright.config.ts finds the same browser through
// scripts/browser-setup.mjs. The choices are unit-tested in test/browser-setup.test.ts.
import { spawnSync } from "node:child_process";
import { chooseBrowserSetup, chooseOpensslSetup, ensure, machine } from "./browser-setup.mjs";

/** Runs one command with the terminal attached; true when it exits 0. */
function run(command, env = {}) {
  console.log(`$ ${command.join(" ")}`);
  const [file, ...args] = command;
  const done = spawnSync(file, args, {
    stdio: "inherit",
    env: { ...process.env, ...env },
    shell: process.platform === "win32", // npx is npx.cmd there
  });
  return done.status === 0;
}

/** The first line a binary prints for --version, or undefined when it does not start. */
function version(path) {
  const out = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 60_000 });
  if (out.status !== 0) return undefined;
  return (out.stdout || out.stderr).trim().split("\n")[0];
}
function opensslVersion(path) {
  const out = spawnSync(path, ["version"], { encoding: "utf8", timeout: 60_000 });
  return out.status === 0 ? out.stdout.trim() : undefined;
}

function stop(sentence) {
  console.error(sentence);
  process.exit(1);
}

const ran = new Set();
const openssl = ensure(chooseOpensslSetup, () => machine(), run, ran);
if ("stop" in openssl) stop(openssl.stop);
const browser = ensure(chooseBrowserSetup, () => machine(), run, ran);
if ("stop" in browser) stop(browser.stop);

const browserVersion = version(browser.use);
if (!browserVersion)
  stop(
    `${browser.use} is there but does not start (\`${browser.use} --version\` fails): install its libraries with \`sudo npx playwright install-deps chromium\` or set CHROMIUM_PATH to another Chrome/Chromium binary, then \`npm test\` again.`,
  );
const installed = (r) => (r.installedWith ? `, installed now with ${r.installedWith}` : "");
console.log(`Browser: ${browser.use} (${browserVersion}; ${browser.source}${installed(browser)})`);
console.log(`openssl: ${openssl.use} (${opensslVersion(openssl.use) ?? "?"}${installed(openssl)})`);
