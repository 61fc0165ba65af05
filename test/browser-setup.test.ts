/**
 * What `npm test` does about Chromium and openssl on each kind of machine (scripts/browser-setup.mjs): the
 * machine is injected (environment, files, PATH, uid, apt-get) and installs run through a fake runner that
 * "installs" by adding the file, since this machine's own Chromium cannot be removed to try it for real.
 */
import { describe, expect, it } from "vitest";
import {
  chooseBrowserSetup,
  chooseOpensslSetup,
  ensure,
  findBrowser,
  type Machine,
} from "../scripts/browser-setup.mjs";

const PLAYWRIGHT = "/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";

/** A machine with these executable files (PATH is /usr/bin and /usr/local/bin). */
function fake(files: string[], over: Partial<Machine> = {}): Machine {
  const have = new Set(files);
  return {
    env: {},
    exists: (path) => have.has(path),
    onPath: (command) => ["/usr/bin", "/usr/local/bin"].map((d) => `${d}/${command}`).find((p) => have.has(p)),
    isRoot: false,
    hasAptGet: false,
    playwrightBrowser: PLAYWRIGHT,
    ...over,
  };
}

describe("finding the browser", () => {
  it("takes CHROMIUM_PATH first, then the system's Chromium or Chrome, then Playwright's download", () => {
    const all = ["/opt/chrome/chrome", "/usr/bin/chromium", "/usr/bin/google-chrome", PLAYWRIGHT];
    expect(chooseBrowserSetup(fake(all, { env: { CHROMIUM_PATH: "/opt/chrome/chrome" } }))).toEqual({
      use: "/opt/chrome/chrome",
      source: "CHROMIUM_PATH",
    });
    expect(chooseBrowserSetup(fake(all))).toEqual({ use: "/usr/bin/chromium", source: "system" });
    expect(chooseBrowserSetup(fake(["/usr/bin/chromium-browser", PLAYWRIGHT]))).toEqual({
      use: "/usr/bin/chromium-browser",
      source: "system",
    });
    expect(chooseBrowserSetup(fake(["/usr/bin/google-chrome", PLAYWRIGHT]))).toMatchObject({
      use: "/usr/bin/google-chrome",
    });
    expect(chooseBrowserSetup(fake(["/usr/local/bin/chromium", PLAYWRIGHT]))).toMatchObject({
      use: "/usr/local/bin/chromium",
    });
    expect(chooseBrowserSetup(fake([PLAYWRIGHT]))).toEqual({ use: PLAYWRIGHT, source: "Playwright" });
  });

  it("an empty CHROMIUM_PATH is unset; one naming a missing file stops with one sentence", () => {
    expect(findBrowser(fake(["/usr/bin/chromium"], { env: { CHROMIUM_PATH: "" } }))?.path).toBe("/usr/bin/chromium");
    const setup = chooseBrowserSetup(fake(["/usr/bin/chromium"], { env: { CHROMIUM_PATH: "/opt/gone" } }));
    expect(setup).toEqual({ stop: expect.stringContaining("CHROMIUM_PATH is /opt/gone, which is not") });
  });

  it("Playwright's path counts only when its file is there", () => {
    expect(findBrowser(fake([]))).toBeUndefined();
    expect(findBrowser(fake([], { playwrightBrowser: undefined }))).toBeUndefined();
  });
});

