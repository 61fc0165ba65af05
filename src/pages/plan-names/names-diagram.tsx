/** A small picture of the plan: which service each name on the certificate serves. */
import type { NamesPlan } from "../../pki/profiles/framework";
import { HostName } from "../../ui/host-name";

const WIDTH = 640;
/** The SVG's font size (styles.css, .diagram svg), in its own units: the picture scales as a whole. */
const FONT = 13;
const LINE = 16;
/** The service boxes on the left, the certificate on the right, the dashed connectors between them. */
const LABEL_X = 4;
const LABEL_W = 262;
const CERT_X = 396;
const CERT_W = 240;
const PAD = 8;

/**
 * A text's width in em, estimated from its characters, never measured (the page has no layout to ask before it
 * paints): generous for wide letters and capitals, so that the estimate is at least the width in the wide fonts
 * (DejaVu Sans) and the narrow ones (Segoe UI) alike.
 */
const emWidth = (text: string) =>
  [...text].reduce(
    (sum, c) =>
      sum +
      (/[MWmw@%]/.test(c)
        ? 1
        : /[ .,:;'|!ijlIft()[\]/-]/.test(c)
          ? 0.4
          : /[A-Z]/.test(c)
            ? 0.78
            : /[0-9]/.test(c)
              ? 0.64
              : 0.63),
    0,
  );

/**
 * The lines a text takes in a box this many em wide: broken after a space (labels) or after a dot (host names),
 * and inside a word only when that word alone is wider than the box.
 */
export function wrapText(text: string, em: number, after: RegExp): string[] {
  const lines: string[] = [];
  let line = "";
  for (const token of text.split(after)) {
    if (emWidth(line + token.trimEnd()) <= em) {
      line += token;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    line = "";
    for (const c of token) {
      if (line && emWidth(line + c) > em) {
        lines.push(line);
        line = "";
      }
      line += c;
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

const labelLines = (text: string) => wrapText(text, (LABEL_W - 2 * PAD) / FONT, /(?<= )/);
/** Host names are bold in no place, so the same estimate holds; the title is bold, so it gets less room. */
const nameLines = (text: string) => wrapText(text, (CERT_X + CERT_W - PAD - (CERT_X + 16)) / FONT, /(?<=[.@/])/);
const titleLines = (text: string) => wrapText(text, (CERT_W - 2 * PAD) / FONT / 1.1, /(?<=[.=,])/);

/** The diagram's words for a name's source: the profile's, else the source itself. */
const serviceOf = (services: Record<string, string>, source: string) => services[source] ?? source;

/** The rows from top down, each as tall as its longer side (the service's lines or the name's): no text leaves its box. */
function layoutRows(plan: NamesPlan, services: Record<string, string>, first: number) {
  const rows = [];
  let top = first;
  for (const n of plan.names) {
    const label = labelLines(serviceOf(services, n.source));
    const name = nameLines(n.name);
    const box = Math.max(label.length, name.length) * LINE + 8;
    rows.push({ n, label, name, y: top, box, mid: top + box / 2 });
    top += box + 6;
  }
  return rows;
}

/** A text of several lines, the first baseline at y. */
function Lines({
  lines,
  x,
  y,
  className,
  anchor,
}: {
  lines: string[];
  x: number;
  y: number;
  className: string;
  anchor?: "middle";
}) {
  return (
    <text x={x} y={y} className={className} textAnchor={anchor}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function NamesDiagram({ plan, services }: { plan: NamesPlan; services: Record<string, string> }) {
  if (plan.names.length === 0) return null;
  const title = titleLines(plan.subject ? `CN=${plan.subject}` : "Certificate");
  const rows = layoutRows(plan, services, 14 + title.length * LINE);
  const height = rows.at(-1)!.y + rows.at(-1)!.box + 12;
  const description = plan.names
    .map((n) => `${n.name} serves ${serviceOf(services, n.source).toLowerCase()}`)
    .join("; ");
  // A text block of k lines centred on a row: its first baseline.
  const baseline = (mid: number, k: number) => mid - ((k - 1) * LINE) / 2 + 4.5;
  return (
    <figure className="diagram">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`The certificate: ${description}.`}>
        <rect x={CERT_X} y="4" width={CERT_W} height={height - 8} rx="8" className="cert" />
        <Lines lines={title} x={CERT_X + CERT_W / 2} y={24} className="title" anchor="middle" />
        {rows.map(({ n, label, name, y, box, mid }) => (
          <g key={n.name}>
            <rect x={LABEL_X} y={y} width={LABEL_W} height={box} rx="5" className="service" />
            <Lines lines={label} x={LABEL_X + PAD} y={baseline(mid, label.length)} className="label" />
            <line x1={LABEL_X + LABEL_W} y1={mid} x2={CERT_X + 8} y2={mid} className="link" />
            <Lines lines={name} x={CERT_X + 16} y={baseline(mid, name.length)} className="name" />
          </g>
        ))}
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
