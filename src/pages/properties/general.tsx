/** General tab: Friendly name and Description. */
import { descriptionProblem, friendlyNameProblem } from "../../pki/request";
import { useWizard } from "../../store/store";
import { Field } from "../../ui/field";

export function GeneralTab() {
  const draft = useWizard((s) => s.properties!.draft);
  const update = useWizard((s) => s.updateDraft);
  return (
    <>
      <Field
        label="Friendly name"
        hint="Shown by Windows beside the certificate once imported; it does not go into the request."
        error={friendlyNameProblem(draft.friendlyName)}
      >
        {(control) => (
          <input
            {...control}
            value={draft.friendlyName}
            onChange={(e) => update((d) => ({ ...d, friendlyName: e.target.value }))}
          />
        )}
      </Field>
      <Field label="Description" error={descriptionProblem(draft.description)}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={draft.description}
            onChange={(e) => update((d) => ({ ...d, description: e.target.value }))}
          />
        )}
      </Field>
    </>
  );
}
