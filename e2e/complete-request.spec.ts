/** Complete the request with a real (throwaway) CA: match, inspect and export .pfx files OpenSSL reads as promised. */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { issue, makeCa, p7b, type TestCa } from "../test/helpers/ca";
import {
  collectDownloads,
  completeWithKeptRequest,
  download,
  finish,
  heading,
  next,
  openssl,
  opensslStatus,
  PASSPHRASE,
  ARTICLE_EXAMPLE,
  startAndReachInformation,
  tempDir,
} from "./helpers";

const NAME = "Reverse Proxy Listener for Lync Server";
/** Every download is named after the friendly name with its spaces as hyphens (src/pki/file-names.ts). */
const FILE = "Reverse-Proxy-Listener-for-Lync-Server";

/** Runs the wizard with the reverse-proxy example and returns the downloaded request and key. */
async function requestFromWizard(page: Page, dir: string) {
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await next(page, "Where do you want to save the offline request?");
  await expect(page.getByLabel("Keep this request in this browser until the certificate comes back")).toBeChecked();
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  const key = await download(page, page.getByRole("button", { name: "Download encrypted private key" }), dir);
  return { req: req.path, key: key.path };
}

/** The wizard's request, issued by the test CA, and Complete the request open: what most tests start from. */
async function issuedAndOnComplete(page: Page, dir: string) {
  const { req, key } = await requestFromWizard(page, dir);
  const leaf = issue(ca, { request: req, out: join(dir, "webext.crt") });
  await next(page, "Complete the request");
  return { req, key, leaf };
}

async function loadCertificates(page: Page, files: string[]) {
  await page.getByLabel("Load the certificate…").setInputFiles(files);
}

/** `openssl pkcs12 -info`: it prints the algorithms on stderr and the bags on stdout; both are read. */
function pfxInfo(path: string, password = PASSPHRASE): string {
  const run = opensslStatus("pkcs12", "-in", path, "-info", "-nodes", "-passin", `pass:${password}`);
  expect(run.ok).toBe(true);
  return run.out;
}

function keyOfPfxMatches(pfx: string, cert: string, password = PASSPHRASE): void {
  const key = execFileSync("openssl", ["pkcs12", "-in", pfx, "-nocerts", "-nodes", "-passin", `pass:${password}`]);
  const pub = execFileSync("openssl", ["pkey", "-pubout"], { input: key }).toString();
  expect(pub).toBe(openssl("x509", "-in", cert, "-noout", "-pubkey"));
}

let ca: TestCa;
test.beforeAll(() => {
  ca = makeCa();
});

