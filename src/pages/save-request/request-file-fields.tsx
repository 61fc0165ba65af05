/** The request's File Name and File format, as MMC asks them. */
import { fileNameProblem, fileStem, requestFileName, type RequestFormat } from "../../pki/request";
import { useWizard } from "../../store/store";
import { Field } from "../../ui/field";
import { RadioChoices, type RadioOption } from "../../ui/radio-choices";

const FILE_FORMATS: RadioOption<RequestFormat>[] = [
  {
    value: "base64",
    label: "Base 64",
    hint: "Text between -----BEGIN NEW CERTIFICATE REQUEST----- lines, as Windows writes it: paste it into a CA's web form.",
  },
  { value: "binary", label: "Binary", hint: "DER bytes, for a CA that asks for a binary file." },
];

export function RequestFileFields() {
  const plan = useWizard((s) => s.plan);
  const updatePlan = useWizard((s) => s.updatePlan);
  const stem = fileStem(plan);
  return (
    <>
      <Field
        label="File Name"
        error={fileNameProblem(plan.output.fileName)}
        hint={`Your browser saves files in its downloads folder (a folder typed here is not used): the request as ${requestFileName(plan)}, the key as ${stem}.key.`}
      >
        {(control) => (
          <div className="inline file-name">
            <input
              {...control}
              value={plan.output.fileName}
              placeholder={requestFileName(plan)}
              onChange={(e) => {
                const fileName = e.target.value;
                updatePlan((p) => ({ ...p, output: { ...p.output, fileName } }));
              }}
            />
            {/* MMC's Browse, greyed: a page cannot choose a folder; the hint below says where files go. */}
            <button type="button" disabled aria-describedby={`${control.id}-hint`}>
              Browse…
            </button>
          </div>
        )}
      </Field>
      <RadioChoices
        legend="File format"
        options={FILE_FORMATS}
        value={plan.output.format}
        onChange={(format) => updatePlan((p) => ({ ...p, output: { ...p.output, format } }))}
      />
    </>
  );
}
