/** A labelled control with its hint and its error beside it, linked for screen readers. */
import { useId, type ReactNode } from "react";
import { showHiddenCharacters } from "../pki/visible-text";

export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

export function Field(props: {
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
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

/** The error beside a field; the live region is always there so that a new error is announced. */
export function ErrorText(props: { id?: string; error?: string | null }) {
  return (
    <p className="error" id={props.id} aria-live="polite">
      {/* A message may quote a value from a file: its hidden characters are written out, not obeyed. */}
      {props.error ? showHiddenCharacters(props.error) : ""}
    </p>
  );
}
