/** Export: the .pfx's friendly name, profile, key storage, root and password, then the downloads. */
import { chainRoot } from "../../pki/certificates";
import { EXPORT_TARGETS, takesPfx } from "../../pki/export-targets";
import type { PfxProfile } from "../../pki/pfx";
import { friendlyNameProblem } from "../../pki/request";
import { useShallow } from "zustand/react/shallow";
import { useWizard } from "../../store/store";
import { Checkbox } from "../../ui/checkbox";
import { Field } from "../../ui/field";
import { RadioChoices } from "../../ui/radio-choices";
import { ExportButtons } from "./export-buttons";
import { PfxPassword } from "./pfx-password";

const PROFILES: { value: PfxProfile; label: string; hint: string }[] = [
  {
    value: "TripleDES-SHA1",
    label: "TripleDES-SHA1",
    hint: 'Windows Server 2008 R2, 2012 R2 and 2016, TMG 2010, IIS ARR: they refuse AES with a misleading "the password is incorrect".',
  },
  {
    value: "AES256-SHA256",
    label: "AES256-SHA256",
    hint: "Windows Server 2019 and later, Windows 10 1709 and later; OpenSSL 3's default.",
  },
];

export function ExportForm(props: { headingId: string }) {
  const { match, updatePfx, friendlyNameNote, secretsGeneration } = useWizard(
    useShallow((s) => ({
      match: s.match,
      updatePfx: s.updatePfx,
      friendlyNameNote: s.friendlyNameNote,
      secretsGeneration: s.secretsGeneration,
    })),
  );
  // Every choice but the passwords: PfxPassword alone holds those, and is remounted when they are dropped.
  const pfx = useWizard(
    useShallow((s) => ({
      target: s.pfx.target,
      profile: s.pfx.profile,
      includeRoot: s.pfx.includeRoot,
      friendlyName: s.pfx.friendlyName,
      provider: s.pfx.provider,
      keySpec: s.pfx.keySpec,
    })),
  );
  if (match.state !== "matched") return null;
  const root = chainRoot(match);
  return (
    <section aria-labelledby={props.headingId}>
      <h3 id={props.headingId}>Export</h3>
      <Field
        label="Friendly name"
        error={friendlyNameProblem(pfx.friendlyName)}
        hint={`${friendlyNameNote ? `${friendlyNameNote} ` : ""}Windows shows it beside the certificate after import.`}
      >
        {(control) => (
          <input {...control} value={pfx.friendlyName} onChange={(e) => updatePfx({ friendlyName: e.target.value })} />
        )}
      </Field>
      <RadioChoices
        legend="Export for"
        options={EXPORT_TARGETS}
        value={pfx.target}
        onChange={(target) =>
          // An appliance imports AES; Windows before Server 2019 only 3DES, which stays the Windows default.
          updatePfx({ target, profile: target === "appliance" ? "AES256-SHA256" : pfx.profile })
        }
      />
      {!takesPfx(pfx.target) && (
        <p className="hint">
          The key is written as PKCS #8 ENCRYPTED PRIVATE KEY (PBES2, AES-256, PBKDF2 with 600,000 iterations) under the
          export password below: this page never writes a key in the clear.
        </p>
      )}
      {takesPfx(pfx.target) && (
        <>
          <RadioChoices
            legend="Profile"
            options={PROFILES}
            value={pfx.profile}
            onChange={(profile) => updatePfx({ profile })}
          />
          <RadioChoices
            legend="Key storage on import"
            options={[
              {
                value: "legacy",
                label: "Legacy key: Microsoft RSA SChannel Cryptographic Provider",
                hint: "What Lync, Exchange and TMG want: a CryptoAPI key.",
                disabled: match.leaf.publicKey.algorithm.name !== "RSASSA-PKCS1-v1_5",
              },
              { value: "cng", label: "CNG key: Windows chooses the Key Storage Provider" },
            ]}
            value={pfx.provider}
            onChange={(provider) => updatePfx({ provider })}
          >
            {pfx.provider === "legacy" && (
              <RadioChoices
                legend="Key type"
                options={[
                  { value: "exchange", label: "Exchange" },
                  {
                    value: "signature",
                    label: "Signature",
                    hint: "Schannel never uses a signature-only key: a TLS listener needs Exchange.",
                    warn: pfx.keySpec === "signature",
                  },
                ]}
                value={pfx.keySpec}
                onChange={(keySpec) => updatePfx({ keySpec })}
              />
            )}
          </RadioChoices>
        </>
      )}
      <Checkbox
        label="Include the root certificate"
        checked={pfx.includeRoot}
        disabled={!root}
        onChange={(includeRoot) => updatePfx({ includeRoot })}
        hint={
          root
            ? `${root.subject}: usually already trusted; include it when the proxy does not trust your CA yet.`
            : "No root was loaded with the certificate."
        }
      />
      {/* Keyed so that dropped passwords leave React's memory with the inputs that held them. */}
      <PfxPassword key={secretsGeneration} />
      <ExportButtons match={match} />
    </section>
  );
}
