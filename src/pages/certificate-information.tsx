/** Certificate Information: the request summarised, its problems beside each part, Details and Properties. */
import { useId, useMemo } from "react";
import type { PlanField } from "../pki/request";
import { SUBJECT_IN_SAN } from "../pki/names";
import { summarisePlan } from "../pki/summary";
import { offersClientAuthentication, planProblemsOf } from "../store/selectors";
import { useWizard, type PropertiesTab } from "../store/store";
import { fieldAnchor } from "../ui/field-anchor";
import { HostName } from "../ui/host-name";
import { Preflight } from "./preflight";

/** Where each problem is fixed; a File Name is fixed on the save page, not in Properties. */
const FIELD_TAB: Partial<Record<PlanField, PropertiesTab>> = {
  friendlyName: "general",
  description: "general",
  subject: "subject",
  altNames: "subject",
  keyUsage: "extensions",
  extendedKeyUsage: "extensions",
  basicConstraints: "extensions",
  key: "private-key",
};

export function CertificateInformationPage() {
  const id = useId();
  const plan = useWizard((s) => s.plan);
  const openProperties = useWizard((s) => s.openProperties);
  const summary = useMemo(() => summarisePlan(plan), [plan]);
  const problems = useWizard((s) => planProblemsOf(s.plan));
  const offerClientAuth = useWizard(offersClientAuthentication);
  const addClientAuthentication = useWizard((s) => s.addClientAuthentication);
  return (
    <>
      <p>
        Click Properties to set the subject, alternative names, usages and key. Click Next when the request is right.
      </p>
      <div className="cert-card" aria-labelledby={`${id}-title`}>
        <div className="card-head">
          <svg viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" className="cert-icon">
            <rect x="2" y="4" width="28" height="20" rx="2" />
            <line x1="7" y1="10" x2="20" y2="10" />
            <line x1="7" y1="15" x2="17" y2="15" />
            <circle cx="24" cy="20" r="4" />
            <path d="M21 23 l-1 7 l4 -2 l4 2 l-1 -7" />
          </svg>
          <h3 id={`${id}-title`}>{plan.friendlyName || "Custom request"}</h3>
        </div>
        <div className="purposes">
          This certificate is requested for the following purpose(s):
          {summary.extendedKeyUsage ? (
            <ul>
              {summary.extendedKeyUsage.text.split(", ").map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            " (any: no Extended Key Usage)"
          )}
          {offerClientAuth && (
            <p className="hint">
              The article also adds Client Authentication; public CAs are removing it.{" "}
              <button type="button" className="link" onClick={addClientAuthentication}>
                Add Client Authentication
              </button>
            </p>
          )}
        </div>
        <dl className="summary">
          <dt>Subject</dt>
          <dd>{summary.subject || "(empty)"}</dd>
          <dt>Alternative names</dt>
          <dd>
            {summary.altNames.length === 0 ? (
              "(none)"
            ) : (
              <ul>
                {summary.altNames.map((n) => (
                  <li key={n}>
                    <HostName name={n} />
                  </li>
                ))}
              </ul>
            )}
            {summary.impliedName && (
              <p className="hint">
                {SUBJECT_IN_SAN}: {summary.impliedName} is added.
              </p>
            )}
          </dd>
          <dt>Key usage</dt>
          <dd>
            {summary.keyUsage
              ? `${summary.keyUsage.text}${summary.keyUsage.critical ? " (critical)" : ""}${summary.keyUsage.isDefault ? " (default)" : ""}`
              : "(none)"}
          </dd>
          <dt>Extended Key Usage</dt>
          <dd>
            {summary.extendedKeyUsage
              ? `${summary.extendedKeyUsage.text}${summary.extendedKeyUsage.critical ? " (critical)" : " (not critical)"}`
              : "(none)"}
          </dd>
          <dt>Key</dt>
          <dd>{summary.key}</dd>
        </dl>
        <div className="problems" role="group" aria-label="Problems">
          {problems.map((p, i) => (
            // The first problem of each part is the error summary's link target for that part.
            <p
              className="error"
              key={p.message}
              tabIndex={-1}
              id={problems.findIndex((q) => q.field === p.field) === i ? fieldAnchor(p.field) : undefined}
            >
              {p.message}{" "}
              {FIELD_TAB[p.field] && (
                <button type="button" className="link" onClick={() => openProperties(FIELD_TAB[p.field])}>
                  Fix it in Properties
                </button>
              )}
            </p>
          ))}
        </div>
      </div>
      <details>
        <summary>Details</summary>
        <dl className="summary">
          <dt>Friendly name</dt>
          <dd>{plan.friendlyName || "(none)"}</dd>
          <dt>Description</dt>
          <dd>{plan.description || "(none)"}</dd>
          <dt>Template</dt>
          <dd>{summary.template}</dd>
          <dt>Request format</dt>
          <dd>PKCS #10</dd>
          <dt>Default extensions</dt>
          <dd>{summary.defaultExtensions}</dd>
          <dt>Basic constraints</dt>
          <dd>{summary.basicConstraints ?? "(not in the request)"}</dd>
        </dl>
      </details>
      <button type="button" data-opens-properties onClick={() => openProperties()}>
        Properties
      </button>
      <Preflight />
    </>
  );
}
