import { test, expect } from "@playwright/test";
test("shows", async ({ page }) => {
  page.on("console", (m) => console.log("console:", m.text()));
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Certificate Enrollment" })).toBeVisible();
  await page.screenshot({ path: "/tmp/shot1.png", fullPage: true });
});
