/** The ACME page's entry (acme.html): its own CSP allows connections to https: CAs; the wizard's page allows none. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AcmeApp } from "./acme-app";
import "../styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AcmeApp />
  </StrictMode>,
);
