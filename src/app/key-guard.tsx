/**
 * "No click loses a key": while the key Finish made is neither downloaded nor kept in this browser, a way out
 * (leaving the save page, Start over) waits here for the admin's answer, and closing or reloading the tab
 * asks through the browser's own beforeunload prompt.
 */
import { useEffect, useId, useRef } from "react";
import { fileStem } from "../pki/request";
import { keyAtRisk } from "../store/selectors";
import { useWizard } from "../store/store";
import { saveFile } from "../ui/download";

/** How each way out reads in the question. */
const WAY_OUT = { "start-over": "Starting over", leave: "Leaving this page", "new-key": "Making a new key" } as const;

export function KeyGuard() {
  const id = useId();
  const exitRequest = useWizard((s) => s.exitRequest);
  const answerExit = useWizard((s) => s.answerExit);
  const stay = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      if (!keyAtRisk(useWizard.getState())) return;
      event.preventDefault();
      // Why both: older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, []);

  useEffect(() => {
    // A modal dialog: the rest of the page is inert until the admin answers; "Stay" has the focus.
    if (!exitRequest) return;
    dialog.current?.showModal();
    stay.current?.focus();
  }, [exitRequest]);

  if (!exitRequest) return null;
  if (!keyAtRisk(useWizard.getState())) return <NewKeyQuestion />;
  const downloadThenGo = () => {
    const s = useWizard.getState();
    if (s.finish.status === "done") {
      saveFile({ name: `${fileStem(s.plan)}.key`, content: s.finish.result.encryptedKey, type: "application/pkcs8" });
      s.markKeyDownloaded();
    }
    answerExit(true);
  };
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className="key-guard"
      onCancel={(e) => {
        e.preventDefault();
        answerExit(false);
      }}
    >
      <h2 id={`${id}-title`}>The private key has not been saved</h2>
      <p id={`${id}-text`}>
        It exists only in this page: it was not downloaded and is not kept in this browser.
        {` ${WAY_OUT[exitRequest.what]} `}
        without it means the certificate the CA issues for this request can never be used.
      </p>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={downloadThenGo}>
          Download the key, then go on
        </button>
        <button type="button" ref={stay} onClick={() => answerExit(false)}>
          Stay on this page
        </button>
        <button type="button" onClick={() => answerExit(true)}>
          Go on without the key
        </button>
      </div>
    </dialog>
  );
}

/** Finish again once the key is safe: nothing is lost, but a second key and request are made only on purpose. */
function NewKeyQuestion() {
  const id = useId();
  const answerExit = useWizard((s) => s.answerExit);
  const keep = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    keep.current?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className="key-guard"
      onCancel={(e) => {
        e.preventDefault();
        answerExit(false);
      }}
    >
      <h2 id={`${id}-title`}>Make a new key and a new request?</h2>
      <p id={`${id}-text`}>
        Your request and its key are ready and saved. Finish again makes another key pair and another request: send the
        CA only one of them, and keep the key that belongs to the one you send.
      </p>
      <div className="dialog-buttons">
        <button type="button" ref={keep} className="primary" onClick={() => answerExit(false)}>
          Keep the request I have
        </button>
        <button type="button" onClick={() => answerExit(true)}>
          Make a new key and request
        </button>
      </div>
    </dialog>
  );
}
