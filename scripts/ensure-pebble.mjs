// The ACME browser tests run against Pebble, Let's Encrypt's test CA, from Debian's `pebble` package
// (/usr/bin/pebble and /usr/bin/pebble-challtestsrv). This finds it, installs it as root with apt-get, or stops
// with one sentence naming the command to run. Called from e2e/acme*.spec.ts's beforeAll (and runnable alone).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const PEBBLE = process.env.PEBBLE_PATH ?? "/usr/bin/pebble";
export const CHALLTESTSRV = process.env.PEBBLE_CHALLTESTSRV_PATH ?? "/usr/bin/pebble-challtestsrv";
const INSTALL = "apt-get install -y pebble";

/** Returns when both binaries are there; installs them when root and they are not; else throws one sentence. */
export function ensurePebble() {
  const present = () => existsSync(PEBBLE) && existsSync(CHALLTESTSRV);
  if (present()) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root) {
    console.log(`$ ${INSTALL}`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    let done = spawnSync("apt-get", ["install", "-y", "pebble"], { stdio: "inherit", env });
    if (done.status !== 0) {
      spawnSync("apt-get", ["update"], { stdio: "inherit", env });
      done = spawnSync("apt-get", ["install", "-y", "pebble"], { stdio: "inherit", env });
    }
    if (done.status === 0 && present()) return;
  }
  throw new Error(`The ACME tests need Pebble (${PEBBLE} and ${CHALLTESTSRV}): run \`sudo ${INSTALL}\`.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensurePebble();
    console.log(`Pebble: ${PEBBLE}, ${CHALLTESTSRV}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
