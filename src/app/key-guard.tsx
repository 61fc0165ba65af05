/**
 * "No click loses a key": while the key Finish made is neither downloaded nor kept in this browser, a way out
 * (leaving the save page, Start over) waits here for the admin's answer, and closing or reloading the tab
 * asks through the browser's own beforeunload prompt. Finish again, once the key is safe, asks a milder
 * question: nothing is lost, but a second key and request are made only on purpose.
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";
import { fileStem } from "../pki/request";
import { keyAtRisk } from "../store/selectors";
import { useWizard } from "../store/store";
import { saveFile } from "../ui/download";

/** How each way out reads in the question. */
const WAY_OUT = { "start-over": "Starting over", leave: "Leaving this page", "new-key": "Making a new key" } as const;

export function KeyGuard() {
  const exitRequest = useWizard((s) => s.exitRequest);
  const answerExit = useWizard((s) => s.answerExit);
  const stay = useRef<HTMLButtonElement>(null);

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

  if (!exitRequest) return null;
  if (!keyAtRisk(useWizard.getState())) {
    return (
      <Question title="Make a new key and a new request?" focus={stay}>
        <p>
          Your request and its key are ready and saved. Finish again makes another key pair and another request: send
          the CA only one of them, and keep the key that belongs to the one you send.
        </p>
        <button type="button" ref={stay} className="primary" onClick={() => answerExit(false)}>
          Keep the request I have
        </button>
        <button type="button" onClick={() => answerExit(true)}>
          Make a new key and request
        </button>
      </Question>
    );
  }
  const downloadThenGo = () => {
    const s = useWizard.getState();
    if (s.finish.status === "done") {
      saveFile({ name: `${fileStem(s.plan)}.key`, content: s.finish.result.encryptedKey, type: "application/pkcs8" });
      s.markKeyDownloaded();
    }
    answerExit(true);
  };
  return (
    <Question title="The private key has not been saved" focus={stay}>
      <p>
        It exists only in this page: it was not downloaded and is not kept in this browser.
        {` ${WAY_OUT[exitRequest.what]} `}
        without it means the certificate the CA issues for this request can never be used.
      </p>
      <button type="button" className="primary" onClick={downloadThenGo}>
        Download the key, then go on
      </button>
      <button type="button" ref={stay} onClick={() => answerExit(false)}>
        Stay on this page
      </button>
      <button type="button" onClick={() => answerExit(true)}>
        Go on without the key
      </button>
    </Question>
  );
}

/**
 * The modal question: the rest of the page is inert until the admin answers, Escape answers "stay", and the
 * safe answer (`focus`) has the focus. Children: the text first, then the answers.
 */
function Question(props: { title: string; focus: RefObject<HTMLButtonElement | null>; children: ReactNode[] }) {
  const id = useId();
  const answerExit = useWizard((s) => s.answerExit);
  const dialog = useRef<HTMLDialogElement>(null);
  const { focus } = props;
  useEffect(() => {
    dialog.current?.showModal();
    focus.current?.focus();
  }, [focus]);
  const [text, ...answers] = props.children;
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
      <h2 id={`${id}-title`}>{props.title}</h2>
      <div id={`${id}-text`}>{text}</div>
      <div className="dialog-buttons">{answers}</div>
    </dialog>
  );
}
