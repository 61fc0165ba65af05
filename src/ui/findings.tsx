/** The preflight's findings: severity, the sentence, its source, and the one-click fix where there is one. */
import type { FixId, Finding } from "../pki/lint";

const WORD = { error: "Error", warning: "Warning", info: "Note" } as const;

/** Without `onFix` (a request read from a file has no plan to change), the fixes are not offered. */
export function Findings(props: { findings: readonly Finding[]; onFix?: (fix: FixId) => void; label: string }) {
  if (props.findings.length === 0) return <p className="ok">Preflight: nothing a CA would reject.</p>;
  return (
    <ul className="findings" aria-label={props.label}>
      {props.findings.map((f) => (
        <li key={`${f.id}:${f.message}`} className={f.severity}>
          <strong>{WORD[f.severity]}:</strong> {f.message} <span className="source">({f.source})</span>
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
