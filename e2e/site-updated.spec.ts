/**
 * The site was updated while a tab was open: the later pages' code the tab knows by name is gone from the
 * server. The page says so in the admin's words and offers the reload that fixes it, not the browser's error.
 */
import { expect, test } from "@playwright/test";
import { heading } from "./helpers";

test("a page whose code is gone from the server says to reload, and the reload brings the page back", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // As after a new version was put on the server: the file name this tab's build knows answers 404.
  await page.route(/\/assets\/complete-request-[^/]+\.js$/, (route) =>
    route.fulfill({ status: 404, body: "Not found" }),
  );
  await page.goto("/");
  await page.getByRole("button", { name: "Complete a pending request…" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(
    "This page could not be shown: this step's code could not be loaded from the server",
  );
  await expect(alert).toContainText("Reload the page (if a key is not saved yet, the browser asks first).");
  await expect(alert).not.toContainText("dynamically imported module");
  await page.unroute(/\/assets\/complete-request-[^/]+\.js$/);
  await alert.getByRole("button", { name: "Reload the page" }).click();
  // The draft brings the admin back to the page that failed, now with its code.
  await expect(heading(page, "Complete the request")).toBeVisible();
  expect(errors).toEqual([]);
});
