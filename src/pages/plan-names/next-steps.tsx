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
    <details>
      <summary>What to configure next</summary>
      <ol>
        {steps.map((step) => (
          <li key={step.text}>
            <p>{step.text}</p>
            {step.command && (
              <>
                <pre>{step.command}</pre>
                <CopyButton text={step.command} label="Copy the command" what="The command" />
              </>
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