test("a kept request, its issued certificate and the intermediate export to both .pfx profiles", async ({ page }) => {
  const dir = tempDir();
  const { req } = await requestFromWizard(page, dir);
  const leaf = issue(ca, { request: req, out: join(dir, "webext.crt") });

  await next(page, "Complete the request");
  await page.getByRole("radio", { name: `Use ${NAME}` }).check();
  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the key" }).click();
  await expect(page.getByLabel("Passphrase of the private key")).toHaveAccessibleDescription(
    /Opened\. Public key SHA-256/,
  );
  await loadCertificates(page, [leaf, ca.intermediate]);
  await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
  await expect(page.getByText("The CA kept every name and usage the request asked for.")).toBeVisible();
  const card = page.locator(".cert-card");
  await expect(card).toContainText("Issued by");
  await expect(card).toContainText("CN=Contoso Test Issuing CA");
  await expect(card).toContainText("DNS=lyncdiscover.contoso.com");
  const thumbprint = openssl("x509", "-in", leaf, "-noout", "-fingerprint", "-sha1")
    .split("=")[1]!
    .trim()
    .replace(/:/g, "");
  await expect(card).toContainText(thumbprint);
  await expect(page.getByText("The chain stops before a root")).toBeVisible();
  await expect(page.getByLabel("Friendly name")).toHaveValue(NAME);

  await expect(page.getByLabel("TripleDES-SHA1")).toBeChecked();
  // The .pfx gets its own generated password unless the admin picks the key's passphrase, with a plain warning.
  await expect(page.getByLabel("Protect the .pfx with the key's passphrase")).not.toBeChecked();
  await expect(page.getByLabel(".pfx password", { exact: true })).toHaveValue(/^(\w{5}-){4}\w{5}$/);
  await page.getByLabel("Protect the .pfx with the key's passphrase").check();
  await expect(page.getByText("only 2,048 iterations")).toBeVisible();
  const legacy = await download(page, page.getByRole("button", { name: "Export" }), dir);
  expect(legacy.name).toBe(`${FILE}.pfx`);
  const info = pfxInfo(legacy.path);
  expect(info).toMatch(/MAC: sha1, Iteration 2048/);
  expect(info).toMatch(/PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/);
  expect(info).toMatch(/Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/);
  expect(info.match(new RegExp(`friendlyName: ${NAME}`, "g"))).toHaveLength(2);
  expect(info).toContain("Microsoft CSP Name: Microsoft RSA SChannel Cryptographic Provider");
  expect(info).toContain("X509v3 Key Usage: 10");
  expect(info).toMatch(/subject=CN = webext\.contoso\.com/);
  expect(info).toMatch(/subject=CN = Contoso Test Issuing CA/);
  keyOfPfxMatches(legacy.path, leaf);
  // The key and the passwords leave memory once exported: the next export opens the key again.
  await expect(page.getByRole("status").filter({ hasText: `Exported ${FILE}.pfx` })).toContainText(
    "the private key and 2 certificates, TripleDES-SHA1",
  );
  await expect(page.getByLabel("Passphrase of the private key")).toHaveValue("");
  await page.getByRole("button", { name: "Export" }).click();
  await expect(page.getByText("Open the private key with its passphrase first.")).toBeVisible();
  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the key" }).click();
  await expect(page.getByLabel("Passphrase of the private key")).toHaveAccessibleDescription(/Opened\./);

  await page.getByLabel("AES256-SHA256").check();
  const modern = await download(page, page.getByRole("button", { name: "Export" }), dir);
  const aes = pfxInfo(modern.path);
  expect(aes).toMatch(/MAC: sha256, Iteration 2048/);
  expect(aes).toMatch(/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/);
  expect(aes).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/);
  keyOfPfxMatches(modern.path, leaf);
  expect(opensslStatus("pkcs12", "-in", modern.path, "-info", "-nodes", "-passin", "pass:wrong").ok).toBe(false);

  // The certificate alone and the chain.
  const cer = await download(page, page.getByRole("button", { name: "Download certificate (.cer, DER)" }), dir);
  expect(openssl("x509", "-in", cer.path, "-inform", "DER", "-noout", "-subject")).toContain("CN = webext.contoso.com");
  const chain = await download(page, page.getByRole("button", { name: "Download chain (PEM)" }), dir);
  expect(opensslStatus("verify", "-partial_chain", "-CAfile", ca.intermediate, chain.path).out).toContain("OK");
});

