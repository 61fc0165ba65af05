/**
 * What survives a reload of the ACME page: the order's URL, its account's URL and which request it is for (no
 * secret), so that opening the account file again picks the order up. Read back validated.
 */
import { base64OrNull } from "../pki/pem";
import type { ResumeRecord } from "./acme-state";

const RESUME_KEY = "certificate-request-wizard/acme-order";

/** Reads the resume record back, validated; anything else is dropped. */
export function readResume(text: string | null): ResumeRecord | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as Record<string, unknown>;
    const https = (v: unknown): v is string => typeof v === "string" && v.startsWith("https://");
    const q = r.request as Record<string, unknown> | undefined;
    const request =
      q?.kind === "kept" && typeof q.id === "string"
        ? { kind: "kept" as const, id: q.id }
        : q?.kind === "file" && typeof q.name === "string" && typeof q.csr === "string" && base64OrNull(q.csr)
          ? { kind: "file" as const, name: q.name, csr: q.csr }
          : null;
    if (!https(r.directoryUrl) || !https(r.orderUrl) || !https(r.kid) || !request) return null;
    return { directoryUrl: r.directoryUrl, orderUrl: r.orderUrl, kid: r.kid, request };
  } catch {
    return null;
  }
}

/** Keeps the resume record, or forgets it (null); storage that refuses is no failure. */
export function storeResume(record: ResumeRecord | null) {
  try {
    if (record) localStorage.setItem(RESUME_KEY, JSON.stringify(record));
    else localStorage.removeItem(RESUME_KEY);
  } catch {
    // Storage refused: the order simply cannot be resumed after a reload.
  }
}

/** The resume record kept in this browser, if any and valid. */
export const loadResume = (): ResumeRecord | null => readResume(localStorage.getItem(RESUME_KEY));
