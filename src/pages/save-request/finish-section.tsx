/** Finish, its status, and its result: the fingerprint, where the request is kept, and the two downloads. */
import { useEffect, useRef } from "react";
import { toWindowsRequestBase64 } from "../../pki/pem";
import { fileStem, requestFileName } from "../../pki/request";
import { keyAtRisk, requestErrors } from "../../store/selectors";
import { useWizard } from "../../store/store";
import { saveFile } from "../../ui/download";
import { fieldAnchor } from "../../ui/field-anchor";
import { AcmeLink } from "../acme-link";

/** `id` is the page's own, so that the status's and the result's ids stay the page's. */
export function FinishSection({ id }: { id: string }) {
  const plan = useWizard((s) => s.plan);
  const markKeyDownloaded = useWizard((s) => s.markKeyDownloaded);
  const atRisk = useWizard(keyAtRisk);
  const finish = useWizard((s) => s.finish);
  const runFinish = useWizard((s) => s.runFinish);
  const blocked = useWizard((s) => requestErrors(s).length > 0);
  const stem = fileStem(plan);
  const busy = finish.status === "working";
  const done = finish.status === "done";
  const ready = useRef<HTMLHeadingElement>(null);
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
    </>
  );
}
