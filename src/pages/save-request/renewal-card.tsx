/** The renewal this request is, when it is one: what was carried over, what changed, and its friendly name. */
import { friendlyNameProblem } from "../../pki/request";
import { useWizard } from "../../store/store";
import { ShownText } from "../../ui/shown-text";
import { Field } from "../../ui/field";

export function RenewalCard() {
  const plan = useWizard((s) => s.plan);
  const updatePlan = useWizard((s) => s.updatePlan);
  const renewal = useWizard((s) => s.renewal);
  const goTo = useWizard((s) => s.goTo);
  if (!renewal) return null;
  return (
    <section className="cert-card" aria-label="Renewal">
      <p>
        <strong>
          Renewal of <ShownText text={renewal.subject || "(empty subject)"} />
        </strong>
        , from <ShownText text={renewal.from} />: the same subject, {renewal.names} alternative name
        {renewal.names === 1 ? "" : "s"}, usages and key algorithm
        {renewal.notes.length > 0 ? " (what could not be carried over is listed below)" : ""}; Finish makes a new key.
        Today&apos;s preflight is below.{" "}
        <button type="button" className="link" onClick={() => goTo("certificate-information")}>
          Review the request
        </button>
      </p>
      {renewal.changes.length > 0 && (
        <ul aria-label="Since last time">
          {renewal.changes.map((c) => (
            <li key={c}>
              <ShownText text={c} />
            </li>
          ))}
        </ul>
      )}
      {renewal.notes.length > 0 && (
        <>
          <p className="warning">Not carried over:</p>
          <ul className="warning" aria-label="Not carried over">
            {renewal.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
      <Field
        label="Friendly name"
        error={friendlyNameProblem(plan.friendlyName)}
        hint={
          renewal.friendlyNameFrom && plan.friendlyName
            ? `From ${renewal.friendlyNameFrom}. Windows shows it beside the certificate; the files are named after it.`
            : "Windows shows it beside the certificate, and the files are named after it: e.g. Reverse Proxy Listener for Lync Server."
        }
      >
        {(control) => (
          <input
            {...control}
            value={plan.friendlyName}
            onChange={(e) => {
              const friendlyName = e.target.value;
              updatePlan((p) => ({ ...p, friendlyName }));
            }}
          />
        )}
      </Field>
    </section>
  );
}
