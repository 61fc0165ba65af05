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
      chooseKeyFile: w.chooseKeyFile,
      secretsGeneration: w.secretsGeneration,
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
      {/* Keyed so that a dropped passphrase leaves React's memory with the input that held it. */}
      {s.keySource && <KeyPassphrase key={s.secretsGeneration} />}
      <OpeningProgress />
    </fieldset>
  );
}

/** The key's passphrase or the .pfx's password: the one component that holds it, remounted when it is dropped. */
function KeyPassphrase() {
  const s = useWizard(
    useShallow((w) => ({
      isPfx: w.keySource?.kind === "pfx",
      keyError: w.keyError,
      keyPassphrase: w.keyPassphrase,
      // The fingerprint only: the opened key itself stays in the store, not in a component's memory.
      fingerprint: w.openedKey?.spkiSha256,
      setKeyPassphrase: w.setKeyPassphrase,
      openKey: w.openKey,
    })),
  );
  return (
    <Field
      label={s.isPfx ? "Password of the .pfx" : "Passphrase of the private key"}
      error={s.keyError}
      hint={
        s.fingerprint
          ? `Opened. Public key SHA-256: ${s.fingerprint}`
          : s.isPfx
            ? 'Exported with no password (Windows\' "Password: none")? Leave it empty and open.'
            : undefined
      }
    >
      {(control) => (
        <div className="inline">
          <input
            {...control}
            // "Another format…" focuses this field: the key opens again for the next export.
            data-key-passphrase=""
            type="password"
            autoComplete="current-password"
            value={s.keyPassphrase}
            onChange={(e) => s.setKeyPassphrase(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") void s.openKey();
            }}
          />
          <button type="button" onClick={() => void s.openKey()}>
            {s.isPfx ? "Open the .pfx" : "Open the key"}
          </button>
        </div>
      )}
    </Field>
  );
}
