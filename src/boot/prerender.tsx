/**
 * Build time only (vite.config.ts, prerenderFirstPage): the first page as a fresh visit shows it, rendered to
 * HTML, so the page is readable and its choices visible before any script has run; the browser then hydrates it.
 */
import { renderToString } from "react-dom/server";
import { Root } from "./root";

export const renderFirstPage = (): string => renderToString(<Root />);
