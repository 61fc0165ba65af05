/** Where do you want to save the offline request?: file name and format, the key's passphrase, Finish and the downloads. */
import { AcmeLink } from "./acme-link";
import { lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { passphraseStrength } from "../pki/passphrase";
import { toWindowsRequestBase64 } from "../pki/pem";
import { fileNameProblem, fileStem, friendlyNameProblem, requestFileName, type RequestFormat } from "../pki/request";
import { finishBlockers, keyAtRisk, preflightOf, requestErrors } from "../store/selectors";
import { onSharedOrigin, SHARED_ORIGIN_WARNING } from "../store/shared-origin";
import { useWizard } from "../store/store";
import { Checkbox } from "../ui/checkbox";
import { ShownText } from "../ui/shown-text";
import { CopyButton } from "../ui/copy-button";
import { ErrorSummary } from "../ui/error-summary";
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
  const done = finish.status === "done";
  const summary = useRef<HTMLDivElement>(null);
  const ready = useRef<HTMLHeadingElement>(null);
  // Finish refused: the focus goes to the summary at the top, which says why, each reason a link to its field.
  // Each refusal is a new Finish object, so a second refused click moves the focus there again.
  useEffect(() => {
    if (finish.status === "refused") summary.current?.focus();
  }, [finish]);
  // Finish done: the focus goes to its result, so the downloads are the next Tab, not sixteen away.
  const previous = useRef(finish.status);
  useEffect(() => {
    if (previous.current === "working" && finish.status === "done") {
      ready.current?.focus({ preventScroll: true });
      // The whole result in view, its downloads included, not only its heading.
      ready.current?.parentElement?.scrollIntoView({ block: "nearest" });
    }
    previous.current = finish.status;
  }, [finish.status]);

  return (
    <>
      {refused && blockers.length > 0 && (
        <ErrorSummary ref={summary} title="Finish cannot make the request yet:" blockers={blockers} />
      )}
      {renewal && (
        <section className="cert-card" aria-label="Renewal">
          <p>
            <strong>
              Renewal of <ShownText text={renewal.subject || "(empty subject)"} />
            </strong>
            , from <ShownText text={renewal.from} />: the same subject, {renewal.names} alternative name
            {renewal.names === 1 ? "" : "s"}, usages and key algorithm
            {renewal.notes.length > 0 ? " (what could not be carried over is listed below)" : ""}; Finish makes a new
            key. Today&apos;s preflight is below.{" "}
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
            <>
              <p className="warning">Not carried over:</p>
              <ul className="warning" aria-label="Not carried over">
                {renewal.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
          <Field
            label="Friendly name"
            error={friendlyNameProblem(plan.friendlyName)}
            hint={
              renewal.friendlyNameFrom && plan.friendlyName
                ? `From ${renewal.friendlyNameFrom}. Windows shows it beside the certificate; the files are named after it.`
                : "Windows shows it beside the certificate, and the files are named after it: e.g. Reverse Proxy Listener for Lync Server."
            }
          >
            {(control) => (
              <input
                {...control}
                value={plan.friendlyName}
                onChange={(e) => {
                  const friendlyName = e.target.value;
                  updatePlan((p) => ({ ...p, friendlyName }));
                }}
              />
            )}
          </Field>
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
      <FocusAfterFix>
        <Preflight />
      </FocusAfterFix>
      <div className="finish">
        <button
          type="button"
          id={fieldAnchor("finish")}
          // Until the request exists Finish is the one primary action; then the downloads are.
          className={done ? undefined : "primary"}
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
          <h3 id={`${id}-done`} ref={ready} tabIndex={-1}>
            Your request and key are ready
          </h3>
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
              className="primary"
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
              className="primary"
              onClick={() => {
                saveFile({ name: `${stem}.key`, content: finish.result.encryptedKey, type: "application/pkcs8" });
                markKeyDownloaded();
              }}
            >
              Download encrypted private key
            </button>
          </div>
          {finish.kept === "yes" && <AcmeLink />}
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

/**
 * After a one-click fix in the preflight, the fix's button is gone with its finding: the focus goes to the fix
 * now in its place (the next finding's), or to Finish when none is left, never back to the page's top.
 */
function FocusAfterFix(props: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const fixedAt = useRef<number | null>(null);
  const findings = useWizard((s) => preflightOf(s.plan, s.caTarget));
  const fixButtons = () => [...(box.current?.querySelectorAll<HTMLButtonElement>(".findings button") ?? [])];
  useEffect(() => {
    const at = fixedAt.current;
    fixedAt.current = null;
    if (at === null || (document.activeElement && document.activeElement !== document.body)) return;
    const buttons = fixButtons();
    (buttons[Math.min(at, buttons.length - 1)] ?? document.getElementById(fieldAnchor("finish")))?.focus();
  }, [findings]);
  return (
    <div
      ref={box}
      onClickCapture={(e) => {
        const button = (e.target as HTMLElement).closest<HTMLButtonElement>(".findings button");
        if (button) fixedAt.current = fixButtons().indexOf(button);
      }}
    >
      {props.children}
    </div>
  );
}
