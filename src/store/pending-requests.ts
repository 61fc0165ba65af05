/**
 * Pending requests kept in this browser, like Windows' "Certificate Enrollment Requests" store: the request,
 * its settings and the private key encrypted under the user's passphrase, in IndexedDB. Nothing kept here
 * is a secret: the key is the same PBES2 file the user downloads.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OfflineRequest } from "../pki/offline-request";
import type { RequestPlan } from "../pki/request";
import { validatePlan } from "../pki/settings";

export interface PendingRequest {
  id: string;
  /** ISO 8601, when Finish made it. */
  created: string;
  friendlyName: string;
  subject: string;
  /** SHA-256 of the request's public key, colon hex: what the issued certificate is matched by. */
  spkiSha256: string;
  pkcs10: Uint8Array<ArrayBuffer>;
  /** PEM "ENCRYPTED PRIVATE KEY" under the user's passphrase. */
  encryptedKey: string;
  plan: RequestPlan;
}

interface Schema extends DBSchema {
  "pending-requests": { key: string; value: PendingRequest };
}

let connection: Promise<IDBPDatabase<Schema>> | null = null;

/**
 * The one connection to the kept requests, opened on first use. Why close on "blocking": another tab (or a
 * newer version of this page) needs the database, and an open connection here would hold it up.
 */
function database(): Promise<IDBPDatabase<Schema>> {
  connection ??= openDB<Schema>("certificate-request-wizard", 1, {
    upgrade(db) {
      db.createObjectStore("pending-requests", { keyPath: "id" });
    },
    blocking() {
      void connection?.then((db) => db.close());
      connection = null;
    },
  }).catch((e: unknown) => {
    connection = null;
    throw e;
  });
  return connection;
}

export async function savePendingRequest(request: PendingRequest): Promise<void> {
  await (await database()).put("pending-requests", request);
}

/** Keeps what Finish made, as Windows keeps a pending request in its Certificate Enrollment Requests store. */
export async function keepRequest(params: { plan: RequestPlan; result: OfflineRequest }): Promise<void> {
  const { plan, result } = params;
  await savePendingRequest({
    id: crypto.randomUUID(),
    created: new Date().toISOString(),
    friendlyName: plan.friendlyName,
    subject: plan.subject.map((p) => `${p.type}=${p.value}`).join(", "),
    spkiSha256: result.spkiSha256,
    pkcs10: result.pkcs10,
    // The same file the user downloads: encrypted under their passphrase, never the key in the clear.
    encryptedKey: result.encryptedKey,
    plan,
  });
}

/** Every pending request, newest first. A damaged record (edited by hand, or from another version) is left out. */
export async function listPendingRequests(): Promise<PendingRequest[]> {
  const all = await (await database()).getAll("pending-requests");
  return all
    .filter(
      (r) =>
        typeof r.id === "string" &&
        typeof r.encryptedKey === "string" &&
        r.encryptedKey.includes("ENCRYPTED PRIVATE KEY") &&
        r.pkcs10 instanceof Uint8Array &&
        typeof r.spkiSha256 === "string" &&
        validatePlan(r.plan).ok,
    )
    .sort((a, b) => b.created.localeCompare(a.created));
}

export async function deletePendingRequest(id: string): Promise<void> {
  await (await database()).delete("pending-requests", id);
}
