/**
 * Issue 19, as a new admin meets it: Client Authentication only where the CA takes it, no verdict before input,
 * each Exchange name its own choice, one primary action on Plan names, one error pattern (beside the field,
 * in the summary, a fix button), and the preflight's SHA-1, key size, reverse-DNS and Client Authentication rules.
 */
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import {
  addName,
  download,
  finish,
  heading,
  lineAfter,
  next,
  openssl,
  openTab,
  pick,
  properties,
  REVERSE_PROXY,
  startAndReachInformation,
  tempDir,
} from "./helpers";

const summary = (page: Page) => page.getByRole("alert").filter({ hasText: "Next cannot go on yet" });
const sip = (page: Page) => page.getByLabel("SIP domains");
const pools = (page: Page) =>
  page.getByRole("group", { name: "Front End pools", exact: true }).getByLabel("External web services FQDN");
const purposes = (page: Page) => page.locator(".purposes");
const findings = (page: Page) => page.getByRole("list", { name: "Preflight findings" });

async function reachPlanNames(page: Page, target?: "My own (internal) CA"): Promise<void> {
  await page.goto("/");
  await page.getByLabel(REVERSE_PROXY).check();
  if (target) await page.getByLabel(target).check();
  await next(page, "Select Certificate Enrollment Policy");
  await next(page, "Custom Request");
  await next(page, "Plan names");
}

async function typeNames(page: Page): Promise<void> {
  await sip(page).fill("northwind.net");
  await pools(page).fill("lyncweb.northwind.net");
}

test("for a public CA the request asks for Server Authentication only, and the article's Client Authentication is one click away with its warning", async ({
  page,
}) => {
  const dir = tempDir();
  await reachPlanNames(page);
  await typeNames(page);
  await next(page, "Certificate Information");
  await expect(purposes(page).getByRole("listitem")).toHaveText(["Server Authentication"]);
  await expect(page.getByText(/Warning: Public CAs are removing Client Authentication/)).toHaveCount(0);
  await page.getByRole("button", { name: "Add Client Authentication" }).click();
  await expect(purposes(page).getByRole("listitem")).toHaveText(["Server Authentication", "Client Authentication"]);
  await expect(findings(page)).toContainText("Warning: Public CAs are removing Client Authentication");
  await expect(findings(page)).toContainText("DigiCert removes it from 2027-03-01 (not by default since 2025-10-01)");
  await expect(findings(page)).toContainText("server-only leaves from 2027-03-15");
  await page.getByRole("button", { name: "Remove Client Authentication" }).click();
  await next(page, "Where do you want to save the offline request?");
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  expect(lineAfter(openssl("req", "-in", req.path, "-noout", "-text"), /X509v3 Extended Key Usage/)).toBe(
    "TLS Web Server Authentication",
  );
});

test("for an internal CA the request keeps the article's Server + Client Authentication", async ({ page }) => {
  const dir = tempDir();
  await reachPlanNames(page, "My own (internal) CA");
  await typeNames(page);
  await next(page, "Certificate Information");
  await expect(purposes(page).getByRole("listitem")).toHaveText(["Server Authentication", "Client Authentication"]);
  await next(page, "Where do you want to save the offline request?");
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  expect(lineAfter(openssl("req", "-in", req.path, "-noout", "-text"), /X509v3 Extended Key Usage/)).toBe(
    "TLS Web Server Authentication, TLS Web Client Authentication",
  );
});

test("a change of CA moves the default Extended Key Usage until the admin chooses usages, then never", async ({
  page,
}) => {
  // Untouched usages follow the CA: internal, then back to a public one, Server Authentication only.
  await page.goto("/");
  await page.getByLabel(REVERSE_PROXY).check();
  await page.getByLabel("My own (internal) CA").check();
  await page.getByLabel("A public CA").check();
  await next(page, "Select Certificate Enrollment Policy");
  await next(page, "Custom Request");
  await next(page, "Plan names");
  await typeNames(page);
  await next(page, "Certificate Information");
  await expect(purposes(page).getByRole("listitem")).toHaveText(["Server Authentication"]);

  // Usages chosen in Properties are never changed by a change of CA.
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const extensions = await openTab(page, "Extensions");
  await pick(extensions, "Extended Key Usage (application policies)", "Extended Key Usage", ["Secure Email"]);
  await properties(page).getByRole("button", { name: "OK" }).click();
  await page.getByRole("button", { name: "Change where the request goes" }).click();
  await page.getByLabel("My own (internal) CA").check();
  await page.getByLabel("A public CA").check();
  await page.getByLabel("My own (internal) CA").check();
  for (const to of ["Select Certificate Enrollment Policy", "Custom Request", "Plan names", "Certificate Information"])
    await next(page, to);
  await expect(purposes(page).getByRole("listitem")).toHaveText(["Server Authentication", "Secure Email"]);
});

