/**
 * Get it issued (ACME): a request kept by the wizard, issued by Pebble (Let's Encrypt's test CA) from acme.html,
 * the chain checked by OpenSSL against Pebble's root, and completed into a .pfx that OpenSSL opens.
 * The test plays the admin's part outside the page through pebble-challtestsrv: the file on the proxy
 * (http-01) or the TXT record (dns-01).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { startPebble, PEBBLE_DIRECTORY, type Pebble } from "../test/helpers/pebble";
import {
  ARTICLE_EXAMPLE,
  PASSPHRASE,
  download,
  finish,
  next,
  openssl,
  opensslStatus,
  startAndReachInformation,
  tempDir,
} from "./helpers";
import { newP256Key } from "../test/helpers/openssl-args";

const ACCOUNT_PASSPHRASE = "acme account file, kept with the key";

let pebble: Pebble;
test.use({ ignoreHTTPSErrors: true });
// Several key derivations (600,000 PBKDF2 iterations) and a whole order on a 2-core machine.
test.setTimeout(240_000);

/** Runs the wizard with the article's example to Finish (the request kept in this browser); returns the kept id. */
async function keptRequest(page: Page): Promise<string> {
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await next(page, "Where do you want to save the offline request?");
  await finish(page);
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open("certificate-request-wizard");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const keys = open.result.transaction("pending-requests").objectStore("pending-requests").getAllKeys();
          keys.onsuccess = () => {
            open.result.close();
            resolve(String(keys.result[0]));
          };
        };
      }),
  );
}

/** Counts what the admin does on the ACME page: every click, fill and tick goes through here. */
function admin(page: Page) {
  let count = 0;
  return {
    click: async (l: Locator) => (count++, l.click()),
    fill: async (l: Locator, v: string) => (count++, l.fill(v)),
    check: async (l: Locator) => (count++, l.check()),
    download: async (l: Locator, dir: string) => (count++, download(page, l, dir)),
    setFiles: async (l: Locator, f: string) => (count++, l.setInputFiles(f)),
    get count() {
      return count;
    },
  };
}
type Admin = ReturnType<typeof admin>;

async function contactPebble(page: Page, user: Admin): Promise<void> {
  await user.check(page.getByLabel("Another ACME directory"));
  await user.fill(page.getByLabel("Directory URL"), PEBBLE_DIRECTORY);
  await user.click(page.getByRole("button", { name: "Contact the CA" }));
  await expect(page.getByText(`Connected to ${PEBBLE_DIRECTORY}`)).toBeVisible();
}

