/** "This request goes to": chosen once, on Certificate Enrollment, before any name is planned; every check reads it. */
import type { CaTarget } from "../pki/lint";
import { useWizard } from "../store/store";
import { RadioChoices, type RadioOption } from "../ui/radio-choices";

export const CA_TARGETS: RadioOption<CaTarget>[] = [
  {
    value: "public",
    label: "A public CA",
    hint: "The article asks for a public certificate: the CA/Browser Forum rules apply, and the request asks for Server Authentication only.",
  },
  {
    value: "internal",
    label: "My own (internal) CA",
    hint: "Internal names, private addresses and Client Authentication are fine there.",
  },
];

export function CaTargetChoice() {
  const caTarget = useWizard((s) => s.caTarget);
  const setCaTarget = useWizard((s) => s.setCaTarget);
  return <RadioChoices legend="This request goes to" options={CA_TARGETS} value={caTarget} onChange={setCaTarget} />;
}
