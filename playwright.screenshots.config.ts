/** `npm run screenshots`: the same browser and server as the tests, running only e2e/screenshots.shots.ts. */
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

export default defineConfig({ ...base, testMatch: "screenshots.shots.ts", timeout: 300_000 });
