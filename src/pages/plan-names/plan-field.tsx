/** A labelled input of Plan names with the planner's findings beside it, and the "Use the default" link. */
import type { ReactNode } from "react";
import type { Finding } from "../../pki/finding";
import { showHiddenCharacters } from "../../pki/visible-text";
import { fieldAnchor } from "../../ui/field-anchor";

/** The class a finding's paragraph takes by its severity. */
export const severityClass = (f: Finding) =>
  f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "hint";

/** A labelled input with the planner's findings for it beside it; its id is the anchor the error summary links to. */
export function PlanField(props: {
  label: string;
  anchor: string;
  hint?: ReactNode;
  findings: readonly Finding[];
  children: (control: { id: string; "aria-describedby": string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const id = fieldAnchor(props.anchor);
  const invalid = props.findings.some((f) => f.severity === "error");
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, "aria-describedby": `${id}-messages ${id}-hint`, "aria-invalid": invalid || undefined })}
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <div id={`${id}-messages`} aria-live="polite">
        {props.findings.map((f) => (
          <p key={f.message} className={severityClass(f)}>
            {showHiddenCharacters(f.message)}
          </p>
        ))}
      </div>
    </div>
  );
}

/** The findings about a choice, a flag or a group, below it. */
export function LooseFindings({ findings }: { findings: readonly Finding[] }) {
  return findings.map((f) => (
    <p key={f.message} className={severityClass(f)}>
      {showHiddenCharacters(f.message)}
    </p>
  ));
}

/** The hint of an input typed over its default: what the default is, and a link back to it. */
export function UseDefault(props: { value: string; onClick: () => void }) {
  return (
    <>
      Changed from the default {props.value}.{" "}
      <button type="button" className="link" onClick={props.onClick}>
        Use the default
      </button>
    </>
  );
}
