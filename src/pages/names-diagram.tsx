/** A small picture of the plan: which service each name on the certificate serves. */
import type { NamesPlan, TopologyField } from "../pki/profiles/lync-reverse-proxy";
import { HostName } from "../ui/host-name";

const SERVICE: Record<TopologyField, string> = {
  pools: "Front End pool web services",
  directors: "Director web services",
  meetingUrls: "Meetings (simple URL)",
  dialInUrl: "Dial-in (simple URL)",
  officeWebApps: "Office Web Apps Server",
  autodiscoverPort: "Mobile clients (Autodiscover)",
  exchangeAutodiscover: "Exchange Autodiscover",
  exchangeWebServices: "Outlook on the web and EWS",
  wildcard: "Simple URLs and Autodiscover",
  sipDomains: "SIP domain",
};

const ROW = 30;
const WIDTH = 640;

export function NamesDiagram({ plan }: { plan: NamesPlan }) {
  if (plan.names.length === 0) return null;
  const height = plan.names.length * ROW + 44;
  const description = plan.names.map((n) => `${n.name} serves ${SERVICE[n.source].toLowerCase()}`).join("; ");
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
                {SERVICE[n.source]}
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
            {SERVICE[n.source]}: <HostName name={n.name} />
          </li>
        ))}
      </ul>
      <figcaption>Which name on the certificate serves which service.</figcaption>
    </figure>
  );
}
