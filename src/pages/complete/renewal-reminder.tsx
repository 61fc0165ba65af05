/** "Add a renewal reminder": an .ics event a margin before the certificate expires, and the public schedule beside it. */
import { renewalReminder } from "../../pki/ics";
import { exportStem } from "../../store/complete-slice";
import { useWizard } from "../../store/store";
import { saveFile } from "../../ui/download";

export function RenewalReminder() {
  const match = useWizard((s) => s.match);
  const stem = useWizard(exportStem);
  if (match.state !== "matched") return null;
  const { view } = match;
  const reminder = () =>
    renewalReminder({
      name: view.commonName || view.altNames[0] || view.subject,
      altNames: view.altNames,
      notBefore: view.notBefore,
      notAfter: view.notAfter,
      thumbprint: view.thumbprint,
      settings: `${stem}.json, written by "Save request settings" when the request was made (or open this certificate on "Open a request or certificate" and use it as a starting point)`,
    });
  const { on, marginDays } = reminder();
  return (
    <div className="inline">
      <button
        type="button"
        onClick={() => saveFile({ name: `renew-${stem}.ics`, content: reminder().text, type: "text/calendar" })}
      >
        Add a renewal reminder
      </button>
      <span className="hint">
        An event for your calendar on {on.toISOString().slice(0, 10)}, {marginDays} days before the certificate expires.
      </span>
    </div>
  );
}
