// The page's first script, inline in <head> (allowed by its SHA-256 in the CSP, see vite.config.ts), run before
// the first page's HTML, which the build prerendered (src/boot/prerender.tsx), is parsed. It keeps what the
// admin does on that page before the app's script has taken it over, for src/boot/replay.ts to hand to the
// app, so a click made early is never lost; and it hides the prerendered page when a draft will replace it.
(() => {
  const root = document.documentElement;
  // A returning admin's draft opens another page or other choices: the prerendered first page (a fresh start)
  // would show for a moment and then change, so it stays hidden until the app has drawn the draft's page.
  // Opened from a file the draft is not read unless allowed (src/store/shared-origin.ts): the page starts fresh.
  try {
    if (location.protocol !== "file:" && localStorage.getItem("certificate-request-wizard/draft") !== null)
      root.dataset.stalePrerender = "";
  } catch {
    // Storage refused: the page starts fresh, as prerendered.
  }
  const events = [];
  const take = (event) => {
    const target = event.target;
    if (target instanceof HTMLButtonElement || target instanceof HTMLInputElement)
      events.push({ type: event.type, target });
  };
  document.addEventListener("click", take, true);
  document.addEventListener("change", take, true);
  Object.defineProperty(window, "__earlyInput", {
    configurable: true,
    value: Object.freeze({
      events,
      stop() {
        document.removeEventListener("click", take, true);
        document.removeEventListener("change", take, true);
      },
    }),
  });
  // For `npm run bench` only (src/store/user-timing.ts): the first page is usable once its heading is painted
  // (Element Timing, the heading's elementtiming attribute), since input is kept from then on. The bench's static
  // reference marks the same way.
  if (location.hash === "#bench")
    new PerformanceObserver((list, observer) => {
      const heading = list.getEntries().find((entry) => entry.identifier === "page-heading");
      if (!heading) return;
      observer.disconnect();
      performance.mark("first-page-usable", { startTime: heading.renderTime || heading.loadTime });
    }).observe({ type: "element", buffered: true });
})();
