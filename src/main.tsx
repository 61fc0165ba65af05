// @peculiar/x509's decorators read type metadata as their classes load: the polyfill must come first.
import "reflect-metadata";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
