/** Private key: a pending request kept in this browser, or the encrypted key file, opened with its passphrase. */
import { useShallow } from "zustand/react/shallow";
import { INPUT_LIMIT_HINT } from "../../pki/input-limits";
import { useWizard } from "../../store/store";
import { Field } from "../../ui/field";
import { FilePicker } from "../../ui/file-picker";
import { OpeningProgress } from "./opening-progress";
import { PendingRequestsTable } from "./pending-requests-table";

export function KeyPicker() {
  const s = useWizard(
    useShallow((w) => ({
      hasPending: w.pending.length > 0,
      pendingError: w.pendingError,
      sharedStorageAllowed: w.sharedStorageAllowed,
      keySource: w.keySource,
      keyError: w.keyError,
      keyPassphrase: w.keyPassphrase,
      openedKey: w.openedKey,
      chooseKeyFile: w.chooseKeyFile,
      setKeyPassphrase: w.setKeyPassphrase,
      openKey: w.openKey,
    })),
  );
  return (
    <fieldset>
      <legend>Private key</legend>
      {s.pendingError && (
        <p className="error" role="alert">
          {s.pendingError}
        </p>
      )}
      {s.hasPending ? (
        <PendingRequestsTable />
      ) : (
        !s.pendingError && (
          <p className="hint">
            {s.sharedStorageAllowed
              ? "No pending request is kept in this browser."
              : "Opened from a file, this page keeps no request in the browser unless you allow it on the save page."}{" "}
            Load the encrypted key file (.key) the wizard saved.
          </p>
        )
      )}
      <div className="choice">
        <FilePicker
          label="Load an encrypted private key file…"
          accept=".key,.pem,.p8,.pfx,.p12"
          onFiles={([file]) => s.chooseKeyFile(file!)}
        />
        <p className="hint">
          {s.keySource?.kind === "file" ? `Key file: ${s.keySource.name}. ` : ""}
          {s.keySource?.kind === "pfx" ? `.pfx to convert: ${s.keySource.name}. ` : ""}
          The .key the wizard saved, or a .pfx / .p12 to convert to another profile, password or proxy (its certificates
          come with it). {INPUT_LIMIT_HINT}
        </p>
      </div>
      {!s.keySource && s.keyError && (
        <p className="error" role="alert">
          {s.keyError}
        </p>
      )}
      {s.keySource && (
        <Field
          label={s.keySource.kind === "pfx" ? "Password of the .pfx" : "Passphrase of the private key"}
          error={s.keyError}
          hint={
            s.openedKey
              ? `Opened. Public key SHA-256: ${s.openedKey.spkiSha256}`
              : s.keySource.kind === "pfx"
                ? 'Exported with no password (Windows\' "Password: none")? Leave it empty and open.'
                : undefined
          }
        >
          {(control) => (
            <div className="inline">
              <input
                {...control}
                type="password"
                autoComplete="current-password"
                value={s.keyPassphrase}
                onChange={(e) => s.setKeyPassphrase(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") void s.openKey();
                }}
              />
              <button type="button" onClick={() => void s.openKey()}>
                {s.keySource?.kind === "pfx" ? "Open the .pfx" : "Open the key"}
              </button>
            </div>
          )}
        </Field>
      )}
      <OpeningProgress />
    </fieldset>
  );
}