test("with the root loaded too, the chain is complete and the root goes in only when asked; a new .pfx password works", async ({
  page,
}) => {
  const dir = tempDir();
  const { req, key } = await requestFromWizard(page, dir);
  const leaf = issue(ca, { request: req, out: join(dir, "webext.crt") });
  const bundle = p7b([leaf, ca.intermediate, ca.root], join(dir, "chain.p7b"));
  await next(page, "Complete the request");
  // The key file instead of the kept request.
  await page.getByLabel("Load an encrypted private key file…").setInputFiles(key);
  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the key" }).click();
  await loadCertificates(page, [bundle]);
  await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
  await expect(page.getByText("The chain stops before a root")).toHaveCount(0);
  // The key file's public key is that of a request this browser keeps: its friendly name comes with it.
  await expect(page.getByLabel("Friendly name")).toHaveValue(NAME);
  await page.getByLabel("Friendly name").fill("Edge farm listener");
  await page.getByLabel("Include the root certificate").check();
  await expect(page.getByLabel("Protect the .pfx with the key's passphrase")).not.toBeChecked();
  // A generated password waits for "I have stored this password"; a typed one is confirmed instead.
  await page.getByRole("button", { name: "Export" }).click();
  await expect(page.getByText('tick "I have stored this password"')).toBeVisible();
  await page.getByLabel(".pfx password", { exact: true }).fill("new pfx password 1");
  await page.getByLabel("Confirm .pfx password").fill("new pfx password 2");
  await page.getByRole("button", { name: "Export" }).click();
  await expect(page.getByText("The .pfx passwords differ")).toBeVisible();
  await page.getByLabel("Confirm .pfx password").fill("new pfx password 1");
  const pfx = await download(page, page.getByRole("button", { name: "Export" }), dir);
  expect(pfx.name).toBe("Edge-farm-listener.pfx");
  const info = pfxInfo(pfx.path, "new pfx password 1");
  expect(info).toMatch(/subject=CN = Contoso Test Root CA/);
  expect(info.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(3);
  expect(info.match(/friendlyName: Edge farm listener/g)).toHaveLength(2);
});

test("a certificate for another key, a wrong passphrase and files that are not certificates are refused with one sentence", async ({
  page,
}) => {
  const dir = tempDir();
  const { req } = await requestFromWizard(page, dir);
  execFileSync("openssl", [
    "req",
    "-new",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    join(dir, "other.key"),
    "-subj",
    "/CN=other.contoso.com",
    "-out",
    join(dir, "other.csr"),
  ]);
  const other = issue(ca, { request: join(dir, "other.csr"), out: join(dir, "other.crt") });
  await next(page, "Complete the request");
  await page.getByRole("radio", { name: `Use ${NAME}` }).check();
  await page.getByLabel("Passphrase of the private key").fill("not the passphrase");
  await page.getByRole("button", { name: "Open the key" }).click();
  await expect(page.getByLabel("Passphrase of the private key")).toHaveAccessibleDescription(
    "The passphrase does not open this key.",
  );

  await loadCertificates(page, [other]);
  await expect(page.getByRole("alert")).toContainText("This certificate is not for this key");
  await expect(page.getByRole("alert")).toContainText(
    "CN=other.contoso.com belongs to the key with SHA-256 fingerprint",
  );
  await expect(page.getByRole("button", { name: "Export" })).toHaveCount(0);

  const field = page.getByLabel("Load the certificate…");
  const bad: [string, Buffer | string, RegExp][] = [
    ["notes.txt", "This is not a certificate.", /not a certificate/],
    [
      "cut.cer",
      execFileSync("openssl", ["x509", "-in", other, "-outform", "DER"]).subarray(0, 200),
      /damaged or cut short/,
    ],
    ["empty.p7b", Buffer.from(""), /is empty/],
    [
      "request.cer",
      execFileSync("openssl", ["req", "-in", req, "-outform", "PEM"]),
      /certificate request, not the certificate/,
    ],
  ];
  bad.push(["nocerts.p7b", readFileSync(p7b([], join(dir, "nocerts.p7b"))), /no certificate in it/]);
  for (const [name, content, says] of bad) {
    writeFileSync(join(dir, name), content);
    await field.setInputFiles(join(dir, name));
    await expect(field).toHaveAccessibleDescription(says);
  }
  // PEM with text around it is read.
  writeFileSync(join(dir, "mail.txt"), `Your certificate:\n${readFileSync(other, "utf8")}\nRegards, the CA`);
  await field.setInputFiles(join(dir, "mail.txt"));
  await expect(page.getByRole("list", { name: "Certificates loaded" }).getByRole("listitem")).toHaveCount(2);
});

test("after a reload, a request kept in the browser is completed, and deleting one asks first", async ({ page }) => {
  const dir = tempDir();
  const { req } = await requestFromWizard(page, dir);
  const leaf = issue(ca, { request: req, out: join(dir, "webext.crt") });
  await page.reload();
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByRole("button", { name: "Complete a pending request…" }).click();
  await expect(heading(page, "Complete the request")).toBeVisible();
  const rows = page.getByRole("table", { name: "Pending requests kept in this browser" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  expect(before).toBeGreaterThan(0);
  await page
    .getByRole("radio", { name: `Use ${NAME}` })
    .first()
    .check();
  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the key" }).click();
  await loadCertificates(page, [leaf]);
  await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
  await page.getByLabel("AES256-SHA256").check();
  const generated = await page.getByLabel(".pfx password", { exact: true }).inputValue();
  await page.getByLabel("I have stored this password").check();
  const pfx = await download(page, page.getByRole("button", { name: "Export" }), dir);
  keyOfPfxMatches(pfx.path, leaf, generated);

  // Nothing unencrypted is stored: every record's key is the PBES2 file.
  const stored = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open("certificate-request-wizard");
        open.onsuccess = () => {
          const all = open.result.transaction("pending-requests").objectStore("pending-requests").getAll();
          all.onsuccess = () =>
            resolve(JSON.stringify(all.result.map((r: { encryptedKey: string }) => r.encryptedKey)));
        };
      }),
  );
  expect(stored).toContain("BEGIN ENCRYPTED PRIVATE KEY");
  expect(stored).not.toMatch(/BEGIN (RSA |EC )?PRIVATE KEY/);

  await page
    .getByRole("button", { name: `Delete ${NAME}` })
    .first()
    .click();
  await expect(page.getByRole("group", { name: "Confirm delete" })).toContainText(
    "Delete this request and its encrypted key?",
  );
  await page.getByRole("button", { name: "Keep" }).click();
  await expect(rows).toHaveCount(before);
  await page
    .getByRole("button", { name: `Delete ${NAME}` })
    .first()
    .click();
  await page.getByRole("group", { name: "Confirm delete" }).getByRole("button", { name: "Delete" }).click();
  await expect(rows).toHaveCount(before - 1);
});

