/** The certificate as Windows' certificate dialog shows it, once matched; or why it does not match the key. */
import type { RequestComparison } from "../../pki/certificates";
import { lifetimeDays, publicLifetime } from "../../pki/lifetimes";
import { useWizard } from "../../store/store";
import { ShownText } from "../../ui/shown-text";

export function CertificateCard(props: { headingId: string }) {
  const match = useWizard((s) => s.match);
  const pending = useWizard((s) => s.pending);
  const chosenFor = useWizard((s) => s.pending.find((p) => p.id === s.keyChosenFor));
  return (
    <section aria-live="polite" aria-labelledby={props.headingId}>
      <h3 id={props.headingId}>Certificate</h3>
      {match.state === "waiting" && (
        <p className="hint">Load the certificate and choose its key to see them matched.</p>
      )}
      {match.state === "failed" && (
        <p className="error" role="alert">
          {match.error}
        </p>
      )}
      {match.state === "no-match" && (
        <div className="error" role="alert">
          <p>This certificate is not for this key: its public key is not the one the request was made with.</p>
          {match.belongsTo.map((b) => {
            const pendingName = pending.find((p) => p.spkiSha256 === b.spkiSha256)?.friendlyName;
            return (
              <p key={b.spkiSha256}>
                <ShownText text={b.subject} /> belongs to the key with SHA-256 fingerprint <code>{b.spkiSha256}</code>
                {pendingName
                  ? `: the pending request "${pendingName}".`
                  : ", which is not among the pending requests here."}
              </p>
            );
          })}
        </div>
      )}
      {match.state === "matched" && (
        <>
          <p className="ok">The certificate matches the private key.</p>
          {chosenFor && (
            <p>
              Its key was chosen for you: the request kept in this browser
              {chosenFor.friendlyName ? (
                <>
                  {" "}
                  &quot;
                  <ShownText text={chosenFor.friendlyName} />
                  &quot;
                </>
              ) : null}{" "}
              on {new Date(chosenFor.created).toLocaleDateString()} is the only one with this certificate&apos;s public
              key. Open its key with the passphrase to export.
            </p>
          )}
          <div className="cert-card">
            <dl className="summary">
              <dt>Issued to</dt>
              <dd>
                <ShownText text={match.view.subject} />
              </dd>
              <dt>Issued by</dt>
              <dd>
                <ShownText text={match.view.issuer} />
              </dd>
              <dt>Valid from</dt>
              <dd>
                {match.view.notBefore.toLocaleString()} to {match.view.notAfter.toLocaleString()}
                {match.view.validity.state === "expired" && (
                  <strong className="warning"> This certificate has expired.</strong>
                )}
                {match.view.validity.state === "not-yet-valid" && (
                  <strong className="warning"> This certificate is not valid yet.</strong>
                )}
                {match.view.validity.state === "valid" && ` (${match.view.validity.daysLeft} days left)`}
                <Lifetime notBefore={match.view.notBefore} notAfter={match.view.notAfter} />
              </dd>
              <dt>Subject Alternative Name</dt>
              <dd>{match.view.altNames.length ? <ShownText text={match.view.altNames.join(", ")} /> : "(none)"}</dd>
              <dt>Key Usage</dt>
              <dd>{match.view.keyUsages.join(", ") || "(none)"}</dd>
              <dt>Enhanced Key Usage</dt>
              <dd>{match.view.extendedKeyUsages.join(", ") || "(none)"}</dd>
              <dt>Thumbprint</dt>
              <dd>
                <code>{match.view.thumbprint}</code>
              </dd>
              <dt>Certification Path</dt>
              <dd>
                <ol className="chain">
                  {[...match.chain].reverse().map((c) => (
                    <li key={c.serialNumber + c.subject}>
                      <ShownText text={c.subject} />
                    </li>
                  ))}
                </ol>
                {!match.complete && (
                  <p className="warning">
                    The chain stops before a root: load the issuing CA's certificates (a .p7b from the CA) to include
                    them.
                  </p>
                )}
              </dd>
            </dl>
          </div>
          {match.comparison && <Comparison diff={match.comparison} />}
        </>
      )}
    </section>
  );
}

function Comparison({ diff }: { diff: RequestComparison }) {
  const rows: [string, string[]][] = [
    ["Names the CA dropped", diff.droppedNames],
    ["Names the CA added", diff.addedNames],
    ["Key usages the CA dropped", diff.droppedKeyUsages],
    ["Key usages the CA added", diff.addedKeyUsages],
    ["Extended key usages the CA dropped", diff.droppedExtendedKeyUsages],
    ["Extended key usages the CA added", diff.addedExtendedKeyUsages],
  ];
  const changes = rows.filter(([, items]) => items.length > 0);
  if (changes.length === 0) return <p className="ok">The CA kept every name and usage the request asked for.</p>;
  return (
    <div className="warning" role="group" aria-label="Changes by the CA">
      <p>The issued certificate differs from the request:</p>
      <ul>
        {changes.map(([label, items]) => (
          <li key={label}>
            {label}: {items.join(", ")}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The certificate's lifetime beside today's public maximum and the next step (CA/Browser Forum SC-081v3). */
function Lifetime(props: { notBefore: Date; notAfter: Date }) {
  const days = lifetimeDays(props.notBefore, props.notAfter);
  const schedule = publicLifetime(new Date());
  return (
    <p className="hint">
      A lifetime of {days} days. A public TLS certificate issued today lives at most {schedule.days} days
      {schedule.next ? `, and from ${schedule.next.from} at most ${schedule.next.days} days` : ""} (CA/Browser Forum
      ballot SC-081v3); an internal CA is not bound by it.
    </p>
  );
}
