/**
 * A labelled input whose id is its field's anchor (fieldAnchor), so that a page's error summary links straight
 * to it; otherwise as Field: its hint and its one error beside it, linked for screen readers.
 */
import type { ReactNode } from "react";
import { fieldAnchor } from "./field-anchor";
import { ErrorText, type ControlProps } from "./field";

export function AnchoredField(props: {
  anchor: string;
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = fieldAnchor(props.anchor);
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
      <ErrorText id={errorId} error={props.error} />
    </div>
  );
}