test("after Export, the page says what was written and the next steps on the proxy, and offers to delete the kept request", async ({
  page,
}) => {
  const dir = tempDir();
  const { leaf } = await issuedAndOnComplete(page, dir);
  const rows = page.getByRole("table", { name: "Pending requests kept in this browser" }).locator("tbody tr");
  await page
    .getByRole("radio", { name: `Use ${NAME}` })
    .first()
    .check();
  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the key" }).click();
  await loadCertificates(page, [leaf, ca.intermediate]);
  await page.getByLabel("Protect the .pfx with the key's passphrase").check();
  const before = await rows.count();
  await download(page, page.getByRole("button", { name: "Export" }), dir);
  const done = page.getByRole("region", { name: "Exported" });
  await expect(done.getByRole("status")).toContainText(`Exported ${FILE}.pfx: the private key and 2 certificates`);
  await expect(done.getByRole("heading", { name: "Next steps on the proxy" })).toBeVisible();
  await expect(done).toContainText("Local Computer\\Personal");
  await expect(done).toContainText("IIS ARR");
  // The validity sits beside today's public maximum, and the reminder lands a margin before notAfter.
  await expect(
    page.getByText(/A lifetime of \d+ days\. A public TLS certificate issued today lives at most \d+ days/),
  ).toBeVisible();
  const ics = await download(page, done.getByRole("button", { name: "Add a renewal reminder" }), dir);
  expect(ics.name).toBe(`renew-${FILE}.ics`);
  const text = readFileSync(ics.path, "utf8");
  expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
  const unfolded = text.replace(/\r\n /g, "");
  const start = /^DTSTART;VALUE=DATE:(\d{8})$/m.exec(unfolded.replace(/\r/g, ""))![1]!;
  const [notBefore, notAfter] = ["-startdate", "-enddate"].map(
    (flag) => new Date(openssl("x509", "-in", leaf, "-noout", flag).split("=")[1]!.trim()),
  );
  const lifetime = (notAfter!.getTime() - notBefore!.getTime()) / 86_400_000;
  const margin = Math.min(30, Math.floor(lifetime / 3));
  const expected = new Date(notAfter!.getTime() - margin * 86_400_000).toISOString().slice(0, 10).replace(/-/g, "");
  expect(start).toBe(expected);
  expect(unfolded).toMatch(/SUMMARY:Renew the certificate webext\.contoso\.com\r\n/);
  expect(unfolded).toContain(
    `Thumbprint (SHA-1): ${openssl("x509", "-in", leaf, "-noout", "-fingerprint", "-sha1").split("=")[1]!.trim().replace(/:/g, "")}`,
  );

  await done.getByRole("button", { name: "Delete the kept request…" }).click();
  await done.getByRole("group", { name: "Kept request" }).getByRole("button", { name: "Delete" }).click();
  await expect(done).toContainText("The kept request and its encrypted key are deleted");
  await expect(rows).toHaveCount(before - 1);
});

test("Export pressed while the key is still being opened waits for it, says so, and writes the .pfx", async ({
  page,
}) => {
  const dir = tempDir();
  const { leaf } = await issuedAndOnComplete(page, dir);
  await page.getByRole("radio", { name: /^Use / }).first().check();
  // A kept request's certificate matches before its key is opened: Export is offered at once.
  await loadCertificates(page, [leaf, ca.intermediate]);
  await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
  await page.getByLabel("I have stored this password").check();
  const password = await page.getByLabel(".pfx password", { exact: true }).inputValue();
  await page.getByLabel("Passphrase of the private key").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the key" }).click();
  // PBKDF2 with 600,000 iterations takes a moment: Export says it waits, then runs.
  const exporting = page.waitForEvent("download");
  await page.getByRole("button", { name: /^(Opening the key…|Export)$/ }).click();
  const file = await exporting;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  keyOfPfxMatches(path, leaf, password);
  await expect(page.getByText("Open the private key with its passphrase first.")).toHaveCount(0);
});

