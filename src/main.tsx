import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);
// Why a transition: React then renders the first page in slices of a few milliseconds, yielding in between,
// instead of in one main-thread task that grew past 50 ms on a slow machine.
startTransition(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
