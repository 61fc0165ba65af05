/** What this browser may keep: the shared-origin choice when opened from a file, and the pending request. */
import { onSharedOrigin, SHARED_ORIGIN_WARNING } from "../../store/shared-origin";
import { useWizard } from "../../store/store";
import { Checkbox } from "../../ui/checkbox";

export function StorageChoices() {
  const keepPending = useWizard((s) => s.keepPending);
  const setKeepPending = useWizard((s) => s.setKeepPending);
  const sharedStorageAllowed = useWizard((s) => s.sharedStorageAllowed);
  const allowSharedStorage = useWizard((s) => s.allowSharedStorage);
  return (
    <>
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
    </>
  );
}
