// @ts-check
/**
 * Lint: typescript-eslint's recommended rules, React hooks, one-way imports between the layers
 * (pki <- store <- pages/ui <- app, as shared/docs/style.md draws them), no import cycles, kebab-case file
 * names, and a doc comment on every export of the domain layer. `npm run lint` runs it with Prettier's check.
 */
import js from "@eslint/js";
import checkFile from "eslint-plugin-check-file";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import jsdoc from "eslint-plugin-jsdoc";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/", "playwright-report/", "docs/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: { ...globals.browser, ...globals.node } },
    plugins: { "import-x": importX, "check-file": checkFile },
    settings: { "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs"] })] },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "check-file/filename-naming-convention": [
        "error",
        { "**/*.{ts,tsx,js,mjs}": "KEBAB_CASE" },
        { ignoreMiddleExtensions: true },
      ],
      "check-file/folder-naming-convention": ["error", { "{src,test,e2e,bench,scripts}/**/": "KEBAB_CASE" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The layers, one way: the domain knows nothing of the store, the store nothing of the pages,
      // presentational pieces nothing of the store, and nothing imports the app shell.
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./src/pki",
              from: ["./src/store", "./src/pages", "./src/ui", "./src/app"],
              message: "src/pki is the domain: pure, no store, pages, ui or app.",
            },
            {
              target: "./src/store",
              from: ["./src/pages", "./src/ui", "./src/app"],
              message: "The store does not know the pages.",
            },
            {
              target: "./src/ui",
              from: ["./src/store", "./src/pages", "./src/app"],
              message: "ui pieces are presentational: they take props, not the store.",
            },
            { target: "./src/pages", from: ["./src/app"], message: "Pages do not import the app shell." },
            {
              target: ["./src/pki", "./src/store", "./src/pages", "./src/ui", "./src/app"],
              from: ["./src/acme"],
              message:
                "The ACME page is a shell of its own: the wizard never imports it (its code must not reach the offline page).",
            },
          ],
        },
      ],
    },
  },
  {
    // Why: the offline page promises no network at all (connect-src 'none'); the one place that talks to a server
    // is the ACME client, whose fetch is passed in by the ACME page. Anything else calling fetch is a mistake.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.ts", "src/pki/acme/client.ts", "src/pki/acme/ari.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "Only src/pki/acme/client.ts and ari.ts talk to a server." },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "globalThis",
          property: "fetch",
          message: "Only src/pki/acme/client.ts and ari.ts talk to a server.",
        },
        { object: "window", property: "fetch", message: "Only src/pki/acme/client.ts and ari.ts talk to a server." },
      ],
    },
  },
  {
    // The domain layer: no React, no zustand, no DOM-bound library; every export says which standard it follows.
    files: ["src/pki/**/*.ts"],
    ignores: ["src/pki/**/*.test.ts"],
    plugins: { jsdoc },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-*", "zustand", "zustand/*", "idb"],
              message: "src/pki is pure TypeScript: no React, store or storage.",
            },
          ],
        },
      ],
      "jsdoc/require-jsdoc": [
        "error",
        {
          publicOnly: true,
          require: {
            FunctionDeclaration: true,
            ClassDeclaration: true,
            ArrowFunctionExpression: true,
            FunctionExpression: true,
          },
        },
      ],
    },
  },
);
