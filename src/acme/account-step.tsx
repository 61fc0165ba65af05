/**
 * Step 3: the ACME account. A new one (an ECDSA P-256 key made here, the CA's terms accepted, the key written
 * encrypted into the account file) or the account file this page gave last time, opened with its passphrase.
 */
import { useId } from "react";
import { accountBlocker, useAcme } from "../store/acme-store";
import { saveFile } from "../ui/download";
import { FilePicker } from "../ui/file-picker";
import { ShownText } from "../ui/shown-text";

export function AccountStep() {
  const id = useId();
  const s = useAcme();
  const terms = s.directory?.meta?.termsOfService;
  const blocker = accountBlocker(s);
  const host = s.directoryUrl ? new URL(s.directoryUrl).hostname : "ca";
  if (s.account) {
    return (
      <section aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>3. Your ACME account</h2>
        <p>
          Account: <ShownText text={s.account.kid} />
        </p>
        {s.accountFileOut && (
          <p>
            <button
              type="button"
              onClick={() => {
                saveFile({
                  name: `acme-account-${host.replace(/[^A-Za-z0-9.-]+/g, "-")}.json`,
                  content: s.accountFileOut!,
                  type: "application/json",
                });
                s.markAccountFileSaved();
              }}
            >
              Save the account file
            </button>{" "}
            <span className={s.accountFileSaved ? "hint" : "warning"}>
              {s.accountFileSaved
                ? "Saved. Keep it with the passphrase: it is this account, and it resumes an order after a reload."
                : "Save it: without it, this account cannot be used again and an order cannot be resumed after a reload. Its key is encrypted under your passphrase."}
            </span>
          </p>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>3. Your ACME account</h2>
      <fieldset>
        <legend>Account</legend>
        <div className="choice">
          <input
            type="radio"
            name={`${id}-mode`}
            id={`${id}-new`}
            checked={s.accountMode === "new"}
            onChange={() => s.update({ accountMode: "new" })}
          />
          <label htmlFor={`${id}-new`}>A new account</label>
        </div>
        <div className="choice">
          <input
            type="radio"
            name={`${id}-mode`}
            id={`${id}-file`}
            checked={s.accountMode === "file"}
            onChange={() => s.update({ accountMode: "file" })}
          />
          <label htmlFor={`${id}-file`}>The account file this page gave you</label>
        </div>
      </fieldset>
      {s.accountMode === "new" ? (
        <>
          {terms && (
            <div className="choice">
              <input
                type="checkbox"
                id={`${id}-tos`}
                checked={s.termsAccepted}
                onChange={(e) => s.update({ termsAccepted: e.target.checked })}
              />
              <label htmlFor={`${id}-tos`}>I accept the CA's terms of service</label>{" "}
              {/^https:\/\//i.test(terms) ? (
                <a href={terms} target="_blank" rel="noreferrer noopener">
                  Read the terms of service
                </a>
              ) : (
                // Why not a link: only an https: address from the CA is followed; anything else is shown as text.
                <span className="hint">
                  Terms of service: <ShownText text={terms} />
                </span>
              )}
            </div>
          )}
          {s.directory?.meta?.externalAccountRequired && (
            <fieldset>
              <legend>External account binding (this CA requires it)</legend>
              <div className="field">
                <label htmlFor={`${id}-eab-kid`}>Key ID from the CA</label>
                <input
                  id={`${id}-eab-kid`}
                  spellCheck={false}
                  autoComplete="off"
                  value={s.eabKeyId}
                  onChange={(e) => s.update({ eabKeyId: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-eab-key`}>HMAC key from the CA</label>
                <input
                  id={`${id}-eab-key`}
                  type="password"
                  spellCheck={false}
                  autoComplete="off"
                  value={s.eabHmacKey}
                  onChange={(e) => s.update({ eabHmacKey: e.target.value })}
                />
              </div>
            </fieldset>
          )}
          <div className="field">
            <label htmlFor={`${id}-pass`}>Passphrase for the account file</label>
            <input
              id={`${id}-pass`}
              type="password"
              autoComplete="new-password"
              value={s.passphrase}
              onChange={(e) => s.update({ passphrase: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-confirm`}>Confirm the passphrase</label>
            <input
              id={`${id}-confirm`}
              type="password"
              autoComplete="new-password"
              value={s.confirm}
              onChange={(e) => s.update({ confirm: e.target.value })}
            />
          </div>
          {blocker && <p className="hint">{blocker}</p>}
          <p>
            <button type="button" disabled={blocker !== null || s.busy !== null} onClick={() => void s.createAccount()}>
              Create the account
            </button>
          </p>
        </>
      ) : (
        <>
          <FilePicker
            label="Choose the account file…"
            accept=".json"
            onFiles={(files) => files[0] && s.setAccountFile(files[0])}
            dropHint="or drop it here."
          />
          {s.accountFileIn && (
            <p className="hint">
              Account file: <ShownText text={s.accountFileIn.name} />
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-open`}>Passphrase of the account file</label>
            <input
              id={`${id}-open`}
              type="password"
              autoComplete="current-password"
              value={s.passphrase}
              onChange={(e) => s.update({ passphrase: e.target.value })}
            />
          </div>
          <p>
            <button
              type="button"
              disabled={!s.accountFileIn || !s.passphrase || s.busy !== null}
              onClick={() => void s.openAccount()}
            >
              Open the account
            </button>
          </p>
        </>
      )}
    </section>
  );
}
