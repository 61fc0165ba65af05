import { describe, expect, it } from "vitest";
import { CODE_NOT_LOADED, errorText, isCodeNotLoaded } from "./error-text";

describe("errorText", () => {
  it.each([
    "Failed to fetch dynamically imported module: https://pki.contoso.com/assets/plan-names-Ab12.js",
    "error loading dynamically imported module: https://pki.contoso.com/assets/pfx-Ab12.js",
    "Importing a module script failed.",
  ])("says to reload when the browser could not fetch the app's code (%s)", (message) => {
    expect(isCodeNotLoaded(new TypeError(message))).toBe(true);
    expect(errorText(new TypeError(message))).toBe(CODE_NOT_LOADED);
  });

  it("keeps any other message as it is, from an Error or anything thrown", () => {
    expect(isCodeNotLoaded(new Error("The passphrase is wrong."))).toBe(false);
    expect(errorText(new Error("The passphrase is wrong."))).toBe("The passphrase is wrong.");
    expect(errorText("plain text")).toBe("plain text");
  });
});
