/** `npm run bench` also runs bench/*.measure.ts under Vitest, for domain code that runs in Node as it does in the page. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["bench/*.measure.ts"], setupFiles: ["test/setup.ts"], testTimeout: 300_000 },
});
