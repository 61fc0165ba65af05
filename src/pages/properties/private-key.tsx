/** Private Key tab: the provider shown as the algorithm, Key options, Key type and Select Hash Algorithm. */
import { useId } from "react";
import { HASHES, KEY_ALGORITHMS, RSA_KEY_SIZES, type HashName, type KeyAlgorithm, type KeySpec, type RsaKeySize } from "../../pki/request";
import { useWizard } from "../../store/wizard";
import { Checkbox } from "../../ui/checkbox";
import { Field } from "../../ui/field";

const KEY_SPECS: { value: KeySpec; label: string; hint: string }[] = [
  { value: "exchange", label: "Exchange", hint: "For TLS: Schannel (IIS, TMG, Lync, Exchange) needs an Exchange key." },
  { value: "signature", label: "Signature", hint: "Signing only. Schannel never uses a signature-only key: not for a server certificate." },
];

export function PrivateKeyTab() {
  const id = useId();
  const draft = useWizard((s) => s.properties!.draft);
  const update = useWizard((s) => s.updateDraft);
  const key = draft.key;
  const setKey = (change: Partial<typeof key>) => update((d) => ({ ...d, key: { ...d.key, ...change } }));
  const legacy = draft.template === "legacy";
  return (
    <>
      <fieldset>
        <legend>Cryptographic Service Provider</legend>
        <p className="hint">
          {legacy
            ? "Legacy key: RSA, as Microsoft RSA SChannel Cryptographic Provider makes it. ECDSA needs the CNG key template (Custom Request page)."
            : "CNG key: RSA or ECDSA, as Microsoft Software Key Storage Provider makes it."}
        </p>
        {KEY_ALGORITHMS.map((a) => (
          <div className="choice" key={a.value}>
            <input
              type="radio"
              name={`${id}-alg`}
              id={`${id}-${a.value}`}
              checked={key.algorithm === a.value}
              disabled={legacy && a.cngOnly}
              onChange={() => setKey({ algorithm: a.value as KeyAlgorithm })}
            />
            <label htmlFor={`${id}-${a.value}`}>{a.label}</label>
          </div>
        ))}
        {legacy && key.algorithm !== "rsa" && (
          <p className="error">The Legacy key template supports RSA only: choose RSA, or the CNG key template.</p>
        )}
      </fieldset>
      <fieldset>
        <legend>Key options</legend>
        <Field
          label="Key size"
          hint={
            key.algorithm !== "rsa"
              ? `The curve fixes the size: ${key.algorithm === "ecdsa-p256" ? 256 : 384} bits.`
              : key.rsaKeySize === 1024
                ? "1024 bits is too weak: no public CA accepts it, and Windows warns about it."
                : "2048 bits is what the article and every public CA ask for."
          }
        >
          {(control) => (
            <select
              {...control}
              disabled={key.algorithm !== "rsa"}
              value={key.rsaKeySize}
              onChange={(e) => setKey({ rsaKeySize: Number(e.target.value) as RsaKeySize })}
            >
              {RSA_KEY_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Checkbox
          label="Make private key exportable"
          checked
          disabled
          onChange={() => undefined}
          hint="Always on here: the key is made in this page and leaves it once, as a file encrypted under your passphrase, so that every proxy in a farm can import it."
        />
      </fieldset>
      <fieldset>
        <legend>Key type</legend>
        {KEY_SPECS.map((s) => (
          <div className="choice" key={s.value}>
            <input
              type="radio"
              name={`${id}-spec`}
              id={`${id}-${s.value}`}
              checked={key.keySpec === s.value}
              aria-describedby={`${id}-${s.value}-hint`}
              onChange={() => setKey({ keySpec: s.value })}
            />
            <label htmlFor={`${id}-${s.value}`}>{s.label}</label>
            <p className={s.value === "signature" && key.keySpec === "signature" ? "warning" : "hint"} id={`${id}-${s.value}-hint`}>
              {s.hint}
            </p>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Select Hash Algorithm</legend>
        <Field label="Hash Algorithm" hint="sha256 is what every CA expects.">
          {(control) => (
            <select {...control} value={key.hash} onChange={(e) => setKey({ hash: e.target.value as HashName })}>
              {HASHES.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
    </>
  );
}
