/** Issued certificate: files, a drop or pasted Base 64, and the list of what was loaded. */
import { useId, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { INPUT_LIMIT_HINT } from "../../pki/input-limits";
import { useWizard } from "../../store/store";
import { ErrorText, Field } from "../../ui/field";
import { FilePicker } from "../../ui/file-picker";
import { ShownText } from "../../ui/shown-text";

export function CertificateInput() {
  const id = useId();
  const s = useWizard(
    useShallow((w) => ({
      certificates: w.certificates,
      certificateError: w.certificateError,
      addFiles: w.addFiles,
      addPasted: w.addPasted,
      removeCertificate: w.removeCertificate,
    })),
  );
  const [pasted, setPasted] = useState("");
  return (
    <fieldset>
      <legend>Issued certificate</legend>
      <FilePicker
        label="Load the certificate…"
        accept=".cer,.crt,.pem,.der,.p7b,.p7c"
        multiple
        describedBy={`${id}-cert-error`}
        onFiles={s.addFiles}
        dropHint={`or drop .cer, .crt or .p7b files here (PEM or DER; the chain may come with it). ${INPUT_LIMIT_HINT}`}
      />
      <Field label="Or paste the certificate (Base 64)" hint={INPUT_LIMIT_HINT}>
        {(control) => <textarea {...control} rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} />}
      </Field>
      <button
        type="button"
        onClick={async () => {
          if (await s.addPasted(pasted)) setPasted("");
        }}
      >
        Add the pasted certificate
      </button>
      <ErrorText id={`${id}-cert-error`} error={s.certificateError} />
      {s.certificates.length > 0 && (
        <ul aria-label="Certificates loaded">
          {s.certificates.map((c, i) => (
            <li key={i}>
              <ShownText text={c.subject} /> <span className="hint">({c.name})</span>{" "}
              <button
                type="button"
                className="link"
                aria-label={`Remove ${c.subject}`}
                onClick={() => s.removeCertificate(i)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
