/** Extensions tab: Key usage, Extended Key Usage (application policies) and Basic constraints, each with its critical flag. */
import { useState } from "react";
import { EXTENDED_KEY_USAGES, KEY_USAGES, validateOid, type KeyUsageName } from "../../pki/usages";
import { useWizard } from "../../store/store";
import { Checkbox } from "../../ui/checkbox";
import { Field } from "../../ui/field";
import { ListPicker } from "../../ui/list-picker";

export function ExtensionsTab() {
  const draft = useWizard((s) => s.properties!.draft);
  const update = useWizard((s) => s.updateDraft);
  const [oid, setOid] = useState("");
  const [oidError, setOidError] = useState<string | null>(null);
  const bc = draft.basicConstraints;
  const ekuOptions = [
    ...EXTENDED_KEY_USAGES.map((u) => ({ value: u.oid as string, label: u.label, detail: u.oid as string })),
    ...draft.extendedKeyUsage
      .filter((o) => !EXTENDED_KEY_USAGES.some((u) => u.oid === o))
      .map((o) => ({ value: o, label: o })),
  ];
  const addOid = () => {
    const error = validateOid(oid);
    const value = oid.trim();
    if (error) return setOidError(error);
    if (draft.extendedKeyUsage.includes(value)) return setOidError(`${value} is already selected.`);
    update((d) => ({ ...d, extendedKeyUsage: [...d.extendedKeyUsage, value] }));
    setOid("");
    setOidError(null);
  };
  return (
    <>
      <fieldset>
        <legend>Key usage</legend>
        <p className="hint">
          What the key may do. A TLS server with an RSA key needs Digital signature and Key encipherment.
        </p>
        <ListPicker
          name="Key usage"
          options={KEY_USAGES.map((u) => ({ value: u.name, label: u.label }))}
          selected={draft.keyUsage}
          onChange={(keyUsage) => update((d) => ({ ...d, keyUsage: keyUsage as KeyUsageName[] }))}
        />
        <Checkbox
          label="Make these key usages critical"
          checked={draft.keyUsageCritical}
          onChange={(keyUsageCritical) => update((d) => ({ ...d, keyUsageCritical }))}
        />
      </fieldset>
      <fieldset>
        <legend>Extended Key Usage (application policies)</legend>
        <p className="hint">
          What the certificate is for. The article asks for Server Authentication and Client Authentication, not
          critical.
        </p>
        <ListPicker
          name="Extended Key Usage"
          options={ekuOptions}
          search="Search application policies"
          selected={draft.extendedKeyUsage}
          onChange={(extendedKeyUsage) => update((d) => ({ ...d, extendedKeyUsage }))}
        />
        <Field
          label="Custom OID"
          error={oidError}
          hint="An application policy that is not in the list, as a dotted object identifier."
        >
          {(control) => (
            <div className="inline">
              <input
                {...control}
                value={oid}
                placeholder="e.g. 1.3.6.1.4.1.311.10.3.4"
                onChange={(e) => {
                  setOid(e.target.value);
                  setOidError(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    addOid();
                  }
                }}
              />
              <button type="button" onClick={addOid}>
                Add custom OID
              </button>
            </div>
          )}
        </Field>
        <Checkbox
          label="Make the Extended Key Usages critical"
          checked={draft.extendedKeyUsageCritical}
          onChange={(extendedKeyUsageCritical) => update((d) => ({ ...d, extendedKeyUsageCritical }))}
        />
      </fieldset>
      <fieldset>
        <legend>Basic constraints</legend>
        <Checkbox
          label="Enable this extension"
          checked={bc.enabled}
          hint="Optional. A server certificate is an end entity; CAs decide this themselves and usually ignore the request's."
          onChange={(enabled) => update((d) => ({ ...d, basicConstraints: { ...d.basicConstraints, enabled } }))}
        />
        <Checkbox
          label="Subject is a certification authority (CA)"
          checked={bc.ca}
          disabled={!bc.enabled}
          hint={bc.enabled ? undefined : "Tick Enable this extension first."}
          onChange={(ca) =>
            update((d) => ({
              ...d,
              basicConstraints: { ...d.basicConstraints, ca, pathLength: ca ? d.basicConstraints.pathLength : null },
            }))
          }
        />
        <Field label="Path length constraint" hint="Only for a CA: how many CAs may stand below it. Empty: no limit.">
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              disabled={!bc.enabled || !bc.ca}
              value={bc.pathLength ?? ""}
              onChange={(e) => {
                const pathLength = e.target.value === "" ? null : Math.max(0, Math.floor(Number(e.target.value)));
                update((d) => ({ ...d, basicConstraints: { ...d.basicConstraints, pathLength } }));
              }}
            />
          )}
        </Field>
        <Checkbox
          label="Make the basic constraints extension critical"
          checked={bc.critical}
          disabled={!bc.enabled}
          hint={bc.enabled ? undefined : "Tick Enable this extension first."}
          onChange={(critical) => update((d) => ({ ...d, basicConstraints: { ...d.basicConstraints, critical } }))}
        />
      </fieldset>
    </>
  );
}
