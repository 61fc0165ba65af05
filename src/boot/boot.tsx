/**
 * Starts the app on #root: hydrates the prerendered first page when the state is a fresh start's (what the
 * build rendered), and hands it the admin's early input; otherwise (a draft, or no prerender, as in `vite dev`)
 * renders afresh.
 */
import { startTransition } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { useWizard, initialState } from "../store/store";
import { markNow } from "../store/user-timing";
import { replayEarlyInput, takeEarlyInput } from "./replay";
import { Root } from "./root";

/** True when the state the page opens with is what the build prerendered: no draft changed any of it. */
function freshStart(): boolean {
  const draftOf = useWizard.persist.getOptions().partialize;
  if (!draftOf) return false;
  return (
    JSON.stringify(draftOf(useWizard.getState())) ===
    JSON.stringify(draftOf({ ...useWizard.getState(), ...initialState() }))
  );
}

/** `run`, the first time only (App calls onReady each time a page is shown). */
function once(run: () => void): () => void {
  let done = false;
  return () => {
    if (!done) run();
    done = true;
  };
}

const container = document.getElementById("root")!;
const shown = () => {
  delete document.documentElement.dataset.stalePrerender;
  markNow("first-page-hydrated");
};
if (container.firstElementChild && freshStart()) {
  // Input is kept until React listens (hydrateRoot below), and replayed once React has taken the page over.
  const early = takeEarlyInput();
  const ready = once(() => {
    shown();
    replayEarlyInput(container, early);
  });
  // Why a transition: React then hydrates in slices of a few milliseconds, yielding in between, so a click while
  // it works is handled soon (React hydrates what was clicked first).
  startTransition(() => {
    hydrateRoot(container, <Root onReady={ready} />);
  });
} else {
  takeEarlyInput();
  container.replaceChildren();
  const root = createRoot(container);
  // Why a transition: the first page renders in slices of a few milliseconds instead of one task over 50 ms.
  startTransition(() => root.render(<Root onReady={once(shown)} />));
}
