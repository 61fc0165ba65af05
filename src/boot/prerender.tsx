/**
 * Build time only (vite.config.ts, prerenderFirstPage): the first page as a fresh visit shows it, rendered to
 * HTML, so the page is readable and its choices visible before any script has run; the browser then hydrates it.
 */
import { renderToString } from "react-dom/server";
import { initialState, useWizard } from "../store/store";
import { Root } from "./root";

/** A fresh start's first page, whatever storage the build's Node may have. */
export function renderFirstPage(): string {
  useWizard.setState(initialState());
  return renderToString(<Root />);
}
