/** The .pfx password: its own, generated, by default; the key's passphrase only with a plain word on what it costs. */
import { useShallow } from "zustand/react/shallow";
import { takesPfx } from "../../pki/export-targets";
import { useWizard } from "../../store/store";
import { Checkbox } from "../../ui/checkbox";
import { CopyButton } from "../../ui/copy-button";
import { Field } from "../../ui/field";

const nonAscii = (text: string) => /[^\x20-\x7e]/.test(text);

export function PfxPassword() {
  const { pfx, keyPassphrase, updatePfx, generatePfxPassword } = useWizard(
    useShallow((s) => ({
      pfx: s.pfx,
      keyPassphrase: s.keyPassphrase,
      updatePfx: s.updatePfx,
      generatePfxPassword: s.generatePfxPassword,
    })),
  );
  const password = pfx.useKeyPassphrase ? keyPassphrase : pfx.password;
  // A .pfx has a .pfx password; the PEM files of NGINX, Apache and HAProxy have an encrypted key file.
  const isPfx = takesPfx(pfx.target);
  const name = isPfx ? ".pfx password" : "Export password";
  return (
    <fieldset>
      <legend>{name}</legend>
      <Checkbox
        label={isPfx ? "Protect the .pfx with the key's passphrase" : "Protect the key file with the key's passphrase"}
        checked={pfx.useKeyPassphrase}
        onChange={(useKeyPassphrase) => updatePfx({ useKeyPassphrase })}
      />
      {pfx.useKeyPassphrase ? (
        isPfx && (
          <p className="warning">
            The .pfx protects the key with only 2,048 iterations, because Windows imports no more: anyone with the .pfx
            can try passphrases about 300 times faster than against the .key file (600,000). Give the .pfx its own
            password where you can.
          </p>
        )
      ) : (
        <>
          <Field
            label={name}
            hint={pfx.generated ? "Generated here: copy it into your password manager before you export." : undefined}
          >
            {(control) => (
              <div className="inline">
                <input
                  {...control}
                  type={pfx.generated ? "text" : "password"}
                  autoComplete="new-password"
                  spellCheck={false}
                  value={pfx.password}
                  onChange={(e) => updatePfx({ password: e.target.value, generated: false, passwordStored: false })}
                />
                {pfx.generated && (
                  <CopyButton
                    text={pfx.password}
                    label="Copy"
                    what={isPfx ? "The .pfx password" : "The export password"}
                  />
                )}
                <button type="button" onClick={generatePfxPassword}>
                  Generate a password
                </button>
              </div>
            )}
          </Field>
          {pfx.generated ? (
            <Checkbox
              label="I have stored this password"
              checked={pfx.passwordStored}
              onChange={(passwordStored) => updatePfx({ passwordStored })}
            />
          ) : (
            <Field label={`Confirm ${name.replace(/^E/, "e")}`}>
              {(control) => (
                <input
                  {...control}
                  type="password"
                  autoComplete="new-password"
                  value={pfx.confirm}
                  onChange={(e) => updatePfx({ confirm: e.target.value })}
                />
              )}
            </Field>
          )}
        </>
      )}
      {nonAscii(password) && (
        <p className="warning">
          This password has characters beyond plain ASCII: Java and some Windows versions derive a different key from
          them and then cannot open the .pfx.
        </p>
      )}
    </fieldset>
  );
}
