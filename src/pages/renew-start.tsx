/** Renew a certificate: one drop of last time's certificate, request, .pfx or settings file, straight to Finish. */
import { useEffect, useId, useState } from "react";
import { INPUT_LIMIT_HINT } from "../pki/input-limits";
import { useWizard } from "../store/store";
import { ErrorText, Field } from "../ui/field";
import { FilePicker } from "../ui/file-picker";
import { ShownText } from "../ui/shown-text";

export function RenewStart() {
  const id = useId();
  const renewFrom = useWizard((s) => s.renewFrom);
  const renewFromPfx = useWizard((s) => s.renewFromPfx);
  const pendingPfx = useWizard((s) => s.renewalPfx);
  const error = useWizard((s) => s.renewalError);
  const opening = useWizard((s) => s.renewalOpening);
  const cancel = useWizard((s) => s.cancelRenewalPfx);
  const [password, setPassword] = useState("");
  const kept = useWizard((s) => s.pending);
  const renewFromKept = useWizard((s) => s.renewFromKept);
  const refreshPending = useWizard((s) => s.refreshPending);
  useEffect(() => void refreshPending(), [refreshPending]);
  return (
    <div className="choice">
      <FilePicker
        label="Renew a certificate…"
        accept=".pfx,.p12,.cer,.crt,.pem,.der,.p7b,.p7c,.req,.csr,.json"
        describedBy={`${id}-hint ${id}-error`}
        onFiles={([file]) => renewFrom(file!)}
        dropHint="or drop the file here"
      />
      <p className="hint" id={`${id}-hint`}>
        Drop the current certificate (.cer, .crt, .p7b), last time's request, the .pfx, or the settings file: the same
        names, usages and key choice, a new key, today's rules. {INPUT_LIMIT_HINT}
      </p>
      {pendingPfx && (
        <Field
          label={`Password of ${pendingPfx.name}`}
          hint="Only its certificate is read; the old key is not reused. Exported with no password? Leave it empty."
        >
          {(control) => (
            <div className="inline">
              <input
                {...control}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") void renewFromPfx(password);
                }}
              />
              <button type="button" onClick={() => void renewFromPfx(password)}>
                Open the .pfx
              </button>
              {opening && (
                <span role="status">
                  Opening…{" "}
                  <button type="button" onClick={cancel}>
                    Cancel
                  </button>
                </span>
              )}
            </div>
          )}
        </Field>
      )}
      {kept.length > 0 && (
        <ul className="kept-renewals" aria-label="Renew a request kept in this browser">
          {kept.map((k) => (
            <li key={k.id}>
              <button type="button" className="link" onClick={() => renewFromKept(k.id)}>
                Renew <ShownText text={k.friendlyName || k.subject || "the request"} />
              </button>{" "}
              <span className="hint">(kept {new Date(k.created).toLocaleDateString()})</span>
            </li>
          ))}
        </ul>
      )}
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}