test("Plan names gives no verdict before there is something to judge, and Next is its one primary action", async ({
  page,
}) => {
  await reachPlanNames(page);
  await expect(page.getByText("None: the names follow the rules")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Findings" })).toHaveCount(0);
  // A SIP domain alone: the pool is still missing, so no all-clear yet either.
  await sip(page).fill("northwind.net");
  await expect(page.getByText("None: the names follow the rules")).toHaveCount(0);
  await pools(page).fill("lyncweb.northwind.net");
  await expect(page.getByText("None: the names follow the rules, for where the request goes.")).toBeVisible();

  const primary = page.locator("main button.primary");
  await expect(primary).toHaveCount(1);
  await expect(primary).toHaveText("Next");
  await expect(page.getByRole("button", { name: "Use these names" })).not.toHaveClass(/primary/);
});

test("each Exchange name is its own choice: Autodiscover alone asks for no Outlook on the web name, and its placeholder fits", async ({
  page,
}) => {
  await reachPlanNames(page);
  await sip(page).fill("fabrikam.com\ncontoso.com");
  await pools(page).fill("lyncweb.fabrikam.com");
  await page.getByLabel("Exchange Autodiscover", { exact: true }).check();
  await expect(page.getByLabel("Exchange web services name")).toHaveCount(0);
  const autodiscover = page.getByLabel("Exchange Autodiscover names");
  // One line of placeholder however many SIP domains; the defaults in force are said below the field.
  await expect(autodiscover).toHaveAttribute("placeholder", "e.g. autodiscover.fabrikam.com");
  await expect(autodiscover).toHaveAccessibleDescription(/autodiscover\.fabrikam\.com, autodiscover\.contoso\.com/);
  const fits = await autodiscover.evaluate((el) => el.scrollHeight <= el.clientHeight);
  expect(fits).toBe(true);
  const names = page.getByRole("table", { name: "Alternative names" }).locator("tbody td:first-child");
  await expect(names).toContainText(["autodiscover.fabrikam.com", "autodiscover.contoso.com"]);
  await next(page, "Certificate Information");

  await page.getByRole("button", { name: "Back" }).click();
  await page.getByLabel("Outlook on the web and Exchange Web Services").check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(summary(page).getByRole("link")).toHaveText([/Enter the Exchange web services name/]);
  await page.getByLabel("Exchange web services name").fill("mail.fabrikam.com");
  await next(page, "Certificate Information");
  await expect(page.locator(".cert-card").first()).toContainText("mail.fabrikam.com");
});

test("an internal name is said beside the Front End field and the SIP domains, and the summary leads there", async ({
  page,
}) => {
  await reachPlanNames(page);
  await sip(page).fill("fabrikam.local");
  await pools(page).fill("lyncweb.fabrikam.local");
  await expect(pools(page)).toHaveAccessibleDescription(/lyncweb\.fabrikam\.local: internal names/);
  await expect(pools(page)).toHaveAttribute("aria-invalid", "true");
  await expect(sip(page)).toHaveAccessibleDescription(/meet\.fabrikam\.local, dialin\.fabrikam\.local/);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(summary(page)).toBeFocused();
  const links = summary(page).getByRole("link");
  await expect(links).toHaveText([/^lyncweb\.fabrikam\.local: internal names/, /^meet\.fabrikam\.local/]);
  await links.first().click();
  await expect(pools(page)).toBeFocused();
});

test("a URL pasted as a DNS name is fixed with one click: Use meet.contoso.com", async ({ page }) => {
  await startAndReachInformation(page, "Blank request");
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const subject = await openTab(page, "Subject");
  await addName(subject, "Alternative name", "DNS", "https://meet.contoso.com/meet");
  const group = subject.getByRole("group", { name: "Alternative name" });
  const field = group.getByLabel("Value", { exact: true });
  await expect(field).toHaveAccessibleDescription(/^Remove "https:\/\/" and "\/meet"/);
  await group.getByRole("button", { name: "Use meet.contoso.com" }).click();
  await expect(group.getByLabel("Alternative name in the request").getByRole("option")).toHaveText([
    "DNS: meet.contoso.com",
  ]);
  await expect(field).toHaveValue("");
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
});

test("a name under in-addr.arpa is refused for a public CA, with a fix", async ({ page }) => {
  await startAndReachInformation(page, "Web server (IIS, IIS ARR, other)");
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const subject = await openTab(page, "Subject");
  await addName(subject, "Alternative name", "DNS", "www.fabrikam.com");
  await addName(subject, "Alternative name", "DNS", "5.2.0.192.in-addr.arpa");
  await properties(page).getByRole("button", { name: "OK" }).click();
  await expect(findings(page)).toContainText(
    "Error: 5.2.0.192.in-addr.arpa: names under the reverse-DNS zones in-addr.arpa and ip6.arpa are refused by public CAs",
  );
  await page.getByRole("button", { name: "Remove the reverse-DNS names" }).click();
  await expect(page.getByText(/in-addr\.arpa/)).toHaveCount(0);
});

test("the Open page refuses a SHA-1-signed request and an RSA key of 2060 bits for a public CA, and says certreq's default", async ({
  page,
}) => {
  const dir = tempDir();
  const key = join(dir, "odd.key");
  openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2060", "-out", key);
  const req = join(dir, "odd-sha1.req");
  openssl("req", "-new", "-key", key, "-sha1", "-subj", "/CN=www.fabrikam.com", "-out", req);
  expect(openssl("req", "-in", req, "-noout", "-text")).toContain("Public-Key: (2060 bit)");
  await page.goto("/");
  await page.getByRole("button", { name: "Open a request or certificate…" }).click();
  await expect(heading(page, "Open a request or certificate")).toBeVisible();
  await page.getByLabel("Open a file…").setInputFiles(req);
  await expect(page.getByText("RSA (2060 bits)")).toBeVisible();
  const list = page.locator(".findings");
  await expect(list).toContainText("Error: An RSA key of 2060 bits");
  await expect(list).toContainText("divisible by 8");
  await expect(list).toContainText("Error: The request is signed with SHA-1");
  await expect(list).toContainText("certreq signs with SHA-1 unless its INF sets HashAlgorithm");
});
