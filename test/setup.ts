// @peculiar/x509 and asn1-schema decorators read type metadata at class definition: load the polyfill first.
import "reflect-metadata";
// The store keeps pending requests in IndexedDB and the draft in localStorage; Node has neither, so the store
// tests run on fake-indexeddb and an in-memory Storage.
import "fake-indexeddb/auto";
import { MemoryStorage } from "./helpers/memory-storage";

globalThis.localStorage ??= new MemoryStorage();

// The planner profiles load on demand (Plan names waits for its own); store tests call the planner at once, so
// the default profile is loaded before any test runs, as Plan names would have loaded it.
import { DEFAULT_PROFILE, loadProfile } from "../src/pki/profiles/registry";
await loadProfile(DEFAULT_PROFILE);
