/** The error summary at the top of a page: why an action stayed, each reason a link to the input that fixes it. */
import { forwardRef } from "react";
import { showHiddenCharacters } from "../pki/visible-text";
import { fieldAnchor, focusField } from "./field-anchor";

export const ErrorSummary = forwardRef<
  HTMLDivElement,
  { title: string; blockers: readonly { field: string; message: string }[] }
>(function ErrorSummary(props, ref) {
  return (
    // role=alert and the focus moved here by the caller: a screen reader reads why the action stayed.
    <div className="error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p>{props.title}</p>
      <ul>
        {props.blockers.map((b) => (
          <li key={b.message}>
            <a
              href={`#${fieldAnchor(b.field)}`}
              onClick={(e) => {
                // The browser's own jump would not focus a textarea nor keep the page's header in view.
                if (focusField(b.field)) e.preventDefault();
              }}
            >
              {showHiddenCharacters(b.message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
