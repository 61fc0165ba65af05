/** Plan names: the Lync / Skype for Business topology in, the reverse proxy certificate's names out, with reasons and findings. */
import type { ReactNode } from "react";
import type { Finding } from "../pki/finding";
import type { LyncTopology, TopologyField } from "../pki/profiles/lync-reverse-proxy";
import { showHiddenCharacters } from "../pki/visible-text";
import { namesPlanOf, plannedNamesByInputOf, plannedNamesPreflightOf, topologyAnchor } from "../store/selectors";
import { useWizard } from "../store/store";
import { Findings } from "../ui/findings";
import { HostName } from "../ui/host-name";
import { Checkbox } from "../ui/checkbox";
import { fieldAnchor } from "../ui/field-anchor";
import { RadioChoices } from "../ui/radio-choices";
import { NamesDiagram } from "./names-diagram";

/** A labelled input with the planner's findings for it beside it; its id is the anchor the error summary links to. */
function PlanField(props: {
  label: string;
  anchor: string;
  hint?: ReactNode;
  findings: readonly Finding[];
  children: (control: { id: string; "aria-describedby": string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const id = fieldAnchor(props.anchor);
  const invalid = props.findings.some((f) => f.severity === "error");
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, "aria-describedby": `${id}-messages ${id}-hint`, "aria-invalid": invalid || undefined })}
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <div id={`${id}-messages`} aria-live="polite">
        {props.findings.map((f) => (
          <p
            key={f.message}
            className={f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "hint"}
          >
            {showHiddenCharacters(f.message)}
          </p>
        ))}
      </div>
    </div>
  );
}

const lines = (text: string) => text.split("\n");