describe("installing the browser", () => {
  it("as root with apt-get: Debian's chromium first, then Playwright's download with its libraries", () => {
    expect(chooseBrowserSetup(fake([], { isRoot: true, hasAptGet: true }))).toEqual({
      install: [
        {
          how: "apt-get",
          run: [
            ["apt-get", "update"],
            ["apt-get", "install", "-y", "chromium"],
          ],
          env: { DEBIAN_FRONTEND: "noninteractive" },
        },
        { how: "Playwright's download", run: [["npx", "playwright", "install", "--with-deps", "chromium"]] },
      ],
      otherwise:
        "No Chromium found: run `sudo apt-get install chromium` or set CHROMIUM_PATH to a Chrome/Chromium binary, then `npm test` again.",
    });
  });

  it("not root: Playwright's download only, and the sentence names the machine's own command", () => {
    const debianUser = chooseBrowserSetup(fake([], { hasAptGet: true }));
    expect(debianUser).toMatchObject({ install: [{ run: [["npx", "playwright", "install", "chromium"]] }] });
    expect(chooseBrowserSetup(fake([]))).toMatchObject({
      otherwise: expect.stringContaining("run `npx playwright install chromium` or set CHROMIUM_PATH"),
    });
  });

  it("with no way to install, stops at once with one sentence", () => {
    const setup = chooseBrowserSetup(fake([], { hasAptGet: true, env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" } }));
    expect(setup).toEqual({
      stop: "No Chromium found: run `sudo apt-get install chromium` or set CHROMIUM_PATH to a Chrome/Chromium binary, then `npm test` again.",
    });
    expect("stop" in setup && setup.stop.split(". ")).toHaveLength(1);
  });
});

describe("openssl", () => {
  it("found on PATH; installed with apt-get as root; otherwise one sentence", () => {
    expect(chooseOpensslSetup(fake(["/usr/bin/openssl"]))).toEqual({ use: "/usr/bin/openssl", source: "PATH" });
    expect(chooseOpensslSetup(fake([], { isRoot: true, hasAptGet: true }))).toMatchObject({
      install: [
        {
          how: "apt-get",
          run: [
            ["apt-get", "update"],
            ["apt-get", "install", "-y", "openssl"],
          ],
        },
      ],
    });
    expect(chooseOpensslSetup(fake([], { hasAptGet: true }))).toEqual({
      stop: "No openssl found: install it with `sudo apt-get install openssl`, then `npm test` again.",
    });
  });
});

describe("carrying it out with a fake runner", () => {
  /** A machine whose files the fake runner adds, as apt-get or Playwright would. */
  function world(files: string[], over: Partial<Machine>, installs: Record<string, string>, fails: string[] = []) {
    const have = new Set(files);
    const commands: string[] = [];
    const read = () => fake([...have], over);
    const run = (command: string[], env?: Record<string, string>) => {
      const line = command.join(" ");
      commands.push(env ? `${Object.entries(env).map(([k, v]) => `${k}=${v}`)} ${line}` : line);
      if (fails.includes(line)) return false;
      if (installs[line]) have.add(installs[line]);
      return true;
    };
    return { read, run, commands };
  }

  it("root on Debian: one apt-get update for both, then the browser and openssl are used", () => {
    const w = world(
      [],
      { isRoot: true, hasAptGet: true },
      {
        "apt-get install -y openssl": "/usr/bin/openssl",
        "apt-get install -y chromium": "/usr/bin/chromium",
      },
    );
    const ran = new Set<string>();
    expect(ensure(chooseOpensslSetup, w.read, w.run, ran)).toMatchObject({ use: "/usr/bin/openssl" });
    expect(ensure(chooseBrowserSetup, w.read, w.run, ran)).toEqual({
      use: "/usr/bin/chromium",
      source: "system",
      installedWith: "apt-get",
    });
    expect(w.commands).toEqual([
      "DEBIAN_FRONTEND=noninteractive apt-get update",
      "DEBIAN_FRONTEND=noninteractive apt-get install -y openssl",
      "DEBIAN_FRONTEND=noninteractive apt-get install -y chromium",
    ]);
  });

  it("root on Ubuntu, where apt's chromium is missing: Playwright's download is used", () => {
    const w = world(
      [],
      { isRoot: true, hasAptGet: true },
      { "npx playwright install --with-deps chromium": PLAYWRIGHT },
      ["apt-get install -y chromium"],
    );
    expect(ensure(chooseBrowserSetup, w.read, w.run)).toEqual({
      use: PLAYWRIGHT,
      source: "Playwright",
      installedWith: "Playwright's download",
    });
  });

  it("nothing works (offline, not root): the one sentence", () => {
    const w = world([], { hasAptGet: true }, {}, ["npx playwright install chromium"]);
    expect(ensure(chooseBrowserSetup, w.read, w.run)).toEqual({
      stop: "No Chromium found: run `sudo apt-get install chromium` or set CHROMIUM_PATH to a Chrome/Chromium binary, then `npm test` again.",
    });
    expect(w.commands).toEqual(["npx playwright install chromium"]);
  });

  it("a browser already there runs nothing", () => {
    const w = world(["/usr/bin/chromium"], { isRoot: true, hasAptGet: true }, {});
    expect(ensure(chooseBrowserSetup, w.read, w.run)).toEqual({ use: "/usr/bin/chromium", source: "system" });
    expect(w.commands).toEqual([]);
  });
});
