/** Open a request or certificate: paste or drop one, see every field decoded and checked, and start a renewal from it. */
import { useId, useMemo, useState } from "react";
import {
  checkInspectSize,
  inspect,
  InspectError,
  inspectionFacts,
  planFromInspection,
  signatureSentence,
  type Inspection,
} from "../pki/inspect";
import { preflight } from "../pki/lint";
import { altNameLabel } from "../pki/names";
import { keyUsage as keyUsageInfo, extendedKeyUsageLabel } from "../pki/usages";
import { useWizard } from "../store/store";
import { ErrorText, Field } from "../ui/field";
import { FilePicker } from "../ui/file-picker";
import { INPUT_LIMIT_HINT } from "../pki/input-limits";
import { showHiddenCharacters } from "../pki/visible-text";
import { Findings } from "../ui/findings";
import { ShownText } from "../ui/shown-text";

export function InspectPage() {
  const id = useId();
  const caTarget = useWizard((s) => s.caTarget);
  const startFromPlan = useWizard((s) => s.startFromPlan);
  const [pasted, setPasted] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Inspection | null>(null);
  const findings = useMemo(() => (result ? preflight(inspectionFacts(result), caTarget) : []), [result, caTarget]);
  const renewal = useMemo(() => (result ? planFromInspection(result) : null), [result]);
  const signature = result ? signatureSentence(result) : null;

  const open = async (bytes: () => Promise<Uint8Array<ArrayBuffer>>, size: number) => {
    try {
      // Why check the size first: reading a huge file into the page would freeze it for nothing.
      checkInspectSize(size);
      setResult(await inspect({ bytes: await bytes() }));
      setError(null);
    } catch (e) {
      setResult(null);
      setError(e instanceof InspectError ? e.message : "This could not be read as a request or a certificate.");
    }
  };
  const openFile = async (file: File | undefined) => {
    if (file) await open(async () => new Uint8Array(await file.arrayBuffer()), file.size);
  };

  return (
    <>
      <p>
        Paste or drop a certificate request (PEM or DER, including Windows' NEW CERTIFICATE REQUEST and CMC) or a
        certificate, to see everything in it.
      </p>
      <FilePicker
        label="Open a file…"
        accept=".req,.csr,.cer,.crt,.pem,.der,.txt,.p7b,.cmc"
        describedBy={`${id}-error`}
        onFiles={([file]) => openFile(file)}
        dropHint={`or drop it here. ${INPUT_LIMIT_HINT}`}
      />
      <Field label="Or paste it here" hint={INPUT_LIMIT_HINT}>
        {(control) => <textarea {...control} rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />}
      </Field>
      <button type="button" onClick={() => void open(async () => new TextEncoder().encode(pasted), pasted.length)}>
        Open the pasted text
      </button>
      <ErrorText id={`${id}-error`} error={error} />

      {result && (
        <section aria-labelledby={`${id}-title`}>
          <h3 id={`${id}-title`}>{result.kind === "request" ? "Certificate request" : "Certificate"}</h3>
          {result.notes.length > 0 && (
            <ul className="hint" aria-label="How it was read">
              {result.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          {signature && (
            <p className={signature.tone} role={signature.tone === "error" ? "alert" : undefined}>
              {signature.text}
            </p>
          )}
          <dl className="summary cert-card" aria-label="Fields">
            <dt>Subject</dt>
            <dd>
              {result.subject.length === 0 ? (
                "(empty)"
              ) : (
                <ul>
                  {result.subject.map((s, i) => (
                    <li key={i}>
                      {s.label} = <ShownText text={s.value} /> <span className="hint">({s.stringType})</span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            {result.issuer !== undefined && (
              <>
                <dt>Issuer</dt>
                <dd>
                  <ShownText text={result.issuer} />
                </dd>
                <dt>Valid</dt>
                <dd>
                  {result.validity!.notBefore.toLocaleString()} to {result.validity!.notAfter.toLocaleString()}
                  {result.validity!.state !== "valid" && (
                    <strong className="warning">
                      {" "}
                      ({result.validity!.state === "expired" ? "expired" : "not valid yet"})
                    </strong>
                  )}
                </dd>
              </>
            )}
            <dt>Subject Alternative Name{result.sanCritical ? " (critical)" : ""}</dt>
            <dd>
              {result.altNames.length === 0 ? (
                "(none)"
              ) : (
                <ul>
                  {result.altNames.map((n, i) => (
                    <li key={i}>
                      {altNameLabel(n.type)}: <ShownText text={n.value} />
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>Key Usage</dt>
            <dd>
              {result.keyUsage
                ? `${result.keyUsage.usages.map((u) => keyUsageInfo(u).label).join(", ")}${result.keyUsage.critical ? " (critical)" : " (not critical)"}`
                : "(none)"}
            </dd>
            <dt>Enhanced Key Usage</dt>
            <dd>
              {result.extendedKeyUsage
                ? `${result.extendedKeyUsage.oids.map(extendedKeyUsageLabel).join(", ")}${result.extendedKeyUsage.critical ? " (critical)" : " (not critical)"}`
                : "(none)"}
            </dd>
            <dt>Basic Constraints</dt>
            <dd>
              {result.basicConstraints
                ? `${result.basicConstraints.ca ? "Subject Type=CA" : "Subject Type=End Entity"}${result.basicConstraints.critical ? " (critical)" : ""}`
                : "(none)"}
            </dd>
            <dt>Public key</dt>
            <dd>
              {result.key.description}; SHA-256 <code className="fingerprint">{result.key.spkiSha256}</code>
            </dd>
            <dt>Signature algorithm</dt>
            <dd>{result.signatureAlgorithm}</dd>
            {result.wrapping && (
              <>
                <dt>Wrapped in</dt>
                <dd>{result.wrapping === "cmc" ? "CMC (Full PKI Request, RFC 5272)" : "PKCS #7 signed data"}</dd>
              </>
            )}
            <dt>Thumbprint (SHA-1)</dt>
            <dd>
              <code>{result.thumbprints.sha1}</code>
            </dd>
            <dt>Thumbprint (SHA-256)</dt>
            <dd>
              <code className="fingerprint">{result.thumbprints.sha256}</code>
            </dd>
            {result.extensionsCarriedBy.length > 0 && (
              <>
                <dt>Extensions requested in</dt>
                <dd>{result.extensionsCarriedBy.join("; ")}</dd>
              </>
            )}
            {result.attributes.length > 0 && (
              <>
                <dt>Attributes</dt>
                <dd>
                  <ul>
                    {result.attributes.map((a, i) => (
                      <li key={i}>
                        {a.name} ({a.oid}): <ShownText text={a.value} />
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {result.otherExtensions.length > 0 && (
              <>
                <dt>Other extensions</dt>
                <dd>
                  <ul>
                    {result.otherExtensions.map((e) => (
                      <li key={e.oid}>
                        {e.name} ({e.oid}){e.critical ? " critical" : ""}:{" "}
                        {e.value !== null ? <ShownText text={e.value} /> : <code className="fingerprint">{e.hex}</code>}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
          <h4>Preflight ({caTarget === "public" ? "public CA" : "internal CA"})</h4>
          <Findings findings={findings} label="Preflight findings" empty="Preflight: nothing a CA would reject." />
          {renewal && (
            <>
              {renewal.notes.length > 0 && (
                <ul className="hint" aria-label="Not carried over">
                  {renewal.notes.map((n) => (
                    <li key={n}>{showHiddenCharacters(n)}</li>
                  ))}
                </ul>
              )}
              <button type="button" className="primary" onClick={() => setError(startFromPlan(renewal.plan))}>
                Use as a starting point
              </button>
              <p className="hint">
                A new request with the same subject, names, usages and key choice, and a new key: what a renewal needs.
              </p>
            </>
          )}
        </section>
      )}
    </>
  );
}
