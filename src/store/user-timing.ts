/**
 * User-timing entries for `npm run bench`, and only for it: the bench opens the page with `#bench` in its
 * address, and the page then marks when it became usable (src/boot/early-input.js) and measures Finish and each export. Anywhere
 * else these do nothing, so the product carries no timing it does not need.
 */
const enabled = () => typeof location !== "undefined" && location.hash === "#bench";

/** A mark at this moment (the bench reads "first-page-usable"). */
export function markNow(name: string): void {
  if (enabled()) performance.mark(name);
}

/** A measure from `start` (a performance.now() value) to now. */
export function measureSince(name: string, start: number): void {
  if (enabled()) performance.measure(name, { start, end: performance.now() });
}
