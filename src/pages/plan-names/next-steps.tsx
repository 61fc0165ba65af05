/** "What to configure next": the profile's steps once the certificate is issued, and the publishing rules. */
import type { NextStep, PublishingRule } from "../../pki/profiles/framework";
import { CopyButton } from "../../ui/copy-button";

export function NextSteps({
  steps,
  publishing,
}: {
  steps: readonly NextStep[];
  publishing: readonly PublishingRule[];
}) {
  if (steps.length === 0 && publishing.length === 0) return null;
  return (
    <details className="next-steps">
      <summary>What to configure next</summary>
      <ol>
        {steps.map((step, i) => (
          <li key={step.text}>
            <p>{step.text}</p>
            {step.command && (
              // The command keeps its lines as PowerShell reads them: it scrolls sideways in its own box, never the
              // page, and that box takes the focus (a scrolling region a keyboard can reach, with a name).
              <div className="command-block">
                <pre tabIndex={0} aria-label={`The command of step ${i + 1}`}>
                  {step.command}
                </pre>
                <CopyButton text={step.command} label="Copy the command" what="The command" />
              </div>
            )}
            {step.source && <p className="hint">Source: {step.source}</p>}
          </li>
        ))}
      </ol>
      {publishing.length > 0 && (
        <>
          <h4>Publishing rules</h4>
          <ul>
            {publishing.map((r) => (
              <li key={r.externalName}>
                <strong>{r.externalName}</strong>: {r.rule}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