export function PlanNamesPage() {
  const topology = useWizard((s) => s.topology);
  const update = useWizard((s) => s.updateTopology);
  const useNames = useWizard((s) => s.useNames);
  // An empty required field is said once the admin tried to go on, not while the page is new.
  const tried = useWizard((s) => s.nextRefused !== null);
  const result = useWizard((s) => namesPlanOf(s.topology));
  const preflight = useWizard((s) => plannedNamesPreflightOf(s.plan, s.topology, s.caTarget));
  const byInput = useWizard((s) => plannedNamesByInputOf(s.topology, s.caTarget));
  const findings = tried ? result.findings : result.findings.filter((f) => f.id !== "missing");
  // No verdict before there is something to judge: while a required input is empty, "None" would be a false
  // all-clear just before Next says what is missing.
  const judged = !result.findings.some((f) => f.id === "missing");
  /** The planner's findings for an input, and the preflight's about the names typed in it: one message beside it. */
  const at = (field: TopologyField, sipDomain?: string): Finding[] => [
    ...findings.filter((f) => f.field === field && (sipDomain === undefined || f.sipDomain === sipDomain)),
    ...byInput.filter((f) => f.anchor === topologyAnchor({ field, sipDomain })),
  ];
  const set = <K extends keyof LyncTopology>(key: K, value: LyncTopology[K]) => update((t) => ({ ...t, [key]: value }));

  return (
    <>
      <p>
        Describe the deployment the reverse proxy publishes. The subject and alternative names follow from it, each with
        the reason it is there, as Microsoft's reverse proxy certificate summary asks.
      </p>
      <PlanField
        label="SIP domains"
        anchor="sipDomains"
        hint="One per line; the first is the default SIP domain."
        findings={at("sipDomains")}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            placeholder="e.g. contoso.com"
            value={topology.sipDomains.join("\n")}
            onChange={(e) => set("sipDomains", lines(e.target.value))}
          />
        )}
      </PlanField>
      <fieldset>
        <legend>Front End pools</legend>
        <PlanField
          label="External web services FQDN"
          anchor="pools"
          hint="One per line, for each pool that homes remote users. The first is the subject name."
          findings={at("pools")}
        >
          {(control) => (
            <textarea
              {...control}
              rows={2}
              placeholder="e.g. webext.contoso.com"
              value={topology.pools.join("\n")}
              onChange={(e) => set("pools", lines(e.target.value))}
            />
          )}
        </PlanField>
      </fieldset>
      <fieldset>
        <legend>Director</legend>
        <PlanField
          label="External web services FQDN"
          anchor="directors"
          hint="Optional: one per line, for each Director or Director pool."
          findings={at("directors")}
        >
          {(control) => (
            <textarea
              {...control}
              rows={1}
              placeholder="e.g. webdir.contoso.com"
              value={topology.directors.join("\n")}
              onChange={(e) => set("directors", lines(e.target.value))}
            />
          )}
        </PlanField>
      </fieldset>
      <RadioChoices
        legend="Simple URLs"
        options={[
          { value: "dedicated", label: "Dedicated (meet.<sipdomain>, dialin.<sipdomain>)" },
          {
            value: "common",
            label: "Common base (https://join.<sipdomain>/meet, /dialin)",
            hint: "The certificate needs the host once.",
          },
        ]}
        value={topology.simpleUrlFormat}
        onChange={(format) => update((t) => ({ ...t, simpleUrlFormat: format, meetingUrls: {}, dialInUrl: null }))}
      >
        {result.sipDomains.map((domain) => {
          const typed = Object.hasOwn(topology.meetingUrls, domain);
          const fallback = result.defaults.meetingUrls[result.sipDomains.indexOf(domain)] ?? "";
          return (
            <PlanField
              key={domain}
              label={`Meeting simple URL (${domain})`}
              anchor={topologyAnchor({ field: "meetingUrls", sipDomain: domain })}
              hint={
                typed ? (
                  <UseDefault
                    onClick={() => update((t) => ({ ...t, meetingUrls: omit(t.meetingUrls, domain) }))}
                    value={fallback}
                  />
                ) : (
                  "Default, from the SIP domain; change it if yours differs."
                )
              }
              findings={at("meetingUrls", domain)}
            >
              {(control) => (
                <input
                  {...control}
                  value={typed ? topology.meetingUrls[domain] : fallback}
                  onChange={(e) => {
                    const value = e.target.value;
                    update((t) => ({ ...t, meetingUrls: { ...t.meetingUrls, [domain]: value } }));
                  }}
                />
              )}
            </PlanField>
          );
        })}
        {at("meetingUrls")
          .filter((f) => !f.sipDomain)
          .map((f) => (
            <p key={f.message} className="warning">
              {f.message}
            </p>
          ))}
        {result.sipDomains.length > 0 && (
          <PlanField
            label="Dial-in simple URL"
            anchor="dialInUrl"
            hint={
              topology.dialInUrl !== null ? (
                <UseDefault onClick={() => set("dialInUrl", null)} value={result.defaults.dialInUrl} />
              ) : (
                "Default, from the first SIP domain; one for the deployment."
              )
            }
            findings={at("dialInUrl")}
          >
            {(control) => (
              <input
                {...control}
                value={topology.dialInUrl ?? result.defaults.dialInUrl}
                onChange={(e) => set("dialInUrl", e.target.value)}
              />
            )}
          </PlanField>
        )}
      </RadioChoices>
      <PlanField
        label="Office Web Apps Server"
        anchor="officeWebApps"
        hint="Optional: the external FQDN of the Office Web Apps Server used for conferencing."
        findings={at("officeWebApps")}
      >
        {(control) => (
          <input
            {...control}
            value={topology.officeWebApps}
            placeholder="e.g. officewebapps01.contoso.com"
            onChange={(e) => set("officeWebApps", e.target.value)}
          />
        )}
      </PlanField>
      <RadioChoices
        legend="Mobility"
        options={[
          {
            value: "443",
            label: "Publish Autodiscover on port 443",
            hint: "Adds lyncdiscover.<sipdomain> for every SIP domain.",
          },
          {
            value: "80",
            label: "Port 80 only",
            hint: "Mobile clients' Autodiscover over HTTP: no lyncdiscover name on this certificate.",
          },
        ]}
        value={String(topology.autodiscoverPort) as "443" | "80"}
        onChange={(port) => set("autodiscoverPort", port === "443" ? 443 : 80)}
      >
        {at("autodiscoverPort").map((f) => (
          <p key={f.message} className="hint">
            {f.message}
          </p>
        ))}
      </RadioChoices>
      <fieldset>
        <legend>Exchange</legend>
        <Checkbox
          label="Exchange Autodiscover"
          checked={topology.exchange.publishAutodiscover}
          onChange={(publishAutodiscover) => set("exchange", { ...topology.exchange, publishAutodiscover })}
          hint="autodiscover.<smtpdomain>"
        />
        {topology.exchange.publishAutodiscover && (
          <PlanField
            label="Exchange Autodiscover names"
            anchor="exchangeAutodiscover"
            hint={`Optional: one per line. Left empty: ${result.defaults.exchangeAutodiscover.join(", ") || "autodiscover.<sipdomain>"}.`}
            findings={at("exchangeAutodiscover")}
          >
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={topology.exchange.autodiscover.join("\n")}
                // One line: the defaults in force are listed in the hint below, however many there are.
                placeholder={`e.g. ${result.defaults.exchangeAutodiscover[0] ?? "autodiscover.contoso.com"}`}
                onChange={(e) => set("exchange", { ...topology.exchange, autodiscover: lines(e.target.value) })}
              />
            )}
          </PlanField>
        )}
        <Checkbox
          label="Outlook on the web and Exchange Web Services"
          checked={topology.exchange.publishWebServices}
          onChange={(publishWebServices) => set("exchange", { ...topology.exchange, publishWebServices })}
          hint="One name, such as mail.contoso.com."
        />
        {topology.exchange.publishWebServices && (
          <PlanField
            label="Exchange web services name"
            anchor="exchangeWebServices"
            findings={at("exchangeWebServices")}
          >
            {(control) => (
              <input
                {...control}
                value={topology.exchange.webServices}
                placeholder="e.g. mail.contoso.com"
                onChange={(e) => set("exchange", { ...topology.exchange, webServices: e.target.value })}
              />
            )}
          </PlanField>
        )}
      </fieldset>
      <fieldset>
        <legend>Wildcard</legend>
        <Checkbox
          label="Use a wildcard"
          checked={topology.wildcard}
          onChange={(wildcard) => set("wildcard", wildcard)}
          hint="*.<sipdomain> in place of the meeting, dial-in and lyncdiscover names. Supported on the reverse proxy; test UC phones before relying on it. Never the subject name."
        />
        {at("wildcard").map((f) => (
          <p key={f.message} className="warning">
            {f.message}
          </p>
        ))}
      </fieldset>

      <section className="cert-card" aria-labelledby="planned-names">
        <h3 id="planned-names">The certificate's names</h3>
        <dl className="summary">
          <dt>Subject name</dt>
          <dd>{result.subject ? `CN=${result.subject}` : "(none yet)"}</dd>
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
            {result.names.map((n) => (
              <tr key={n.name}>
                <td data-label="Name">
                  <HostName name={n.name} />
                </td>
                <td data-label="Why it is there">{n.reasons.join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <NamesDiagram plan={result} />
        {(judged || findings.length > 0) && (
          <>
            <h3 id={fieldAnchor("planned-names")} tabIndex={-1}>
              Findings
            </h3>
            {/* The planner's rules and the preflight's name rules for where the request goes: one verdict. */}
            <Findings
              findings={[...findings, ...preflight]}
              label="Findings"
              empty="None: the names follow the rules, for where the request goes."
            />
          </>
        )}
      </section>
      <details>
        <summary>What the proxy needs besides this certificate</summary>
        <p>
          One web listener on port 443 with this certificate
          {topology.autodiscoverPort === 80 ? ", and one on port 80 for Autodiscover" : ""}, and a publishing rule for
          each external name:
        </p>
        <ul>
          {result.publishing.map((r) => (
            <li key={r.externalName}>
              <strong>{r.externalName}</strong>: {r.rule}
            </li>
          ))}
        </ul>
        <p>
          Install on the proxy the root and intermediate certificates of your internal CA (the one that issued the Front
          End and Director certificates) and those of the public CA that will issue this certificate.
        </p>
      </details>
      <div className="inline">
        {/*
          Next is the page's one primary action: it uses the names whenever they changed. This button puts them
          in again after names were edited in Properties. A refusal shows in the error summary at the top of the
          page, with the focus there, as Next's does.
        */}
        <button type="button" onClick={useNames} aria-describedby="use-names-hint">
          Use these names
        </button>
        <p className="hint" id="use-names-hint">
          Puts them in again over names changed in Properties; Next uses them too.
        </p>
      </div>
    </>
  );
}

function UseDefault(props: { value: string; onClick: () => void }) {
  return (
    <>
      Changed from the default {props.value}.{" "}
      <button type="button" className="link" onClick={props.onClick}>
        Use the default
      </button>
    </>
  );
}

function omit(record: Record<string, string>, key: string): Record<string, string> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}
