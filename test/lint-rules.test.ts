/** The lint's layering rules bite: each example breaks one rule, and ESLint must name that rule. */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });
const rulesBroken = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);

describe("npm run lint", () => {
  it.each([
    [
      "src/pki imports the store",
      "src/pki/example.ts",
      'import { useWizard } from "../store/store";\n/** Doc. */\nexport const x = useWizard;\n',
      "import-x/no-restricted-paths",
    ],
    [
      "src/pki imports React",
      "src/pki/example.ts",
      'import { useState } from "react";\n/** Doc. */\nexport const x = useState;\n',
      "no-restricted-imports",
    ],
    [
      "a ui piece reads the store",
      "src/ui/example.tsx",
      'import { useWizard } from "../store/store";\nexport const x = useWizard;\n',
      "import-x/no-restricted-paths",
    ],
    [
      "the store imports a page",
      "src/store/example.ts",
      'import { SaveRequestPage } from "../pages/save-request";\nexport const x = SaveRequestPage;\n',
      "import-x/no-restricted-paths",
    ],
    [
      "a src/pki export has no doc comment",
      "src/pki/example.ts",
      "export function undocumented() {\n  return 1;\n}\n",
      "jsdoc/require-jsdoc",
    ],
    [
      "a wizard page imports the ACME page's code",
      "src/pages/example.tsx",
      'import { AcmeApp } from "../acme/acme-app";\nexport const x = AcmeApp;\n',
      "import-x/no-restricted-paths",
    ],
    [
      "code outside the ACME client calls fetch",
      "src/store/example.ts",
      'export const x = () => fetch("https://example.com/");\n',
      "no-restricted-globals",
    ],
    [
      "a file name is not kebab-case",
      "src/pages/SomePage.tsx",
      "export const x = 1;\n",
      "check-file/filename-naming-convention",
    ],
  ])("fails when %s", async (_, filePath, code, rule) => {
    expect(await rulesBroken(filePath, code)).toContain(rule);
  });

  it("passes the same kinds of files when they keep the rules", async () => {
    expect(
      await rulesBroken(
        "src/pki/example.ts",
        'import { toBase64 } from "./pem";\n/** Doc. */\nexport const x = toBase64;\n',
      ),
    ).toEqual([]);
  });
});
