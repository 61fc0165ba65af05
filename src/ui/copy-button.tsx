/** A Copy button for a secret or a text to paste elsewhere, saying whether the browser allowed it. */
import { useState } from "react";

export function CopyButton(props: {
  text: string;
  label: string;
  /** "The passphrase", "The command"… */ what: string;
}) {
  const [said, setSaid] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(props.text);
            setSaid(`${props.what} is copied.`);
          } catch {
            setSaid("The browser did not allow copying: select the text and copy it.");
          }
        }}
      >
        {props.label}
      </button>
      <span className="hint" aria-live="polite">
        {said ?? ""}
      </span>
    </>
  );
}
