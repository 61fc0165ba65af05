/** Custom Request: template, default extensions and request format. */
import { legacyKeyProblem, TEMPLATES, type Template } from "../pki/request";
import { useWizard } from "../store/store";
import { Checkbox } from "../ui/checkbox";
import { Field } from "../ui/field";
import { RadioChoices } from "../ui/radio-choices";

export function CustomRequestPage() {
  const plan = useWizard((s) => s.plan);
  const updatePlan = useWizard((s) => s.updatePlan);
  return (
    <>
      <Field
        label="Template"
        hint="Legacy key is a CryptoAPI key (RSA only), what Lync, Exchange and TMG expect. CNG key also allows ECDSA."
        error={legacyKeyProblem(plan)}
      >
        {(control) => (
          <select
            {...control}
            value={plan.template}
            onChange={(e) => updatePlan((p) => ({ ...p, template: e.target.value as Template }))}
          >
            {TEMPLATES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Checkbox
        label="Suppress default extensions"
        checked={plan.suppressDefaultExtensions}
        onChange={(suppressDefaultExtensions) => updatePlan((p) => ({ ...p, suppressDefaultExtensions }))}
        hint="Unchecked, the request also carries a Subject Key Identifier, and a default key usage when you choose none. Checked, it carries only the extensions you add."
      />
      <RadioChoices
        legend="Request format"
        options={[
          { value: "pkcs10", label: "PKCS #10" },
          {
            value: "cmc",
            label: "CMC",
            disabled: true,
            hint: "CMC is not offered: it is for enrolling through a CA connection, which this page never makes, and every public CA and Windows CA accepts PKCS #10.",
          },
        ]}
        value="pkcs10"
        onChange={() => undefined}
      />
    </>
  );
}
