/** The names planner through the real UI: the reference topology to a request with exactly the planned names. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { download, finish, heading, lineAfter, next, openssl, ARTICLE_EXAMPLE, tempDir } from "./helpers";

async function reachPlanNames(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByLabel(ARTICLE_EXAMPLE).check();
  await next(page, "Select Certificate Enrollment Policy");
  await next(page, "Custom Request");
  await next(page, "Plan names");
}

const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });
const plannedNames = (page: Page) =>
  page.getByRole("table", { name: "Alternative names" }).locator("tbody td:first-child");

test("the reference topology gives a request carrying exactly the planned names", async ({ page }) => {
  const dir = tempDir();
  await reachPlanNames(page);
  await expect(page.getByLabel("SIP domains")).toHaveValue("contoso.com");
  await expect(page.getByLabel("Meeting simple URL (contoso.com)")).toHaveValue("https://meet.contoso.com");
  await expect(page.getByLabel("Dial-in simple URL")).toHaveValue("https://dialin.contoso.com");
  await group(page, "Director").getByLabel("External web services FQDN").fill("webdirext.contoso.com");
  await page.getByLabel("Office Web Apps Server").fill("officewebapps01.contoso.com");
  await expect(page.getByLabel("Publish Autodiscover on port 443")).toBeChecked();
  const expected = ["webext", "webdirext", "meet", "dialin", "officewebapps01", "lyncdiscover"].map(
    (l) => `${l}.contoso.com`,
  );
  await expect(plannedNames(page)).toHaveText(expected);
  await expect(page.getByRole("row", { name: /lyncdiscover\.contoso\.com/ })).toContainText(
    "Autodiscover for mobile clients of contoso.com",
  );
  // The planner's rules pass; the preflight, the same one Finish runs, warns that a public CA cannot validate
  // the article's names, and (issue 19) says so beside the input each was typed in as well.
  const findings = page.getByRole("list", { name: "Findings" });
  await expect(findings.getByRole("listitem")).toHaveCount(1);
  await expect(findings).toContainText("Warning: webext.contoso.com");
  await expect(findings).toContainText("the article's example or a documentation name");
  await expect(page.getByLabel("SIP domains")).toHaveAccessibleDescription(
    /meet\.contoso\.com, dialin\.contoso\.com, lyncdiscover\.contoso\.com: the article's example/,
  );

  await page.getByRole("button", { name: "Use these names" }).click();
  await expect(heading(page, "Certificate Information")).toBeVisible();
  await next(page, "Where do you want to save the offline request?");
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  const text = openssl("req", "-in", req.path, "-noout", "-text");
  expect(text).toMatch(/Subject: CN = webext\.contoso\.com\n/);
  expect(lineAfter(text, /X509v3 Subject Alternative Name:/)).toBe(expected.map((n) => `DNS:${n}`).join(", "));
  expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Key Encipherment\n/);

  // The plan is saved with the request settings and restored by Open saved request settings.
  const settings = await download(page, page.getByRole("button", { name: "Save request settings" }), dir);
  expect(JSON.parse(readFileSync(settings.path, "utf8")).topology.directors).toEqual(["webdirext.contoso.com"]);
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByLabel("Open saved request settings…").setInputFiles(settings.path);
  await next(page, "Custom Request");
  await next(page, "Plan names");
  await expect(group(page, "Director").getByLabel("External web services FQDN")).toHaveValue("webdirext.contoso.com");
  await expect(plannedNames(page)).toHaveText(expected);
});

test("two SIP domains, a wildcard and port 80 change the names as the rules say", async ({ page }) => {
  await reachPlanNames(page);
  await page.getByLabel("SIP domains").fill("contoso.com\nfabrikam.com");
  await expect(page.getByLabel("Meeting simple URL (fabrikam.com)")).toHaveValue("https://meet.fabrikam.com");
  await expect(plannedNames(page)).toHaveText([
    "webext.contoso.com",
    "meet.contoso.com",
    "meet.fabrikam.com",
    "dialin.contoso.com",
    "lyncdiscover.contoso.com",
    "lyncdiscover.fabrikam.com",
  ]);
  await page.getByLabel("Use a wildcard").check();
  await expect(plannedNames(page)).toHaveText(["webext.contoso.com", "*.contoso.com", "*.fabrikam.com"]);
  await page.getByLabel("Use a wildcard").uncheck();
  await page.getByLabel("Port 80 only").check();
  await expect(plannedNames(page)).toHaveText([
    "webext.contoso.com",
    "meet.contoso.com",
    "meet.fabrikam.com",
    "dialin.contoso.com",
  ]);
  await expect(page.getByText("no lyncdiscover name is needed")).toHaveCount(2); // beside Mobility and in the findings
  await page.getByLabel("Common base (https://join.<sipdomain>/meet, /dialin)").check();
  await expect(plannedNames(page)).toHaveText(["webext.contoso.com", "join.contoso.com", "join.fabrikam.com"]);
});

test("bad topology input gets its message beside the field, and the names are not used", async ({ page }) => {
  await reachPlanNames(page);
  const sip = page.getByLabel("SIP domains");
  await sip.fill("contoso");
  await expect(sip).toHaveAccessibleDescription(/not a domain/);
  await sip.fill("Contoso.COM.\ncontoso.com");
  await expect(sip).toHaveAccessibleDescription(/contoso\.com was entered more than once; it is listed once\./);
  await expect(plannedNames(page).first()).toHaveText("webext.contoso.com");
  const meeting = page.getByLabel("Meeting simple URL (contoso.com)");
  await meeting.fill("https://meet.contoso.com/meet");
  await expect(meeting).toHaveAccessibleDescription(/dedicated format a simple URL is a host alone/);
  await meeting.fill("https://meet.contoso.com:444");
  await expect(meeting).toHaveAccessibleDescription(/no port/);
  await page.getByRole("button", { name: "Use the default" }).click();
  await expect(meeting).toHaveValue("https://meet.contoso.com");
  const pools = group(page, "Front End pools").getByLabel("External web services FQDN");
  await pools.fill("");
  // An empty field is said once the admin tries to go on, not while typing.
  await expect(pools).not.toHaveAccessibleDescription(/at least one Front End pool/);
  await page.getByRole("button", { name: "Use these names" }).click();
  await expect(pools).toHaveAccessibleDescription(/at least one Front End pool/);
  const summary = page.getByRole("alert").filter({ hasText: "Next cannot go on yet" });
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: /at least one Front End pool/ }).click();
  await expect(pools).toBeFocused();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(heading(page, "Plan names")).toBeVisible();
  const director = group(page, "Director").getByLabel("External web services FQDN");
  await director.fill("sip.contoso.com");
  await expect(director).toHaveAccessibleDescription(/looks like an Edge Server name/);
  await pools.fill("*.contoso.com");
  await expect(pools).toHaveAccessibleDescription(/never the subject name/);
});

test("a damaged names plan in a settings file is refused whole", async ({ page }) => {
  const dir = tempDir();
  await reachPlanNames(page);
  await next(page, "Certificate Information");
  await next(page, "Where do you want to save the offline request?");
  const saved = await download(page, page.getByRole("button", { name: "Save request settings" }), dir);
  const damaged = join(dir, "damaged.json");
  writeFileSync(
    damaged,
    readFileSync(saved.path, "utf8").replace('"autodiscoverPort": 443', '"autodiscoverPort": "443"'),
  );
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByLabel("Open saved request settings…").setInputFiles(damaged);
  await expect(
    page.getByText(/This settings file is damaged: "autodiscoverPort" .* Nothing was loaded\./),
  ).toBeVisible();
});

test("on a phone the step list is one line, and host names wrap only after a dot", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await page.getByLabel(ARTICLE_EXAMPLE).check();
  await next(page, "Select Certificate Enrollment Policy");
  await next(page, "Custom Request");
  await next(page, "Plan names");
  const nav = page.getByRole("navigation", { name: "Wizard pages" });
  await expect(nav).toContainText("Step 4 of 7: Plan names");
  await expect(nav.getByRole("listitem")).toHaveCount(0);
  const name = page.getByRole("cell", { name: "lyncdiscover.contoso.com", exact: true });
  // Every break opportunity in a name is right after a dot.
  expect(
    await name.evaluate((td) => [...td.querySelectorAll("wbr")].map((w) => w.previousSibling?.textContent?.slice(-1))),
  ).toEqual([".", "."]);
});
