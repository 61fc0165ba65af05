/** The certificate's names as the plan has them: subject, alternative names with reasons, the diagram, the verdict. */
import type { Finding } from "../../pki/finding";
import type { NamesPlan } from "../../pki/profiles/framework";
import { Findings } from "../../ui/findings";
import { fieldAnchor } from "../../ui/field-anchor";
import { HostName } from "../../ui/host-name";
import { NamesDiagram } from "./names-diagram";

export function NamesCard(props: {
  plan: NamesPlan;
  services: Record<string, string>;
  /** The planner's findings and the preflight's about the names, as one verdict. */
  findings: readonly Finding[];
  /** False while a required input is empty: "None" would be a false all-clear just before Next says what is missing. */
  judged: boolean;
}) {
  const { plan } = props;
  return (
    <section className="cert-card" aria-labelledby="planned-names">
      <h3 id="planned-names">The certificate's names</h3>
      <dl className="summary">
        <dt>Subject name</dt>
        <dd>{plan.subject ? `CN=${plan.subject}` : "(none yet)"}</dd>
      </dl>
      <table className="names cards">
        <caption>Alternative names</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Why it is there</th>
          </tr>
        </thead>
        <tbody>
          {plan.names.map((n) => (
            <tr key={n.name}>
              <td data-label="Name">
                <HostName name={n.name} />
              </td>
              <td data-label="Why it is there">{n.reasons.join("; ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NamesDiagram plan={plan} services={props.services} />
      {(props.judged || props.findings.length > 0) && (
        <>
          <h3 id={fieldAnchor("planned-names")} tabIndex={-1}>
            Findings
          </h3>
          {/* The planner's rules and the preflight's name rules for where the request goes: one verdict. */}
          <Findings
            findings={props.findings}
            label="Findings"
            empty="None: the names follow the rules, for where the request goes."
          />
        </>
      )}
    </section>
  );
}
