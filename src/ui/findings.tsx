/** A list of findings: severity, the sentence, its source, and the one-click fix where there is one. */
import { SEVERITY_WORD, type Finding } from "../pki/finding";
import { showHiddenCharacters } from "../pki/visible-text";

/** Without `onFix` (a request read from a file has no plan to change), the fixes are not offered. */
export function Findings<FixId extends string>(props: {
  findings: readonly Finding<string, FixId>[];
  onFix?: (fix: FixId) => void;
  label: string;
  /** What to say when there is nothing to report. */
  empty: string;
}) {
  if (props.findings.length === 0) return <p className="ok">{props.empty}</p>;
  return (
    <ul className="findings" aria-label={props.label}>
      {props.findings.map((f) => (
        <li key={`${f.id}:${f.message}`} className={f.severity}>
          <strong>{SEVERITY_WORD[f.severity]}:</strong> {showHiddenCharacters(f.message)}
          {f.source && <span className="source"> ({f.source})</span>}
          {f.fix && props.onFix && (
            <>
              {" "}
              <button type="button" className="link" onClick={() => props.onFix?.(f.fix!.id)}>
                {f.fix.label}
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
