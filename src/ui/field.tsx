/** A labelled control with its hint and its error beside it, linked for screen readers. */
import { useId, type ReactNode } from "react";
import { showHiddenCharacters } from "../pki/visible-text";
import { fieldAnchor } from "./field-anchor";

export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

/** The one fix for an error, offered beside it as a button: "Use meet.contoso.com". */
export interface ErrorFix {
  label: string;
  onFix: () => void;
}

export function Field(props: {
  /** The field's anchor (fieldAnchor), when a page's error summary links straight to it; else an id of its own. */
  anchor?: string;
  label: ReactNode;
  error?: string | null;
  /** The error's one fix, where there is exactly one. */
  fix?: ErrorFix | null;
  hint?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  const generated = useId();
  const id = props.anchor ? fieldAnchor(props.anchor) : generated;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, "aria-describedby": describedBy, "aria-invalid": props.error ? true : undefined })}
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <ErrorText id={errorId} error={props.error} fix={props.fix} />
    </div>
  );
}

/**
 * The error beside a field, with its one fix as a button when there is one; the live region is always there so
 * that a new error is announced. The same message goes into the page's error summary when an action stays.
 */
export function ErrorText(props: { id?: string; error?: string | null; fix?: ErrorFix | null }) {
  return (
    <p className="error" id={props.id} aria-live="polite">
      {/* A message may quote a value from a file: its hidden characters are written out, not obeyed. */}
      {props.error ? showHiddenCharacters(props.error) : ""}
      {props.error && props.fix && (
        <>
          {" "}
          <button type="button" className="link" onClick={props.fix.onFix}>
            {props.fix.label}
          </button>
        </>
      )}
    </p>
  );
}
