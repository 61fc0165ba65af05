/** Where do you want to save the offline request?: file name and format, the key's passphrase, Finish and the downloads. */
import { lazy, Suspense, useEffect, useId, useState } from "react";
import { passphraseStrength } from "../pki/passphrase";
import { toWindowsRequestBase64 } from "../pki/pem";
import { fileNameProblem, fileStem, requestFileName, type RequestFormat } from "../pki/request";
import { finishBlockers, keyAtRisk, requestErrors } from "../store/selectors";
import { onSharedOrigin, SHARED_ORIGIN_WARNING } from "../store/shared-origin";
import { useWizard } from "../store/store";
import { Checkbox } from "../ui/checkbox";
import { ShownText } from "../ui/shown-text";
import { CopyButton } from "../ui/copy-button";
import { ErrorText, Field } from "../ui/field";
import { fieldAnchor } from "../ui/field-anchor";
import { saveFile } from "../ui/download";
import { RadioChoices, type RadioOption } from "../ui/radio-choices";
// Why lazy: the certreq INF and OpenSSL config writers are wanted by few admins, and not to show the first page.
const NativeRequest = lazy(() => import("./native-request").then((m) => ({ default: m.NativeRequest })));
import { Preflight } from "./preflight";

const FILE_FORMATS: RadioOption<RequestFormat>[] = [
  {
    value: "base64",
    label: "Base 64",
    hint: "Text between -----BEGIN NEW CERTIFICATE REQUEST----- lines, as Windows writes it: paste it into a CA's web form.",
  },
  { value: "binary", label: "Binary", hint: "DER bytes, for a CA that asks for a binary file." },
];

