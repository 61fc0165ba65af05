/** Private key protection: the passphrase that encrypts the key file, typed twice or generated, and kept by the admin. */
import { useState } from "react";
import { passphraseStrength } from "../../pki/passphrase";
import { finishBlockers } from "../../store/selectors";
import { useWizard } from "../../store/store";
import { Checkbox } from "../../ui/checkbox";
import { CopyButton } from "../../ui/copy-button";
import { ErrorText, Field } from "../../ui/field";
import { fieldAnchor } from "../../ui/field-anchor";

/** `id` is the page's own, so that the hint's id stays the page's. */
export function KeyProtection({ id }: { id: string }) {
  const passphrase = useWizard((s) => s.passphrase);
  const confirm = useWizard((s) => s.passphraseConfirm);
  const setPassphrase = useWizard((s) => s.setPassphrase);
  const generate = useWizard((s) => s.generatePassphrase);
  const generated = useWizard((s) => s.passphraseGenerated);
  const passphraseStored = useWizard((s) => s.passphraseStored);
  const setPassphraseStored = useWizard((s) => s.setPassphraseStored);
  const finish = useWizard((s) => s.finish);
  const [show, setShow] = useState(false);
  const blockers = useWizard(finishBlockers);
  // Each passphrase blocker shows beside its field once Finish was refused for it; a mismatch shows as soon as
  // the confirmation is as long as the passphrase, since by then it is not a typing in progress.
  const refused = finish.status === "refused";
  const blockerOf = (field: string) => blockers.find((b) => b.field === field)?.message ?? null;
  const strength = passphraseStrength(passphrase);
  const passphraseError = refused ? blockerOf("passphrase") : null;
  const confirmError =
    refused || (confirm && confirm.length >= passphrase.length) ? blockerOf("passphraseConfirm") : null;
  return (
    <fieldset>
      <legend>Private key protection</legend>
      <p className="hint">
        The private key is saved encrypted (PKCS #8, AES-256, PBKDF2 with 600,000 iterations). The passphrase is never
        stored: without it the key file cannot be opened, by you or anyone. At least 8 characters; a generated one is
        best.
      </p>
      <div className="inline">
        <button
          type="button"
          onClick={() => {
            generate();
            setShow(true);
          }}
        >
          Generate a passphrase (recommended)
        </button>
        <Checkbox label="Show passphrase" checked={show} onChange={setShow} />
      </div>
      {/* One message beside the field: the refusal when there is one, else the strength. */}
      <Field
        anchor="passphrase"
        label="Passphrase"
        error={passphraseError}
        hint={passphrase && !passphraseError ? strength.hint : undefined}
      >
        {(control) => (
          <input
            {...control}
            type={show ? "text" : "password"}
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value, confirm)}
          />
        )}
      </Field>
      <Field anchor="passphraseConfirm" label="Confirm passphrase" error={confirmError}>
        {(control) => (
          <input
            {...control}
            type={show ? "text" : "password"}
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setPassphrase(passphrase, e.target.value)}
          />
        )}
      </Field>
      {generated ? (
        <>
          <div className="inline">
            <CopyButton text={passphrase} label="Copy the passphrase" what="The passphrase" />
          </div>
          <div className="choice">
            <input
              type="checkbox"
              id={fieldAnchor("passphraseStored")}
              checked={passphraseStored}
              aria-describedby={`${id}-stored-hint`}
              onChange={(e) => setPassphraseStored(e.target.checked)}
            />
            <label htmlFor={fieldAnchor("passphraseStored")}>I have stored this passphrase</label>
            <p className="hint" id={`${id}-stored-hint`}>
              Without it the key file cannot be opened, by you or anyone: keep it in your password manager.
            </p>
          </div>
          <ErrorText error={refused ? blockerOf("passphraseStored") : null} />
        </>
      ) : (
        show &&
        passphrase && (
          <p className="hint">Write the passphrase down or keep it in your password manager before you click Finish.</p>
        )
      )}
    </fieldset>
  );
}
