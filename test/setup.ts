// @peculiar/x509 and asn1-schema decorators read type metadata at class definition: load the polyfill first.
import "reflect-metadata";
// The store keeps pending requests in IndexedDB and the draft in localStorage; Node has neither, so the store
// tests run on fake-indexeddb and an in-memory Storage.
import "fake-indexeddb/auto";
import { MemoryStorage } from "./helpers/memory-storage";

globalThis.localStorage ??= new MemoryStorage();
