/** Private Key tab: the provider shown as the algorithm, Key options, Key type and Select Hash Algorithm. */
import {
  HASHES,
  KEY_ALGORITHMS,
  legacyKeyProblem,
  RSA_KEY_SIZES,
  type HashName,
  type KeySpec,
  type RsaKeySize,
} from "../../pki/request";
import { curveOfAlgorithm } from "../../pki/curves";
import { useWizard } from "../../store/store";
import { Checkbox } from "../../ui/checkbox";
import { Field } from "../../ui/field";
import { RadioChoices, type RadioOption } from "../../ui/radio-choices";

const KEY_SPECS: RadioOption<KeySpec>[] = [
  { value: "exchange", label: "Exchange", hint: "For TLS: Schannel (IIS, TMG, Lync, Exchange) needs an Exchange key." },
  {
    value: "signature",
    label: "Signature",
    hint: "Signing only. Schannel never uses a signature-only key: not for a server certificate.",
  },
];

export function PrivateKeyTab() {
  const draft = useWizard((s) => s.properties!.draft);
  const update = useWizard((s) => s.updateDraft);
  const key = draft.key;
  const setKey = (change: Partial<typeof key>) => update((d) => ({ ...d, key: { ...d.key, ...change } }));
  const legacy = draft.template === "legacy";
  return (
    <>
      <RadioChoices
        legend="Cryptographic Service Provider"
        description={
          <p className="hint">
            {legacy
              ? "Legacy key: RSA, as Microsoft RSA SChannel Cryptographic Provider makes it. ECDSA needs the CNG key template (Custom Request page)."
              : "CNG key: RSA or ECDSA, as Microsoft Software Key Storage Provider makes it."}
          </p>
        }
        options={KEY_ALGORITHMS.map((a) => ({
          value: a.value,
          label: a.label,
          disabled: legacy && a.cngOnly,
          // A disabled choice says why.
          hint: legacy && a.cngOnly ? "Needs the CNG key template (Custom Request page)." : undefined,
        }))}
        value={key.algorithm}
        onChange={(algorithm) => setKey({ algorithm })}
      >
        {legacyKeyProblem(draft) && <p className="error">{legacyKeyProblem(draft)}</p>}
      </RadioChoices>
      <fieldset>
        <legend>Key options</legend>
        <Field
          label="Key size"
          hint={
            key.algorithm !== "rsa"
              ? `The curve fixes the size: ${curveOfAlgorithm(key.algorithm)?.bits} bits.`
              : key.rsaKeySize === 1024
                ? "1024 bits is too weak: no public CA accepts it, and Windows warns about it."
                : key.rsaKeySize === 8192
                  ? "8192 bits takes from seconds to a minute to make in the browser, and slows every TLS handshake: 2048 or 3072 is what CAs ask for."
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
          label="Use alternate signature format"
          checked={key.algorithm === "rsa" && key.alternateSignature}
          disabled={key.algorithm !== "rsa"}
          onChange={(alternateSignature) => setKey({ alternateSignature })}
          hint={
            key.algorithm === "rsa"
              ? "Signs the request with RSASSA-PSS instead of PKCS #1 v1.5. Active Directory Certificate Services accepts it; public CAs generally do not."
              : "For RSA keys only: an ECDSA request has one signature format."
          }
        />
        <Checkbox
          label="Make private key exportable"
          checked
          disabled
          onChange={() => undefined}
          hint="Always on here: the key is made in this page and leaves it once, as a file encrypted under your passphrase, so that every proxy in a farm can import it."
        />
      </fieldset>
      <RadioChoices
        legend="Key type"
        options={KEY_SPECS.map((o) => ({ ...o, warn: o.value === "signature" && key.keySpec === "signature" }))}
        value={key.keySpec}
        onChange={(keySpec) => setKey({ keySpec })}
      />
      <fieldset>
        <legend>Select Hash Algorithm</legend>
        <Field
          label="Hash Algorithm"
          hint="sha256 is what every CA expects. sha1 and md5, which MMC lists, are not offered: collisions can be made for both, CAs refuse requests signed with them, and WebCrypto cannot sign with md5."
        >
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
      <fieldset>
        <legend>Options that do not apply in a browser</legend>
        {/* MMC's options, greyed with the reason, so an admin following the article knows they were not missed. */}
        <Checkbox
          label="Allow private key to be archived"
          checked={false}
          disabled
          onChange={() => undefined}
          hint="Archival sends the key to the CA, and this page never connects to a CA: keep the encrypted key file and its passphrase instead."
        />
        <Checkbox
          label="Strong private key protection"
          checked={false}
          disabled
          onChange={() => undefined}
          hint="The key lives in a file encrypted under your passphrase, not in a Windows key store: choose strong protection when you import the .pfx on the proxy."
        />
        <div className="choice">
          <button type="button" disabled aria-describedby="key-permissions-why">
            Key permissions…
          </button>
          <p className="hint" id="key-permissions-why">
            Permissions belong to the key on the proxy: after the import, Certificates snap-in &gt; the certificate &gt;
            All Tasks &gt; Manage Private Keys.
          </p>
        </div>
      </fieldset>
    </>
  );
}
