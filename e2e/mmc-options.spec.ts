/**
 * Every option the MMC dialogs have: the X.520 name types and a typed Full DN, every alternative name type
 * with GUID, application policies found by search, RSASSA-PSS, RSA 8192 offered, and the options a browser
 * cannot have shown greyed with their reason. The request is verified and decoded by OpenSSL, and read back by
 * the Open page.
 */
import { expect, test } from "@playwright/test";
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
  sendToInternalCa,
  startAndReachInformation,
  tempDir,
} from "./helpers";

test("a request with every subject and alternative name type, two searched application policies and PSS, verified and decoded by OpenSSL", async ({
  page,
}) => {
  const dir = tempDir();
  await startAndReachInformation(page, "Blank request", "(No template) CNG key");
  await sendToInternalCa(page);
  await page.getByRole("button", { name: "Properties", exact: true }).click();
  const dialog = properties(page);

  const subject = await openTab(page, "Subject");
  // A malformed Full DN is refused with its reason, and nothing is added.
  await addName(subject, "Subject name", "Full DN", "CN=proxy+O=Contoso");
  await expect(subject.getByText(/multi-valued part/)).toBeVisible();
  await expect(subject.getByLabel("Subject name in the request").getByRole("option")).toHaveCount(0);
  await addName(
    subject,
    "Subject name",
    "Full DN",
    "CN=webext.contoso.com, O=Contoso\\, Ltd, OU=Web, L=Z\\C3\\BCrich, S=Zurich, C=CH, E=pki@contoso.com, DC=contoso",
  );
  await addName(subject, "Subject name", "Given name", "Alex");
  await addName(subject, "Subject name", "Initials", "A.");
  await addName(subject, "Subject name", "Surname", "Wilber");
  await addName(subject, "Subject name", "Title", "Proxy administrator");
  await expect(subject.getByLabel("Subject name in the request").getByRole("option")).toHaveText([
    "Common name: webext.contoso.com",
    "Organization: Contoso, Ltd",
    "Organizational unit: Web",
    "Locality: Zürich",
    "State: Zurich",
    "Country: CH",
    "Email: pki@contoso.com",
    "Domain component: contoso",
    "Given name: Alex",
    "Initials: A.",
    "Surname: Wilber",
    "Title: Proxy administrator",
  ]);
  const alt: [string, string][] = [
    ["DNS", "meet.contoso.com"],
    ["IP address (v4)", "192.0.2.10"],
    ["IP address (v6)", "2001:db8::10"],
    ["Email", "admin@contoso.com"],
    ["URL", "https://meet.contoso.com/"],
    ["User principal name", "svc-proxy@contoso.com"],
    ["Directory name", "CN=proxy, O=Contoso"],
    ["GUID", "{F7C3AC41-B8CE-4FB4-AA58-3D1DC0E36B39}"],
  ];
  for (const [type, value] of alt) await addName(subject, "Alternative name", type, value);
  await expect(subject.getByLabel("Alternative name in the request").getByRole("option").last()).toHaveText(
    "GUID: f7c3ac41-b8ce-4fb4-aa58-3d1dc0e36b39",
  );

  const extensions = await openTab(page, "Extensions");
  const search = extensions.getByLabel("Search application policies");
  await search.fill("remote desktop");
  const policies = extensions.getByRole("group", { name: "Extended Key Usage (application policies)", exact: true });
  await expect(policies.getByLabel("Available options").getByRole("option")).toHaveText([
    "Remote Desktop Authentication",
  ]);
  await pick(extensions, "Extended Key Usage (application policies)", "Extended Key Usage", [
    "Remote Desktop Authentication",
  ]);
  // The search matches object identifiers too.
  await search.fill("1.3.6.1.5.2.3.5");
  await pick(extensions, "Extended Key Usage (application policies)", "Extended Key Usage", ["KDC Authentication"]);
  await expect(
    extensions.getByText(/In the request: Remote Desktop Authentication \(1\.3\.6\.1\.4\.1\.311\.54\.1\.2\)/),
  ).toBeVisible();

  const key = await openTab(page, "Private Key");
  await expect(key.getByLabel("Key size").getByRole("option")).toHaveText(["1024", "2048", "3072", "4096", "8192"]);
  await key.getByLabel("Use alternate signature format").check();
  // What a browser cannot do is there, greyed, with its reason.
  for (const [option, reason] of [
    ["Allow private key to be archived", /never connects to a CA/],
    ["Strong private key protection", /when you import the \.pfx/],
  ] as const) {
    await expect(key.getByLabel(option)).toBeDisabled();
    await expect(key.getByLabel(option)).toHaveAccessibleDescription(reason);
  }
  await expect(key.getByRole("button", { name: "Key permissions…" })).toBeDisabled();
  await expect(key.getByLabel("Hash Algorithm")).toHaveAccessibleDescription(
    /sha1 and md5, which MMC lists, are not offered/,
  );
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(page.locator(".cert-card")).toContainText("signed with RSASSA-PSS");
  await expect(page.getByRole("list", { name: "Preflight findings" })).toContainText(
    "Active Directory Certificate Services accepts it",
  );

  await next(page, "Where do you want to save the offline request?");
  await expect(page.getByRole("button", { name: "Browse…" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Browse…" })).toHaveAccessibleDescription(/downloads folder/);
  await finish(page);
  const req = await download(page, page.getByRole("button", { name: "Download request" }), dir);
  const text = openssl("req", "-in", req.path, "-verify", "-noout", "-text", "-nameopt", "RFC2253,-esc_msb");
  expect(text).toMatch(/Signature Algorithm: rsassaPss/);
  expect(text).toMatch(/Hash Algorithm: sha256/);
  expect(text).toMatch(/Salt Length: 0x20/);
  expect(text).toContain(
    "Subject: title=Proxy administrator,SN=Wilber,initials=A.,GN=Alex,DC=contoso,emailAddress=pki@contoso.com,C=CH,ST=Zurich,L=Zürich,OU=Web,O=Contoso\\, Ltd,CN=webext.contoso.com",
  );
  const san = lineAfter(text, /X509v3 Subject Alternative Name/);
  for (const part of [
    "DNS:meet.contoso.com",
    "IP Address:192.0.2.10",
    "IP Address:2001:DB8:0:0:0:0:0:10",
    "email:admin@contoso.com",
    "URI:https://meet.contoso.com/",
    "othername: UPN::svc-proxy@contoso.com",
    "DirName:/CN=proxy/O=Contoso",
    "othername: 1.3.6.1.4.1.311.25.1::",
  ])
    expect(san).toContain(part);
  expect(lineAfter(text, /X509v3 Extended Key Usage/)).toBe("1.3.6.1.4.1.311.54.1.2, Signing KDC Response");
  // The GUID's 16 bytes, as Windows stores them.
  expect(openssl("asn1parse", "-in", req.path, "-strparse", String(sanOffset(req.path)))).toContain(
    "41ACC3F7CEB8B44FAA583D1DC0E36B39",
  );

  // The Open page decodes the same request, and keeps every choice for a renewal.
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByRole("button", { name: "Open a request or certificate…" }).click();
  await expect(heading(page, "Open a request or certificate")).toBeVisible();
  await page.getByLabel("Open a file…").setInputFiles(req.path);
  await expect(page.getByText("RSASSA-PSS (sha256)")).toBeVisible();
  await expect(page.getByText("f7c3ac41-b8ce-4fb4-aa58-3d1dc0e36b39")).toBeVisible();
  await expect(page.getByText("Proxy administrator")).toBeVisible();
  await page.getByRole("button", { name: "Use as a starting point" }).click();
  await expect(heading(page, "Certificate Information")).toBeVisible();
  await expect(page.locator(".cert-card")).toContainText("T=Proxy administrator");
  await expect(page.locator(".cert-card")).toContainText("GUID: f7c3ac41-b8ce-4fb4-aa58-3d1dc0e36b39");
  await expect(page.locator(".cert-card")).toContainText("signed with RSASSA-PSS");
});

/** Where the SAN extension's value starts, for `asn1parse -strparse`: the OCTET STRING after its OID. */
function sanOffset(path: string): number {
  const lines = openssl("asn1parse", "-in", path).split("\n");
  const at = lines.findIndex((l) => l.includes("X509v3 Subject Alternative Name"));
  const octets = lines.slice(at + 1).find((l) => l.includes("OCTET STRING"))!;
  return Number(octets.trim().split(":")[0]);
}
