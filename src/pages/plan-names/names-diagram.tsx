/** A small picture of the plan: which service each name on the certificate serves. */
import type { NamesPlan } from "../../pki/profiles/framework";
import { HostName } from "../../ui/host-name";

const ROW = 30;
const WIDTH = 640;

/** The diagram's words for a name's source: the profile's, else the source itself. */
const serviceOf = (services: Record<string, string>, source: string) => services[source] ?? source;

export function NamesDiagram({ plan, services }: { plan: NamesPlan; services: Record<string, string> }) {
  if (plan.names.length === 0) return null;
  const height = plan.names.length * ROW + 44;
  const description = plan.names
    .map((n) => `${n.name} serves ${serviceOf(services, n.source).toLowerCase()}`)
    .join("; ");
  return (
    <figure className="diagram">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`The certificate: ${description}.`}>
        <rect x="396" y="4" width="240" height={height - 8} rx="8" className="cert" />
        <text x="516" y="24" textAnchor="middle" className="title">
          {plan.subject ? `CN=${plan.subject}` : "Certificate"}
        </text>
        {plan.names.map((n, i) => {
          const y = 44 + i * ROW;
          return (
            <g key={n.name}>
              <rect x="4" y={y - 14} width="230" height="24" rx="5" className="service" />
              <text x="12" y={y + 3} className="label">
                {serviceOf(services, n.source)}
              </text>
              <line x1="234" y1={y - 2} x2="404" y2={y - 2} className="link" />
              <text x="412" y={y + 3} className="name">
                {n.name}
              </text>
            </g>
          );
        })}
      </svg>
      {/* On a phone the picture would shrink its text below 12 px: the same pairs are a list there instead. */}
      <ul className="diagram-list">
        {plan.names.map((n) => (
          <li key={n.name}>
            {serviceOf(services, n.source)}: <HostName name={n.name} />
          </li>
        ))}
      </ul>
      <figcaption>Which name on the certificate serves which service.</figcaption>
    </figure>
  );
}
