/**
 * Pebble, Let's Encrypt's test CA (Debian's `pebble` 2.4.0), with its challenge test server, on 127.0.0.1 only:
 * the ACME directory at https://127.0.0.1:14000/dir (a TLS certificate for 127.0.0.1 and localhost made here
 * with openssl), its management port 15000 (the roots that sign what it issues), and pebble-challtestsrv
 * answering http-01 on 5002 and DNS on 8053 (every name is 127.0.0.1), managed on 8055, where a test plays the
 * admin putting the challenge file on the proxy or the TXT record in the zone.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHALLTESTSRV, PEBBLE, ensurePebble } from "../../scripts/ensure-pebble.mjs";
import { newP256Key } from "./openssl-args";

export const PEBBLE_DIRECTORY = "https://127.0.0.1:14000/dir";
export const PEBBLE_ORIGIN = "https://127.0.0.1:14000";
const MANAGEMENT = "https://127.0.0.1:15000";
const CHALLTESTSRV_MANAGEMENT = "http://127.0.0.1:8055";

export interface Pebble {
  /** Pebble's root and intermediate, PEM, as its management port gives them: what the issued chain must verify to. */
  root: () => Promise<string>;
  intermediate: () => Promise<string>;
  /** The admin puts /.well-known/acme-challenge/<token> with this content on the proxy. */
  addHttp01: (token: string, content: string) => Promise<void>;
  /** The admin adds the TXT record _acme-challenge.<name> with this value. */
  setTxt: (name: string, value: string) => Promise<void>;
  stop: () => Promise<void>;
}

/** One HTTP(S) request to loopback; the test certificate is not checked (it is the one made here). */
function call(url: string, method = "GET", body?: string): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  const make = u.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = make(
      u,
      { method, rejectUnauthorized: false, headers: body ? { "content-type": "application/json" } : {} },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`${url} did not answer`)));
    req.end(body);
  });
}

async function waitFor(url: string, what: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${output()}`);
    try {
      await call(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${what} did not answer at ${url}:\n${output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function started(file: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  const keep = (d: Buffer) => {
    text = (text + d.toString("utf8")).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, output: () => text };
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Starts the challenge test server and Pebble, waits until both answer. `nonceReject` is the % of good nonces
 * refused; `eab` makes an external account binding required, with these key IDs and base64url HMAC keys.
 */
export async function startPebble(
  options: { nonceReject?: number; eab?: Record<string, string> } = {},
): Promise<Pebble> {
  ensurePebble();
  const dir = mkdtempSync(join(tmpdir(), "pebble-"));
  const p = (name: string) => join(dir, name);
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      ...newP256Key(p("key.pem")),
      "-out",
      p("cert.pem"),
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  writeFileSync(
    p("pebble.json"),
    JSON.stringify({
      pebble: {
        listenAddress: "127.0.0.1:14000",
        managementListenAddress: "127.0.0.1:15000",
        certificate: p("cert.pem"),
        privateKey: p("key.pem"),
        httpPort: 5002,
        tlsPort: 5001,
        ocspResponderURL: "",
        externalAccountBindingRequired: options.eab !== undefined,
        ...(options.eab ? { externalAccountMACKeys: options.eab } : {}),
      },
    }),
  );
  // Why no IPv6 answer and the other listeners off: only 127.0.0.1 is ever bound, and nothing else is needed.
  const challtestsrv = started(
    CHALLTESTSRV,
    [
      "-http01",
      "127.0.0.1:5002",
      "-https01",
      "",
      "-tlsalpn01",
      "",
      "-dns01",
      "127.0.0.1:8053",
      "-management",
      "127.0.0.1:8055",
      "-defaultIPv4",
      "127.0.0.1",
      "-defaultIPv6",
      "",
    ],
    {},
  );
  let pebble: ReturnType<typeof started> | null = null;
  const stop = async () => {
    await Promise.all([pebble && stopped(pebble.child), stopped(challtestsrv.child)]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${CHALLTESTSRV_MANAGEMENT}/`, "pebble-challtestsrv", challtestsrv.child, challtestsrv.output);
    pebble = started(PEBBLE, ["-config", p("pebble.json"), "-dnsserver", "127.0.0.1:8053"], {
      PEBBLE_VA_NOSLEEP: "1",
      PEBBLE_WFE_NONCEREJECT: String(options.nonceReject ?? 0),
      // Why: authorizations are not reused between tests, so every test answers its own challenges.
      PEBBLE_AUTHZREUSE: "0",
    });
    await waitFor(PEBBLE_DIRECTORY, "pebble", pebble.child, pebble.output);
    await waitFor(`${MANAGEMENT}/roots/0`, "pebble's management port", pebble.child, pebble.output);
  } catch (e) {
    await stop();
    throw e;
  }
  const text = async (url: string) => {
    const r = await call(url);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.text}`);
    return r.text;
  };
  const post = async (path: string, body: object) => {
    const r = await call(`${CHALLTESTSRV_MANAGEMENT}${path}`, "POST", JSON.stringify(body));
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text}`);
  };
  return {
    root: () => text(`${MANAGEMENT}/roots/0`),
    intermediate: () => text(`${MANAGEMENT}/intermediates/0`),
    addHttp01: (token, content) => post("/add-http01", { token, content }),
    setTxt: (name, value) => post("/set-txt", { host: `_acme-challenge.${name}.`, value }),
    stop,
  };
}
