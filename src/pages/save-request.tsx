/** Where do you want to save the offline request?: file name and format, the key's passphrase, Finish and the downloads. */
import { lazy, Suspense, useEffect, useId, useRef } from "react";
import { fileStem } from "../pki/request";
import { finishBlockers } from "../store/selectors";
import { useWizard } from "../store/store";
import { ErrorSummary } from "../ui/error-summary";
import { saveFile } from "../ui/download";
// Why lazy: the certreq INF and OpenSSL config writers are wanted by few admins, and not to show the first page.
const NativeRequest = lazy(() => import("./native-request").then((m) => ({ default: m.NativeRequest })));
import { Preflight } from "./preflight";
import { FinishSection } from "./save-request/finish-section";
import { FocusAfterFix } from "./save-request/focus-after-fix";
import { KeyProtection } from "./save-request/key-protection";
import { RenewalCard } from "./save-request/renewal-card";
import { RequestFileFields } from "./save-request/request-file-fields";
import { StorageChoices } from "./save-request/storage-choices";

export function SaveRequestPage() {
  const id = useId();
  const plan = useWizard((s) => s.plan);
  const finish = useWizard((s) => s.finish);
  const settingsFile = useWizard((s) => s.settingsFile);
  const showKeptResult = useWizard((s) => s.showKeptResult);
  useEffect(() => void showKeptResult(), [showKeptResult]);
  const blockers = useWizard(finishBlockers);
  const refused = finish.status === "refused";
  const stem = fileStem(plan);
  const summary = useRef<HTMLDivElement>(null);
  // Finish refused: the focus goes to the summary at the top, which says why, each reason a link to its field.
  // Each refusal is a new Finish object, so a second refused click moves the focus there again.
  useEffect(() => {
    if (finish.status === "refused") summary.current?.focus();
  }, [finish]);

  return (
    <>
      {refused && blockers.length > 0 && (
        <ErrorSummary ref={summary} title="Finish cannot make the request yet:" blockers={blockers} />
      )}
      <RenewalCard />
      <RequestFileFields />
      <KeyProtection id={id} />
      <StorageChoices />
      <FocusAfterFix>
        <Preflight />
      </FocusAfterFix>
      <FinishSection id={id} />
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
