/**
 * The page's entry. The first page is already in the HTML (prerendered at build time): its first paint should
 * not wait for React to be compiled and run, so the app starts after that paint, in a chunk of its own.
 */
// The style is linked from the HTML (render-blocking, as it should be): the prerendered page shows styled.
import "./styles.css";

const prerendered =
  document.getElementById("root")?.firstElementChild && !("stalePrerender" in document.documentElement.dataset);
if (prerendered) await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
try {
  await import("./boot/boot");
} catch (error) {
  // The app could not start (a chunk failed to load): show what is there rather than a page hidden for a draft.
  delete document.documentElement.dataset.stalePrerender;
  throw error;
}
