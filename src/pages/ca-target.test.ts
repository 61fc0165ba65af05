import { describe, expect, it } from "vitest";
import { caTargetOptions } from "./ca-target";

describe("This request goes to", () => {
  it("words the public CA's hint by start: the article only for the Lync starts; 'usually' beside Edge internal's CA", () => {
    const hint = (lync: boolean, usual: "public" | "internal" | null, value: string) =>
      caTargetOptions(lync, usual).find((o) => o.value === value)?.hint ?? "";
    expect(hint(true, "public", "public")).toMatch(/^The article asks for a public certificate/);
    expect(hint(false, "public", "public")).not.toMatch(/article/);
    expect(hint(false, "internal", "internal")).toMatch(/This start's certificate usually comes from here\.$/);
    expect(hint(false, "public", "internal")).not.toMatch(/usually/);
  });
});
