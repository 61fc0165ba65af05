/**
 * While a key or .pfx opens for longer than 300 ms: how far it is, and Cancel. A crafted .pfx may ask for a
 * million iterations; the page stays usable (the work runs in a Worker), and the admin need not wait for it.
 */
import { useEffect, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useWizard } from "../../store/store";

/** Why 300 ms: a normal .pfx or key opens sooner, and a bar that flashes for a moment only distracts. */
const SHOW_AFTER_MS = 300;

export function OpeningProgress() {
  const opening = useWizard((s) => s.keyOpening);
  // Mounted anew for each opening, so the delay starts again.
  return opening ? <ProgressAfterDelay /> : null;
}

function ProgressAfterDelay() {
  const { progress, isPfx, cancel } = useWizard(
    useShallow((s) => ({ progress: s.keyProgress, isPfx: s.keySource?.kind === "pfx", cancel: s.cancelOpenKey })),
  );
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!shown) return null;
  const percent = progress && progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : null;
  const what = isPfx ? "Opening the .pfx" : "Opening the key";
  return (
    <div className="inline opening-progress" role="status">
      <span>
        {what}
        {percent === null ? "…" : `: ${percent}% of the key derivations asked for so far`}
      </span>
      <progress aria-label={what} value={progress?.done} max={progress?.total || undefined} />
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