async function newAccount(page: Page, user: Admin, dir: string): Promise<string> {
  // Pebble's terms are a data: URL: shown as text, never followed (only an https: address becomes a link).
  await expect(page.getByText("Terms of service: data:text/plain,")).toBeVisible();
  await expect(page.getByRole("link", { name: "Read the terms of service" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create the account" })).toBeDisabled();
  await user.check(page.getByLabel("I accept the CA's terms of service"));
  await user.fill(page.getByLabel("Passphrase for the account file"), ACCOUNT_PASSPHRASE);
  await user.fill(page.getByLabel("Confirm the passphrase"), ACCOUNT_PASSPHRASE);
  await user.click(page.getByRole("button", { name: "Create the account" }));
  await expect(page.getByText(/^Account: https:\/\/127\.0\.0\.1:14000\//)).toBeVisible({ timeout: 60_000 });
  const file = await user.download(page.getByRole("button", { name: "Save the account file" }), dir);
  // The account key is in the file only encrypted, under the passphrase.
  const account = JSON.parse(readFileSync(file.path, "utf8"));
  expect(account.key).toContain("-----BEGIN ENCRYPTED PRIVATE KEY-----");
  writeFileSync(join(dir, "account.key"), account.key);
  expect(
    openssl("pkey", "-in", join(dir, "account.key"), "-passin", `pass:${ACCOUNT_PASSPHRASE}`, "-noout", "-text"),
  ).toContain("P-256");
  return file.path;
}

/** The names of the order, each an article with its challenges. */
async function orderNames(page: Page): Promise<string[]> {
  const articles = page.getByRole("article");
  await expect(articles.first()).toBeVisible({ timeout: 60_000 });
  return articles.evaluateAll((all) => all.map((a) => a.getAttribute("aria-label")!));
}

/** The admin puts the file on the proxy (through challtestsrv), then clicks Check; the name is proven. */
async function answerHttp01(page: Page, user: Admin, name: string, wrong = false): Promise<void> {
  const challenge = page.getByRole("article", { name, exact: true }).locator(".challenge", { hasText: "http-01" });
  const path = await challenge.locator("code").nth(0).textContent();
  const content = await challenge.locator("code").nth(1).textContent();
  const token = path!.replace("/.well-known/acme-challenge/", "");
  expect(content).toMatch(new RegExp(`^${token}\\.[A-Za-z0-9_-]{43}$`));
  await pebble.addHttp01(token, wrong ? `${token}.not-the-thumbprint` : content!);
  await user.click(page.getByRole("button", { name: `Check http-01 for ${name}` }));
}

async function answerDns01(page: Page, user: Admin, name: string): Promise<void> {
  const challenge = page.getByRole("article", { name, exact: true }).locator(".challenge", { hasText: "dns-01" });
  await expect(challenge.locator("code").nth(0)).toHaveText(`_acme-challenge.${name}`);
  const value = await challenge.locator("code").nth(1).textContent();
  expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await pebble.setTxt(name, value!);
  await user.click(page.getByRole("button", { name: `Check dns-01 for ${name}` }));
  await expect(page.getByRole("article", { name, exact: true }).getByText(/the CA was asked at/i)).toBeVisible({
    timeout: 60_000,
  });
}

async function proven(page: Page, name: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 3, name: `${name}: proven` })).toBeVisible({ timeout: 60_000 });
}

/** The issued chain, checked by OpenSSL against Pebble's root, with the request's names and key. */
async function checkChain(page: Page, dir: string, names: string[]): Promise<string> {
  await expect(page.getByRole("heading", { name: "Complete the request" })).toBeVisible({ timeout: 90_000 });
  const chain = await download(page, page.getByRole("button", { name: "Save the CA's chain (PEM)" }), dir);
  const root = join(dir, "pebble-root.pem");
  const intermediate = join(dir, "pebble-intermediate.pem");
  writeFileSync(root, await pebble.root());
  writeFileSync(intermediate, await pebble.intermediate());
  const pem = readFileSync(chain.path, "utf8");
  const leaf = join(dir, "leaf.pem");
  writeFileSync(leaf, pem.slice(0, pem.indexOf("-----END CERTIFICATE-----") + 25) + "\n");
  expect(openssl("verify", "-CAfile", root, "-untrusted", chain.path, leaf)).toContain(": OK");
  expect(openssl("verify", "-CAfile", root, "-untrusted", intermediate, leaf)).toContain(": OK");
  const text = openssl("x509", "-in", leaf, "-noout", "-ext", "subjectAltName");
  for (const n of names) expect(text).toContain(`DNS:${n}`);
  return leaf;
}

/** On the Complete page inside the ACME page: the kept request is the key; open it and export one .pfx. */
async function exportPfx(page: Page, user: Admin, dir: string, leaf: string, profile?: string): Promise<string> {
  await expect(page.getByText("The certificate matches the private key.")).toBeVisible({ timeout: 30_000 });
  await user.fill(page.getByLabel("Passphrase of the private key"), PASSPHRASE);
  await user.click(page.getByRole("button", { name: "Open the key" }));
  await expect(page.getByLabel("Passphrase of the private key")).toHaveAccessibleDescription(/Opened\./, {
    timeout: 60_000,
  });
  if (profile) await user.check(page.getByLabel(profile));
  await user.check(page.getByLabel("Protect the .pfx with the key's passphrase"));
  const pfx = await user.download(page.getByRole("button", { name: "Export" }), dir);
  expect(pfx.name).toMatch(/\.pfx$/);
  const info = opensslStatus("pkcs12", "-in", pfx.path, "-info", "-nodes", "-passin", `pass:${PASSPHRASE}`);
  expect(info.ok, info.out).toBe(true);
  const key = join(dir, `${pfx.name}.key.pem`);
  writeFileSync(key, openssl("pkcs12", "-in", pfx.path, "-nocerts", "-nodes", "-passin", `pass:${PASSPHRASE}`));
  expect(openssl("pkey", "-in", key, "-pubout")).toBe(openssl("x509", "-in", leaf, "-noout", "-pubkey"));
  return info.out;
}

test.describe("with Pebble", () => {
  test.beforeAll(async () => {
    pebble = await startPebble();
  });
  test.afterAll(async () => {
    await pebble?.stop();
  });

  test("from Finish, the save page's link opens the ACME page; the kept request is issued over http-01 and completed into both .pfx profiles", async ({
    page: wizard,
  }) => {
    const dir = tempDir();
    await keptRequest(wizard);
    // The explicit choice after Finish: a link that says it opens a page that contacts the CA, in a new tab.
    const link = wizard.getByRole("link", { name: "Get it issued (ACME)…" });
    await expect(link.locator("..")).toContainText("contacts the ACME CA you choose");
    const [page] = await Promise.all([wizard.context().waitForEvent("page"), link.click()]);
    await expect(page.getByRole("heading", { level: 1, name: "Get it issued (ACME)" })).toBeVisible();
    const names = page.getByText("The order asks for exactly these names:");
    await expect(names).toBeVisible();
    const user = admin(page);

    await contactPebble(page, user);
    await newAccount(page, user, dir);
    await user.click(page.getByRole("button", { name: /^Order the certificate/ }));
    const ordered = await orderNames(page);
    expect(ordered.length).toBeGreaterThan(1);
    await expect(names).toContainText(ordered[0]!);
    for (const name of ordered) {
      await answerHttp01(page, user, name);
      await proven(page, name);
    }
    const leaf = await checkChain(page, dir, ordered);
    const legacy = await exportPfx(page, user, dir, leaf);
    expect(legacy).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);
    console.log(
      `interactions from Finish's ACME link to the downloaded .pfx: ${user.count + 1} (${ordered.length} names, one Check each)`,
    );
    const modern = await exportPfx(page, user, dir, leaf, "AES256-SHA256");
    expect(modern).toMatch(/PBES2, PBKDF2, AES-256-CBC/);
    // Issued and completed: nothing is left to resume.
    expect(await page.evaluate(() => localStorage.getItem("certificate-request-wizard/acme-order"))).toBeNull();
  });

  test("dns-01: the TXT record per name, and the Check says when the CA is asked", async ({ page }) => {
    const dir = tempDir();
    await keptRequest(page);
    // Without an id in the link, the newest kept request is chosen.
    await page.goto("/acme.html");
    const user = admin(page);
    await contactPebble(page, user);
    await newAccount(page, user, dir);
    await user.click(page.getByRole("button", { name: /^Order the certificate/ }));
    const ordered = await orderNames(page);
    for (const name of ordered) {
      await answerDns01(page, user, name);
      await proven(page, name);
    }
    await checkChain(page, dir, ordered);
  });

  test("a wrong answer makes the order invalid, said in one sentence with the CA's own detail", async ({ page }) => {
    const dir = tempDir();
    await keptRequest(page);
    await page.goto("/acme.html");
    const user = admin(page);
    await contactPebble(page, user);
    await newAccount(page, user, dir);
    await user.click(page.getByRole("button", { name: /^Order the certificate/ }));
    const [first] = await orderNames(page);
    await answerHttp01(page, user, first!, true);
    const article = page.getByRole("article", { name: first, exact: true });
    const sentence = article.getByRole("alert");
    await expect(sentence).toHaveText(/^The CA did not accept the proof of control of the name: the CA says ".+"\.$/, {
      timeout: 60_000,
    });
    await expect(page.getByText(/^Order: .* — invalid\./)).toBeVisible();
    await expect(page.getByText(/at .*\.(ts|js):\d+/)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Start a new order" })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem("certificate-request-wizard/acme-order"))).toBeNull();
  });

  test("a reload mid-order resumes it with the account file", async ({ page }) => {
    const dir = tempDir();
    await keptRequest(page);
    await page.goto("/acme.html");
    const user = admin(page);
    await contactPebble(page, user);
    const accountFile = await newAccount(page, user, dir);
    await user.click(page.getByRole("button", { name: /^Order the certificate/ }));
    const ordered = await orderNames(page);
    const orderUrl = (await page.getByText(/^Order: /).textContent())!.replace(/^Order: (\S+).*$/, "$1");
    // One name proven before the reload, the others after.
    await answerHttp01(page, user, ordered[0]!);
    await proven(page, ordered[0]!);

    await page.reload();
    await expect(page.getByText(/An order placed from this page at .* is under way/)).toBeVisible();
    await expect(page.getByLabel("Another ACME directory")).toBeChecked();
    await expect(page.getByLabel("Directory URL")).toHaveValue(PEBBLE_DIRECTORY);
    await user.click(page.getByRole("button", { name: "Contact the CA" }));
    await expect(page.getByLabel("The account file this page gave you")).toBeChecked();
    await user.setFiles(page.getByLabel("Choose the account file…"), accountFile);
    await user.fill(page.getByLabel("Passphrase of the account file"), ACCOUNT_PASSPHRASE);
    await user.click(page.getByRole("button", { name: "Open the account" }));
    await expect(page.getByText(`Order: ${orderUrl}`)).toBeVisible({ timeout: 60_000 });
    await proven(page, ordered[0]!);
    for (const name of ordered.slice(1)) {
      await answerHttp01(page, user, name);
      await proven(page, name);
    }
    await checkChain(page, dir, ordered);
  });

  test("with ARI in the directory, the page shows when the CA suggests renewing", async ({ page }) => {
    // Pebble 2.4.0 has no renewalInfo: the test adds it to the directory and answers it, as RFC 9773 section 4.2 does.
    const asked: string[] = [];
    await page.route(PEBBLE_DIRECTORY, async (route) => {
      const response = await route.fetch();
      const json = { ...(await response.json()), renewalInfo: "https://127.0.0.1:14000/renewal-info" };
      await route.fulfill({ response, json });
    });
    await page.route("https://127.0.0.1:14000/renewal-info/**", async (route) => {
      asked.push(new URL(route.request().url()).pathname);
      await route.fulfill({
        json: { suggestedWindow: { start: "2027-01-10T00:00:00Z", end: "2027-01-12T00:00:00Z" } },
        headers: { "Access-Control-Allow-Origin": "*" },
      });
    });
    const dir = tempDir();
    await keptRequest(page);
    await page.goto("/acme.html");
    const user = admin(page);
    await contactPebble(page, user);
    await newAccount(page, user, dir);
    await user.click(page.getByRole("button", { name: /^Order the certificate/ }));
    const ordered = await orderNames(page);
    for (const name of ordered) {
      await answerHttp01(page, user, name);
      await proven(page, name);
    }
    const leaf = await checkChain(page, dir, ordered);
    await expect(page.getByText(/^The CA suggests renewing between .+ and .+\.$/)).toBeVisible();
    // The CertID: base64url of the leaf's Authority Key Identifier, ".", base64url of its serial.
    const aki = openssl("x509", "-in", leaf, "-noout", "-ext", "authorityKeyIdentifier")
      .split("\n")[1]!
      .trim()
      .replace(/^keyid:/, "");
    const akiB64 = Buffer.from(aki.replace(/:/g, ""), "hex").toString("base64url");
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(new RegExp(`^/renewal-info/${akiB64}\\.[A-Za-z0-9_-]+$`));
  });

  test("a request file dropped on the page is issued for exactly its names", async ({ page }) => {
    const dir = tempDir();
    const csr = join(dir, "www.csr");
    openssl(
      "req",
      "-new",
      ...newP256Key(join(dir, "www.key")),
      "-out",
      csr,
      "-subj",
      "/CN=www.fabrikam.example",
      "-addext",
      "subjectAltName=DNS:www.fabrikam.example,DNS:fabrikam.example",
    );
    await page.goto("/acme.html");
    await expect(page.getByText("No request is kept in this browser")).toBeVisible();
    const user = admin(page);
    await user.setFiles(page.getByLabel("Use a request file…"), csr);
    await expect(page.getByText("The order asks for exactly these names:")).toHaveText(
      "The order asks for exactly these names: www.fabrikam.example, fabrikam.example.",
    );
    await contactPebble(page, user);
    await newAccount(page, user, dir);
    await user.click(page.getByRole("button", { name: "Order the certificate (2 names)" }));
    const ordered = await orderNames(page);
    expect(ordered.sort()).toEqual(["fabrikam.example", "www.fabrikam.example"]);
    for (const name of ordered) {
      await answerHttp01(page, user, name);
      await proven(page, name);
    }
    const leaf = await checkChain(page, dir, ordered);
    expect(openssl("pkey", "-in", join(dir, "www.key"), "-pubout")).toBe(
      openssl("x509", "-in", leaf, "-noout", "-pubkey"),
    );
  });
});

test.describe("with Pebble requiring an external account binding", () => {
  // Pebble's own example key (pebble-config-external-account-bindings.json).
  const EAB = { "kid-1": "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W" };
  test.beforeAll(async () => {
    pebble = await startPebble({ eab: EAB });
  });
  test.afterAll(async () => {
    await pebble?.stop();
  });

  test("the account is bound with the CA's key ID and HMAC key, and a wrong HMAC key is refused in one sentence", async ({
    page,
  }) => {
    const dir = tempDir();
    await keptRequest(page);
    await page.goto("/acme.html");
    const user = admin(page);
    await contactPebble(page, user);
    await expect(page.getByRole("group", { name: "External account binding (this CA requires it)" })).toBeVisible();
    await user.fill(page.getByLabel("Key ID from the CA"), "kid-1");
    await user.fill(
      page.getByLabel("HMAC key from the CA"),
      "b10lLJs8l1GPIzsLP0s6pMt8O0XVGnfTaCeROxQM0BIt2XrJMDHJZBM5NuQmQJQH",
    );
    await user.check(page.getByLabel("I accept the CA's terms of service"));
    await user.fill(page.getByLabel("Passphrase for the account file"), ACCOUNT_PASSPHRASE);
    await user.fill(page.getByLabel("Confirm the passphrase"), ACCOUNT_PASSPHRASE);
    await user.click(page.getByRole("button", { name: "Create the account" }));
    await expect(page.getByRole("alert")).toHaveText(
      /^The CA did not accept the external account binding \(check the key ID and the HMAC key\): the CA says ".+"\.$/,
      {
        timeout: 60_000,
      },
    );
    // The HMAC key is not kept once used: typed again, the right one.
    await expect(page.getByLabel("HMAC key from the CA")).toHaveValue("");
    await user.fill(page.getByLabel("HMAC key from the CA"), EAB["kid-1"]);
    await user.click(page.getByRole("button", { name: "Create the account" }));
    await expect(page.getByText(/^Account: https:\/\/127\.0\.0\.1:14000\//)).toBeVisible({ timeout: 60_000 });
    await user.click(page.getByRole("button", { name: /^Order the certificate/ }));
    const ordered = await orderNames(page);
    for (const name of ordered) {
      await answerHttp01(page, user, name);
      await proven(page, name);
    }
    await checkChain(page, dir, ordered);
  });
});

test.describe("with Pebble refusing every nonce", () => {
  test.beforeAll(async () => {
    pebble = await startPebble({ nonceReject: 100 });
  });
  test.afterAll(async () => {
    await pebble?.stop();
  });

  test("a badNonce is retried once with the CA's fresh nonce, then said in one sentence", async ({ page }) => {
    await keptRequest(page);
    await page.goto("/acme.html");
    const user = admin(page);
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().startsWith("https://127.0.0.1:14000/")) posts.push(r.url());
    });
    await contactPebble(page, user);
    await user.check(page.getByLabel("I accept the CA's terms of service"));
    await user.fill(page.getByLabel("Passphrase for the account file"), ACCOUNT_PASSPHRASE);
    await user.fill(page.getByLabel("Confirm the passphrase"), ACCOUNT_PASSPHRASE);
    await user.click(page.getByRole("button", { name: "Create the account" }));
    await expect(page.getByRole("alert")).toHaveText(
      /^The CA refused the request's nonce twice; try again: the CA says ".+"\.$/,
      {
        timeout: 60_000,
      },
    );
    expect(posts).toHaveLength(2);
    expect(new Set(posts).size).toBe(1);
  });
});

test("a CA the browser cannot reach gets one sentence and the commands for command-line clients", async ({ page }) => {
  const dir = tempDir();
  await keptRequest(page);
  await page.goto("/acme.html");
  // Nothing listens on port 9: the fetch fails as it does for a CA that sends no CORS headers.
  await page.getByLabel("Another ACME directory").check();
  await page.getByLabel("Directory URL").fill("https://127.0.0.1:9/directory");
  await page.getByRole("button", { name: "Contact the CA" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    /^The browser could not reach https:\/\/127\.0\.0\.1:9, or the CA does not let a web page read its answers \(CORS\): certbot, acme\.sh and Posh-ACME take this page's request instead, with the commands below\.$/,
  );
  const commands = page.getByRole("region", { name: "Command-line clients" });
  const csr = await download(page, commands.getByRole("button", { name: /^Download the request/ }), dir);
  expect(csr.name).toMatch(/^[A-Za-z0-9._-]+\.csr$/);
  expect(readFileSync(csr.path, "utf8")).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
  const verified = opensslStatus("req", "-in", csr.path, "-noout", "-verify");
  expect(verified.ok && /verify OK/i.test(verified.out), verified.out).toBe(true);
  await expect(
    commands.getByText(`certbot certonly --manual --server 'https://127.0.0.1:9/directory' --csr ${csr.name}`),
  ).toBeVisible();
  await expect(commands.getByText(`acme.sh --sign-csr --csr ${csr.name}`, { exact: false })).toBeVisible();
  await expect(commands.getByText(`New-PACertificate -CSRPath .\\${csr.name}`, { exact: false })).toBeVisible();
});

test.describe("with Pebble rate-limiting, then going away", () => {
  test.beforeAll(async () => {
    pebble = await startPebble();
  });
  test.afterAll(async () => {
    await pebble?.stop();
  });

  test("a rate-limit problem document is one sentence with the CA's own detail", async ({ page }) => {
    const dir = tempDir();
    await keptRequest(page);
    await page.goto("/acme.html");
    const user = admin(page);
    await contactPebble(page, user);
    await newAccount(page, user, dir);
    // Pebble 2.4.0 has no rate limits: its newOrder answers as Let's Encrypt does when one is reached.
    await page.route("https://127.0.0.1:14000/order-plz", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 429,
            headers: {
              "Content-Type": "application/problem+json",
              "Access-Control-Allow-Origin": "*",
              "Access-Control-Expose-Headers": "Link, Replay-Nonce, Location, Retry-After",
              "Replay-Nonce": "rate-limited-nonce",
              "Retry-After": "3600",
            },
            body: JSON.stringify({
              type: "urn:ietf:params:acme:error:rateLimited",
              detail: "too many new orders (300) from this account in the last 3h0m0s",
              status: 429,
            }),
          })
        : route.fallback(),
    );
    await user.click(page.getByRole("button", { name: /^Order the certificate/ }));
    await expect(page.getByRole("alert").filter({ hasText: "rate limit" })).toHaveText(
      /^The CA refuses more requests for now \(a rate limit\); try again later.*the CA says "too many new orders \(300\) from this account in the last 3h0m0s"/,
      { timeout: 30_000 },
    );
    await expect(page.getByText(/at .*\.(ts|js):\d+/)).toHaveCount(0);
  });

  test("a CA that goes away mid-order is said in one sentence, and the order is kept to resume", async ({ page }) => {
    const dir = tempDir();
    await keptRequest(page);
    await page.goto("/acme.html");
    const user = admin(page);
    await contactPebble(page, user);
    await newAccount(page, user, dir);
    await user.click(page.getByRole("button", { name: /^Order the certificate/ }));
    const [first] = await orderNames(page);
    // The CA goes away: stopping twice (here and in afterAll) is harmless.
    await pebble.stop();
    await user.click(page.getByRole("button", { name: `Check http-01 for ${first}` }));
    await expect(page.getByRole("alert").filter({ hasText: "127.0.0.1:14000" }).first()).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByText(/at .*\.(ts|js):\d+/)).toHaveCount(0);
    // The order's address is kept (no secret in it), so a reload once the CA is back resumes it.
    expect(await page.evaluate(() => localStorage.getItem("certificate-request-wizard/acme-order"))).toContain(
      "https://127.0.0.1:14000/",
    );
  });
});
