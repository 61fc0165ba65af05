/** Select Certificate Enrollment Policy: one choice, as MMC shows it for an offline request. */
import { RadioChoices } from "../ui/radio-choices";

export function EnrollmentPolicyPage() {
  return (
    <RadioChoices
      legend="Custom Request"
      options={[
        {
          value: "none",
          label: "Proceed without enrollment policy",
          hint: "An offline request goes to any CA, public or your own, by file: there is no enrollment server to ask, so this is the only choice, as in the Windows wizard.",
        },
      ]}
      value="none"
      onChange={() => undefined}
    />
  );
}