export function SaveRequestPage() {
  const id = useId();
  const plan = useWizard((s) => s.plan);
  const updatePlan = useWizard((s) => s.updatePlan);
  const passphrase = useWizard((s) => s.passphrase);
  const confirm = useWizard((s) => s.passphraseConfirm);
  const setPassphrase = useWizard((s) => s.setPassphrase);
  const generate = useWizard((s) => s.generatePassphrase);
  const generated = useWizard((s) => s.passphraseGenerated);
  const passphraseStored = useWizard((s) => s.passphraseStored);
  const setPassphraseStored = useWizard((s) => s.setPassphraseStored);
  const markKeyDownloaded = useWizard((s) => s.markKeyDownloaded);
  const atRisk = useWizard(keyAtRisk);
  const finish = useWizard((s) => s.finish);
  const runFinish = useWizard((s) => s.runFinish);
  const settingsFile = useWizard((s) => s.settingsFile);
  const keepPending = useWizard((s) => s.keepPending);
  const setKeepPending = useWizard((s) => s.setKeepPending);
  const sharedStorageAllowed = useWizard((s) => s.sharedStorageAllowed);
  const allowSharedStorage = useWizard((s) => s.allowSharedStorage);
  const [show, setShow] = useState(false);
  const renewal = useWizard((s) => s.renewal);
  const goTo = useWizard((s) => s.goTo);
  const showKeptResult = useWizard((s) => s.showKeptResult);
  useEffect(() => void showKeptResult(), [showKeptResult]);
  const blockers = useWizard(finishBlockers);
  const blocked = useWizard((s) => requestErrors(s).length > 0);
  // Each passphrase blocker shows beside its field once Finish was refused for it; a mismatch shows as soon as
  // the confirmation is as long as the passphrase, since by then it is not a typing in progress.
  const refused = finish.status === "refused";
  const blockerOf = (field: string) => blockers.find((b) => b.field === field)?.message ?? null;
  const strength = passphraseStrength(passphrase);
  const passphraseError = refused ? blockerOf("passphrase") : null;
  const confirmError =
    refused || (confirm && confirm.length >= passphrase.length) ? blockerOf("passphraseConfirm") : null;
  const stem = fileStem(plan);
  const busy = finish.status === "working";

  return (
    <>
      {renewal && (
        <section className="cert-card" aria-label="Renewal">
          <p>
            <strong>
              Renewal of <ShownText text={renewal.subject || "(empty subject)"} />
            </strong>
            , from <ShownText text={renewal.from} />: the same subject, {renewal.names} alternative name
            {renewal.names === 1 ? "" : "s"}, usages and key choice; Finish makes a new key. Today's preflight is below.{" "}
            <button type="button" className="link" onClick={() => goTo("certificate-information")}>
              Review the request
            </button>
          </p>
          {renewal.changes.length > 0 && (
            <ul aria-label="Since last time">
              {renewal.changes.map((c) => (
                <li key={c}>
                  <ShownText text={c} />
                </li>
              ))}
            </ul>
          )}
          {renewal.notes.length > 0 && (
            <ul className="hint" aria-label="Not carried over">
              {renewal.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <Field
        label="File Name"
        error={fileNameProblem(plan.output.fileName)}
        hint={`Your browser saves files in its downloads folder (a folder typed here is not used): the request as ${requestFileName(plan)}, the key as ${stem}.key.`}
      >
        {(control) => (
          <div className="inline">
            <input
              {...control}
              value={plan.output.fileName}
              placeholder={requestFileName(plan)}
              onChange={(e) => {
                const fileName = e.target.value;
                updatePlan((p) => ({ ...p, output: { ...p.output, fileName } }));
              }}
            />
            {/* MMC's Browse, greyed: a page cannot choose a folder; the hint below says where files go. */}
            <button type="button" disabled aria-describedby={`${control.id}-hint`}>
              Browse…
            </button>
          </div>
        )}
      </Field>
      <RadioChoices
        legend="File format"
        options={FILE_FORMATS}
        value={plan.output.format}
        onChange={(format) => updatePlan((p) => ({ ...p, output: { ...p.output, format } }))}
      />
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
        <Field label="Passphrase" error={passphraseError} hint={passphrase ? strength.hint : undefined}>
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
        <Field label="Confirm passphrase" error={confirmError}>
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
            <Checkbox
              label="I have stored this passphrase"
              checked={passphraseStored}
              onChange={setPassphraseStored}
              hint="Without it the key file cannot be opened, by you or anyone: keep it in your password manager."
            />
            <ErrorText error={refused ? blockerOf("passphraseStored") : null} />
          </>
        ) : (
          show &&
          passphrase && (
            <p className="hint">
              Write the passphrase down or keep it in your password manager before you click Finish.
            </p>
          )
        )}
      </fieldset>
      {onSharedOrigin && (
        <div className="warning" role="group" aria-label="Opened from a file">
          <p>{SHARED_ORIGIN_WARNING}</p>
          <Checkbox
            label="Keep the draft and pending requests in this browser anyway"
            checked={sharedStorageAllowed}
            onChange={allowSharedStorage}
            hint="Off: they stay in this tab only and are gone when it closes; keep the downloaded files."
          />
        </div>
      )}
      <Checkbox
        label="Keep this request in this browser until the certificate comes back"
        checked={keepPending && sharedStorageAllowed}
        disabled={!sharedStorageAllowed}
        onChange={setKeepPending}
        hint="Kept like Windows' Certificate Enrollment Requests store: the request, its settings and the private key encrypted under the same passphrase. Complete the request lists it."
      />
      <Preflight />
      <div className="finish">
        <button
          type="button"
          id={fieldAnchor("finish")}
          className="primary"
          disabled={busy}
          aria-describedby={`${id}-finish-status`}
          onClick={() => void runFinish()}
        >
          Finish
        </button>
        {blocked && (
          <p className="error">
            The request has errors a CA would reject (listed above): fix them, or go Back to Certificate Information.
          </p>
        )}
        <p role="status" aria-live="polite" className="status" id={`${id}-finish-status`}>
          {busy && (
            <>
              <span className="spinner" aria-hidden="true" /> Creating the key pair and the request in this browser…
            </>
          )}
          {finish.status === "failed" && `The request could not be created: ${finish.error}`}
        </p>
      </div>
      {finish.status === "done" && (
        <section className="result" aria-labelledby={`${id}-done`}>
          <h3 id={`${id}-done`}>Your request and key are ready</h3>
          {finish.madeOn && (
            <p>Made on {new Date(finish.madeOn).toLocaleString()} and kept in this browser: shown again from there.</p>
          )}
          <p>
            Public key SHA-256 fingerprint: <code className="fingerprint">{finish.result.spkiSha256}</code>
          </p>
          <p className="hint">
            Send the request to your CA. Keep the key file and its passphrase: you need both when the certificate comes
            back.
            {finish.kept === "yes" &&
              " The request is also kept in this browser: when the CA answers, open Complete the request."}
          </p>
          {typeof finish.kept === "object" && (
            <p className="warning">
              The request could not be kept in this browser ({finish.kept.error}); keep the downloaded files.
            </p>
          )}
          {atRisk && (
            <p className="warning" role="alert">
              The private key has not been saved: it exists only in this page. Download the encrypted private key before
              you leave; without it the certificate the CA issues cannot be used.
            </p>
          )}
          <div className="inline">
            <button
              type="button"
              onClick={() =>
                plan.output.format === "base64"
                  ? saveFile({
                      name: requestFileName(plan),
                      content: toWindowsRequestBase64(finish.result.pkcs10),
                      type: "application/pkcs10",
                    })
                  : saveFile({ name: requestFileName(plan), content: finish.result.pkcs10, type: "application/pkcs10" })
              }
            >
              Download request
            </button>
            <button
              type="button"
              onClick={() => {
                saveFile({ name: `${stem}.key`, content: finish.result.encryptedKey, type: "application/pkcs8" });
                markKeyDownloaded();
              }}
            >
              Download encrypted private key
            </button>
          </div>
        </section>
      )}
      <button
        type="button"
        onClick={() => saveFile({ name: `${stem}.json`, content: settingsFile(), type: "application/json" })}
      >
        Save request settings
      </button>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <NativeRequest />
      </Suspense>
    </>
  );
}
