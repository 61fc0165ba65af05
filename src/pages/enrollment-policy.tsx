/** Select Certificate Enrollment Policy: one choice, as MMC shows it for an offline request. */
import { useId } from "react";

export function EnrollmentPolicyPage() {
  const id = useId();
  return (
    <fieldset>
      <legend>Custom Request</legend>
      <div className="choice">
        <input type="radio" id={id} checked readOnly aria-describedby={`${id}-hint`} />
        <label htmlFor={id}>Proceed without enrollment policy</label>
        <p className="hint" id={`${id}-hint`}>
          An offline request goes to any CA, public or your own, by file: there is no enrollment server to ask, so
          this is the only choice, as in the Windows wizard.
        </p>
      </div>
    </fieldset>
  );
}
