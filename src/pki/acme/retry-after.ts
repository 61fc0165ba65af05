/** Retry-After (RFC 9110 section 10.2.3) as ACME servers send it while an order or authorization is processed. */

/** How long to wait between polls when the server says nothing, and the most the page waits at once. */
export const POLL_DEFAULT_MS = 1_000;
export const POLL_CAP_MS = 30_000;

/**
 * The wait, in milliseconds, a Retry-After value asks for: delay-seconds or an HTTP-date. Absent or unreadable,
 * the default; never below zero, never above the cap (why a cap: the admin is watching the page, and a server's
 * "an hour" would look like a hang; they can poll again).
 */
export function retryAfterMs(
  value: string | null | undefined,
  options: { now?: number; fallback?: number; cap?: number } = {},
): number {
  const fallback = options.fallback ?? POLL_DEFAULT_MS;
  const cap = options.cap ?? POLL_CAP_MS;
  const v = value?.trim();
  let ms: number;
  if (!v) ms = fallback;
  else if (/^\d+$/.test(v)) ms = Number(v) * 1000;
  else {
    const date = Date.parse(v);
    ms = Number.isNaN(date) ? fallback : date - (options.now ?? Date.now());
  }
  return Math.min(cap, Math.max(0, ms));
}

/** Waits `ms`, or rejects at once when `signal` aborts (the admin cancelled). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", abort, { once: true });
  });
}
