/** The deployment headers the README and public/web.config give match the policy the build writes. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { acmeContentSecurityPolicy, contentSecurityPolicy } from "../vite.config";

const headerPolicy = `${contentSecurityPolicy}; frame-ancestors 'none'`;
const acmeHeaderPolicy = `${acmeContentSecurityPolicy}; frame-ancestors 'none'`;

describe("deployment headers", () => {
  it("web.config sends the build's CSP with frame-ancestors, nosniff and no referrer", () => {
    const config = readFileSync("public/web.config", "utf8");
    const header = (name: string) =>
      new RegExp(`<add name="${name}" value="([^"]*)" />`).exec(config)?.[1]?.replace(/&apos;/g, "'");
    expect(header("Content-Security-Policy")).toBe(headerPolicy);
    expect(header("X-Content-Type-Options")).toBe("nosniff");
    expect(header("Referrer-Policy")).toBe("no-referrer");
    // acme.html alone gets the ACME page's policy, in place of (not beside) the wizard's.
    const acme = /<location path="acme\.html">([\s\S]*?)<\/location>/.exec(config)?.[1] ?? "";
    expect(acme).toContain('<remove name="Content-Security-Policy" />');
    expect(/<add name="Content-Security-Policy" value="([^"]*)" \/>/.exec(acme)?.[1]).toBe(acmeHeaderPolicy);
  });

  it("the README's nginx snippet sends the same headers", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(`add_header Content-Security-Policy "${headerPolicy}" always;`);
    expect(readme).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(readme).toContain('add_header Referrer-Policy "no-referrer" always;');
  });
});