for (const [from, to, encryption, expected] of [
  [
    "webext.aes256-sha256.pfx",
    "TripleDES-SHA1",
    "AES-256-CBC, 2048 iterations",
    /Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/,
  ],
  [
    "webext.tripledes-sha1.pfx",
    "AES256-SHA256",
    "pbeWithSHA1And3-KeyTripleDES-CBC, 2048 iterations",
    /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048/,
  ],
] as const) {
  test(`a .pfx (${from}) is opened, listed, and re-exported as ${to} under a new password`, async ({ page }) => {
    const dir = tempDir();
    await page.goto("/");
    await page.getByRole("button", { name: "Complete a pending request…" }).click();
    await expect(heading(page, "Complete the request")).toBeVisible();
    await page.getByLabel("Load an encrypted private key file…").setInputFiles(join("test", "vectors", from));
    await page.getByLabel("Password of the .pfx").fill("not it");
    await page.getByRole("button", { name: "Open the .pfx" }).click();
    await expect(page.getByText("The password does not open this .pfx.")).toBeVisible();
    await page.getByLabel("Password of the .pfx").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Open the .pfx" }).click();
    const contents = page.getByRole("region", { name: "Contents of the .pfx" });
    await expect(contents).toContainText("Integrity: HMAC-SHA-");
    await expect(contents).toContainText("CN=webext.contoso.com (the key's certificate)");
    await expect(contents).toContainText(encryption);
    await expect(page.getByText("The certificate matches the private key.")).toBeVisible();
    await page.getByLabel(to).check();
    await page.getByLabel(".pfx password", { exact: true }).fill("for the proxy");
    await page.getByLabel("Confirm .pfx password").fill("for the proxy");
    const pfx = await download(page, page.getByRole("button", { name: "Export" }), dir);
    const info = pfxInfo(pfx.path, "for the proxy");
    expect(info).toMatch(expected);
    expect(info).toContain("friendlyName: Reverse Proxy Listener for Lync Server");
    keyOfPfxMatches(pfx.path, join("test", "vectors", "webext.crt"), "for the proxy");
  });
}

for (const [target, count, config] of [
  ["NGINX", 2, "ssl_password_file"],
  ["Apache httpd", 3, "SSLPassPhraseDialog"],
  ["HAProxy", 1, "bind :443 ssl crt"],
] as const) {
  test(`Export for ${target} writes ${count} PEM file(s) whose chain OpenSSL verifies and whose key opens only with the password`, async ({
    page,
  }) => {
    const dir = tempDir();
    const { leaf } = await issuedAndOnComplete(page, dir);
    await completeWithKeptRequest(page, [leaf, ca.intermediate]);
    await page.getByLabel(target).check();
    // No .pfx profile for a PEM target; the key is said to be written encrypted.
    await expect(page.getByRole("group", { name: "Profile" })).toHaveCount(0);
    await expect(page.getByText(/this page never writes a key in the clear/)).toBeVisible();
    // A PEM target has no .pfx: its password is the export password.
    await expect(page.getByLabel(".pfx password", { exact: true })).toHaveCount(0);
    const password = await page.getByLabel("Export password", { exact: true }).inputValue();
    await page.getByLabel("I have stored this password").check();
    const files = collectDownloads(page, dir);
    await page.getByRole("button", { name: "Export" }).click();
    await expect.poll(() => files().length).toBe(count);
    const all = files()
      .map((f) => readFileSync(f, "utf8"))
      .join("");
    expect(all).not.toContain("-----BEGIN PRIVATE KEY-----");
    const keyFile = files().find((f) => readFileSync(f, "utf8").includes("ENCRYPTED PRIVATE KEY"))!;
    expect(opensslStatus("pkey", "-in", keyFile, "-passin", "pass:wrong", "-noout").ok).toBe(false);
    expect(openssl("pkey", "-in", keyFile, "-passin", `pass:${password}`, "-pubout")).toBe(
      openssl("x509", "-in", leaf, "-noout", "-pubkey"),
    );
    // The certificate first, then the intermediate: NGINX's fullchain and HAProxy's file hold both.
    const certFile = files().find((f) => /(crt|haproxy|fullchain)\.pem$/.test(f))!;
    const chainFile = files().find((f) => /(chain|haproxy)\.pem$/.test(f))!;
    expect(openssl("verify", "-CAfile", ca.root, "-untrusted", chainFile, certFile)).toContain(": OK");
    await expect(page.getByRole("region", { name: "Exported" }).getByLabel("Configuration lines")).toContainText(
      config,
    );
  });
}
