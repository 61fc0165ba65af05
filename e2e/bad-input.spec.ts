/** Bad input gets a message beside its field, in the admin's words, and nothing broken is generated. */
import { expect, test } from "@playwright/test";
import {
  sendToInternalCa,
  addName,
  download,
  finish,
  heading,
  lineAfter,
  next,
  openssl,
  openTab,
  properties,
  ARTICLE_EXAMPLE,
  startAndReachInformation,
  tempDir,
} from "./helpers";

test("a request with no subject and no alternative name is refused on Certificate Information and Next stays", async ({
  page,
}) => {
  await startAndReachInformation(page, "Blank request");
  await expect(page.getByRole("group", { name: "Problems" })).toContainText(
    "Add a subject name or at least one alternative name",
  );
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(heading(page, "Certificate Information")).toBeVisible();
  await expect(page.getByRole("button", { name: "Finish" })).toHaveCount(0);
});

const BAD_NAMES: [block: "Subject name" | "Alternative name", type: string, value: string, says: RegExp][] = [
  ["Alternative name", "DNS", "web ext.contoso.com", /cannot contain spaces/],
  ["Alternative name", "DNS", "web_ext.contoso.com", /underscore/],
  ["Alternative name", "DNS", "web..contoso.com", /empty label/],
  ["Alternative name", "DNS", `${"a".repeat(64)}.contoso.com`, /at most 63/],
  ["Alternative name", "DNS", `${"abcdefghi.".repeat(26)}com`, /at most 253/],
  ["Alternative name", "DNS", "-web.contoso.com", /cannot start or end with a hyphen/],
  ["Alternative name", "DNS", "web-.contoso.com", /cannot start or end with a hyphen/],
  ["Alternative name", "DNS", "web.*.contoso.com", /wildcard is allowed only as the whole first label/],
  ["Alternative name", "IP address (v4)", "192.0.2.300", /four numbers from 0 to 255/],
  ["Alternative name", "IP address (v6)", "2001:db8::zz", /Enter an IPv6 address/],
  ["Alternative name", "Email", "admin@", /with a domain|must be a domain/],
  ["Subject name", "Common name", `${"w".repeat(61)}.com`, /at most 64 characters/],
  ["Subject name", "Country", "USA", /exactly two letters/],
];

test("each bad name gets its message beside the Value field and is not added", async ({ page }) => {
  await startAndReachInformation(page, "Blank request");
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const subject = await openTab(page, "Subject");
  for (const [block, type, value, says] of BAD_NAMES) {
    await addName(subject, block, type, value);
    const group = subject.getByRole("group", { name: block });
    const field = group.getByLabel("Value", { exact: true });
    await expect(field).toHaveAccessibleDescription(says);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue(value);
    await expect(group.getByLabel(`${block} in the request`).getByRole("option")).toHaveCount(0);
  }
  // An error goes as soon as its field changes; an empty field shows its example as an example.
  const group = subject.getByRole("group", { name: "Alternative name" });
  const field = group.getByLabel("Value", { exact: true });
  await addName(subject, "Alternative name", "DNS", "https://meet.contoso.com");
  await expect(field).toHaveAccessibleDescription(/^Remove "https:\/\/"/);
  await field.fill("meet.contoso.com");
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
  await expect(group.locator(".error")).toHaveText("");
  await field.fill("");
  await expect(field).toHaveAttribute("placeholder", /^e\.g\. /);
});

test("a wildcard first label is accepted and an international name is written in its xn-- form, both shown", async ({
  page,
}) => {
  const dir = tempDir();
  await startAndReachInformation(page, "Web server (IIS, IIS ARR, other)");
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const subject = await openTab(page, "Subject");
  await addName(subject, "Subject name", "Common name", "bücher.example");
  await addName(subject, "Alternative name", "DNS", "*.contoso.com");
  await expect(subject.getByLabel("Alternative name in the request").getByRole("option")).toHaveText([
    "DNS: bücher.example (xn--bcher-kva.example) (the subject name)",
    "DNS: *.contoso.com",
  ]);
  await addName(subject, "Alternative name", "DNS", "Bücher.example");
  await expect(subject.getByLabel("Alternative name in the request").getByRole("option")).toHaveText([
    "DNS: *.contoso.com",
    "DNS: bücher.example (xn--bcher-kva.example)",
  ]);
  await properties(page).getByRole("button", { name: "OK" }).click();
  await expect(page.locator(".cert-card")).toContainText("DNS: bücher.example (xn--bcher-kva.example)");
  await next(page, "Where do you want to save the offline request?");
  // .example is reserved: a public CA refuses it, so Finish is blocked until the request goes to an internal CA.
  const findings = page.getByRole("list", { name: "Preflight findings" });
  await expect(findings).toContainText("Error: xn--bcher-kva.example: internal names");
  await page.getByLabel("Passphrase", { exact: true }).fill("a passphrase for this test");
  await page.getByLabel("Confirm passphrase").fill("a passphrase for this test");
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByText("The request has errors a CA would reject")).toBeVisible();
  await expect(page.getByRole("button", { name: "Download request" })).toHaveCount(0);
  await sendToInternalCa(page);
  await expect(page.getByText("Preflight: nothing a CA would reject.")).toBeVisible();
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  const text = openssl("req", "-in", req.path, "-noout", "-text");
  expect(lineAfter(text, /X509v3 Subject Alternative Name:/)).toBe("DNS:*.contoso.com, DNS:xn--bcher-kva.example");
  expect(text).toMatch(/Subject: CN = xn--bcher-kva\.example\n/);
});

test("passphrases that differ are refused beside the field and nothing is generated", async ({ page }) => {
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await next(page, "Where do you want to save the offline request?");
  await page.getByLabel("Passphrase", { exact: true }).fill("first passphrase 1234");
  await page.getByLabel("Confirm passphrase").fill("first passphrase 1235");
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByLabel("Confirm passphrase")).toHaveAccessibleDescription(/The passphrases differ/);
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("button", { name: "Download request" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Download encrypted private key" })).toHaveCount(0);
  await page.getByLabel("Confirm passphrase").fill("");
  await page.getByLabel("Passphrase", { exact: true }).fill("");
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByLabel("Passphrase", { exact: true })).toHaveAccessibleDescription(/Enter a passphrase/);
  await expect(page.getByRole("button", { name: "Download request" })).toHaveCount(0);
});

test("Next never does nothing: it says why it stayed, at the top of the page, with the focus there", async ({
  page,
}) => {
  await startAndReachInformation(page, "Blank request");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Next cannot go on yet" });
  await expect(summary).toContainText("Add a subject name or at least one alternative name");
  await expect(summary).toBeFocused();
  await expect(heading(page, "Certificate Information")).toBeVisible();
  // The reasons go when the admin moves on.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByText("Next cannot go on yet")).toHaveCount(0);
});

test("on the save page Finish is the one primary action, and Next before Finish says what is missing", async ({
  page,
}) => {
  await startAndReachInformation(page, ARTICLE_EXAMPLE);
  await next(page, "Where do you want to save the offline request?");
  await expect(page.getByRole("button", { name: "Next", exact: true })).not.toHaveClass(/primary/);
  await expect(page.getByRole("button", { name: "Finish" })).toHaveClass(/primary/);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Next cannot go on yet" })).toContainText(
    "Click Finish first",
  );
  await expect(heading(page, "Where do you want to save the offline request?")).toBeVisible();
});
