/** The focus ring must be seen: at least 3:1 against the panel it is drawn on (WCAG 2.2, 1.4.11), in both themes. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync("src/styles.css", "utf8");
const dark = css.slice(css.indexOf("@media (prefers-color-scheme: dark)"));

/** The first value a custom property is given in a stretch of CSS text (the light theme first, then the dark block). */
function variable(text: string, name: string): string {
  const values = [...text.matchAll(new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, "gi"))].map((m) => m[1]!);
  if (values.length === 0) throw new Error(`--${name} is not set.`);
  return values[0]!;
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("the focus ring", () => {
  it.each([
    ["light", css],
    ["dark", dark],
  ])("has at least 3:1 against the panel and the page in the %s theme", (_theme, text) => {
    const focus = variable(text, "focus");
    expect(contrast(focus, variable(text, "panel"))).toBeGreaterThanOrEqual(3);
    expect(contrast(focus, variable(text, "bg"))).toBeGreaterThanOrEqual(3);
  });
});
