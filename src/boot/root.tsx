/** The tree the page renders: the same at build time (prerendered HTML) and in the browser (hydrated over it). */
import { StrictMode } from "react";
import { App } from "../app/app";

/** `onReady`: called once React has taken the first page over (see App). */
export function Root({ onReady }: { onReady?: () => void }) {
  return (
    <StrictMode>
      <App onReady={onReady} />
    </StrictMode>
  );
}
