/**
 * Complete the request: the CA's certificate matched to its key (a pending request kept in this browser or an
 * encrypted key file), shown as Windows' certificate dialog would, and exported as a .pfx the proxy imports.
 * Loaded only when this page opens: it brings the PKCS #12 code the wizard does not need.
 */
import type * as x509 from "../pki/x509";
import { useEffect, useId, useMemo, useState } from "react";
import {
  CertificateInputError,
  compareWithRequest,
  matchAnswer,
  readCertificates,
  viewCertificate,
  type CertificateView,
  type RequestComparison,
} from "../pki/certificates";
import { toPem, toWindowsRequestBase64 } from "../pki/pem";
import type { PfxProfile } from "../pki/pfx";
import { useShallow } from "zustand/react/shallow";
import { useWizard } from "../store/wizard";
import { Checkbox } from "../ui/checkbox";
import { saveFile } from "../ui/download";
import { ErrorText, Field } from "../ui/field";
import { FilePicker } from "../ui/file-picker";
import { RadioChoices } from "../ui/radio-choices";

const PROFILES: { value: PfxProfile; label: string; hint: string }[] = [
  {
    value: "TripleDES-SHA1",
    label: "TripleDES-SHA1",
    hint: 'Windows Server 2008 R2, 2012 R2 and 2016, TMG 2010, IIS ARR: they refuse AES with a misleading "the password is incorrect".',
  },
  {
    value: "AES256-SHA256",
    label: "AES256-SHA256",
    hint: "Windows Server 2019 and later, Windows 10 1709 and later; OpenSSL 3's default.",
  },
];

type Analysis =
  | { state: "waiting" }
  | { state: "no-match"; belongsTo: { subject: string; spkiSha256: string; pendingName?: string }[] }
  | {
      state: "matched";
      leaf: x509.X509Certificate;
      chain: x509.X509Certificate[];
      complete: boolean;
      view: CertificateView;
      comparison: RequestComparison | null;
    };

const fileName = (name: string) => name.replace(/[\\/:*?"<>|]+/g, "-");

export function CompleteRequestPage() {
  const id = useId();
  // The Complete slice's values and actions, compared shallowly so that other slices' changes do not re-render this page.
  const s = useWizard(
    useShallow((w) => ({
      pending: w.pending,
      certificates: w.certificates,
      keySource: w.keySource,
      keyError: w.keyError,
      keyPassphrase: w.keyPassphrase,
      openedKey: w.openedKey,
      pfx: w.pfx,
      exportError: w.exportError,
      refreshPending: w.refreshPending,
      deletePending: w.deletePending,
      addCertificates: w.addCertificates,
      removeCertificate: w.removeCertificate,
      chooseKey: w.chooseKey,
      setKeyPassphrase: w.setKeyPassphrase,
      openKey: w.openKey,
      updatePfx: w.updatePfx,
      exportPfx: w.exportPfx,
    })),
  );
  const [inputError, setInputError] = useState<string | null>(null);
  const [pasted, setPasted] = useState("");
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [analysis, setAnalysis] = useState<Analysis>({ state: "waiting" });
  const { refreshPending } = s;
  useEffect(() => {
    void refreshPending();
  }, [refreshPending]);

  const pendingChosen =
    s.keySource?.kind === "pending" ? s.pending.find((p) => p.id === (s.keySource as { id: string }).id) : undefined;
  // A pending request's fingerprint is known before its key is opened; a key file's only after.
  const keyFingerprint = s.openedKey?.spkiSha256 ?? pendingChosen?.spkiSha256 ?? null;

  useEffect(() => {
    let live = true;
    (async () => {
      if (!keyFingerprint || s.certificates.length === 0) return setAnalysis({ state: "waiting" });
      const match = await matchAnswer({
        certificates: s.certificates.map((c) => c.der),
        keySpkiSha256: keyFingerprint,
      });
      if (!live) return;
      if (!match.matched) {
        return setAnalysis({
          state: "no-match",
          belongsTo: match.belongsTo.map((b) => ({
            ...b,
            pendingName: s.pending.find((p) => p.spkiSha256 === b.spkiSha256)?.friendlyName || undefined,
          })),
        });
      }
      const view = await viewCertificate(match.leaf);
      const plan = pendingChosen?.plan;
      if (live)
        setAnalysis({
          state: "matched",
          ...match,
          view,
          comparison: plan ? compareWithRequest(match.leaf, plan) : null,
        });
    })();
    return () => {
      live = false;
    };
  }, [keyFingerprint, s.certificates, s.pending, pendingChosen]);

  const addFiles = async (files: Iterable<File>) => {
    const added = [];
    for (const file of files) {
      if (file.size > 5 * 1024 * 1024) return setInputError(`"${file.name}" is over 5 MB: it is not a certificate.`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      if (text.includes("ENCRYPTED PRIVATE KEY")) {
        s.chooseKey({ kind: "file", name: file.name, pem: text });
        continue;
      }
      try {
        added.push(
          ...readCertificates({ bytes, name: file.name }).map((c) => ({
            name: file.name,
            der: new Uint8Array(c.rawData),
          })),
        );
      } catch (e) {
        return setInputError(e instanceof CertificateInputError ? e.message : `"${file.name}" could not be read.`);
      }
    }
    setInputError(null);
    if (added.length) s.addCertificates(added);
  };

  const chainPool = analysis.state === "matched" ? analysis.chain.slice(1) : [];
  const root =
    analysis.state === "matched" && analysis.complete ? analysis.chain[analysis.chain.length - 1] : undefined;
  const exportChain = chainPool.filter((c) => c !== root || s.pfx.includeRoot);
  const stem = fileName(
    s.pfx.friendlyName.trim() ||
      (analysis.state === "matched" ? analysis.view.subject.replace(/^CN=/, "") : "certificate"),
  );

  return (
    <>
      <p>
        When the CA answers, load the certificate it issued and the private key of the request, check that they match,
        and export a .pfx for the reverse proxy.
      </p>
      <fieldset>
        <legend>Private key</legend>
        {s.pending.length > 0 ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Pending requests">
            <table className="names">
              <caption>Pending requests kept in this browser</caption>
              <thead>
                <tr>
                  <th scope="col">Use</th>
                  <th scope="col">Friendly name</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Date</th>
                  <th scope="col">Key fingerprint</th>
                  <th scope="col">
                    <span className="visually-hidden">Delete</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.pending.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <input
                        type="radio"
                        name={`${id}-pending`}
                        aria-label={`Use ${p.friendlyName || p.subject}`}
                        checked={s.keySource?.kind === "pending" && s.keySource.id === p.id}
                        onChange={() => s.chooseKey({ kind: "pending", id: p.id })}
                      />
                    </td>
                    <td>{p.friendlyName || "(none)"}</td>
                    <td>{p.subject || "(empty)"}</td>
                    <td>{new Date(p.created).toLocaleString()}</td>
                    <td>
                      <code title={p.spkiSha256}>{p.spkiSha256.slice(0, 23)}…</code>
                    </td>
                    <td>
                      {confirmDelete === p.id ? (
                        <span role="group" aria-label="Confirm delete">
                          Delete this request and its encrypted key?{" "}
                          <button
                            type="button"
                            onClick={async () => {
                              await s.deletePending(p.id);
                              setConfirmDelete(null);
                            }}
                          >
                            Delete
                          </button>{" "}
                          <button type="button" onClick={() => setConfirmDelete(null)}>
                            Keep
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          aria-label={`Delete ${p.friendlyName || p.subject}`}
                          onClick={() => setConfirmDelete(p.id)}
                        >
                          Delete…
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="hint">
            No pending request is kept in this browser. Load the encrypted key file (.key) the wizard saved.
          </p>
        )}
        <div className="choice">
          <FilePicker
            label="Load an encrypted private key file…"
            accept=".key,.pem,.p8"
            onFiles={async ([file]) => s.chooseKey({ kind: "file", name: file!.name, pem: await file!.text() })}
          />
          {s.keySource?.kind === "file" && <p className="hint">Key file: {s.keySource.name}</p>}
        </div>
        {s.keySource && (
          <Field
            label="Passphrase of the private key"
            error={s.keyError}
            hint={s.openedKey ? `Opened. Public key SHA-256: ${s.openedKey.spkiSha256}` : undefined}
          >
            {(control) => (
              <div className="inline">
                <input
                  {...control}
                  type="password"
                  autoComplete="current-password"
                  value={s.keyPassphrase}
                  onChange={(e) => s.setKeyPassphrase(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") void s.openKey();
                  }}
                />
                <button type="button" onClick={() => void s.openKey()}>
                  Open the key
                </button>
              </div>
            )}
          </Field>
        )}
      </fieldset>

      <fieldset>
        <legend>Issued certificate</legend>
        <FilePicker
          label="Load the certificate…"
          accept=".cer,.crt,.pem,.der,.p7b,.p7c"
          multiple
          describedBy={`${id}-cert-error`}
          onFiles={addFiles}
          dropHint="or drop .cer, .crt or .p7b files here (PEM or DER; the chain may come with it)."
        />
        <Field label="Or paste the certificate (Base 64)">
          {(control) => <textarea {...control} rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} />}
        </Field>
        <button
          type="button"
          onClick={() => {
            try {
              const certs = readCertificates({ bytes: new TextEncoder().encode(pasted), name: "The pasted text" });
              s.addCertificates(certs.map((c) => ({ name: "pasted", der: new Uint8Array(c.rawData) })));
              setPasted("");
              setInputError(null);
            } catch (e) {
              setInputError(e instanceof CertificateInputError ? e.message : "The pasted text could not be read.");
            }
          }}
        >
          Add the pasted certificate
        </button>
        <ErrorText id={`${id}-cert-error`} error={inputError} />
        {s.certificates.length > 0 && (
          <ul aria-label="Certificates loaded">
            {s.certificates.map((c, i) => (
              <LoadedRow key={i} der={c.der} name={c.name} onRemove={() => s.removeCertificate(i)} />
            ))}
          </ul>
        )}
      </fieldset>

      <section aria-live="polite" aria-labelledby={`${id}-result`}>
        <h3 id={`${id}-result`}>Certificate</h3>
        {analysis.state === "waiting" && (
          <p className="hint">Load the certificate and choose its key to see them matched.</p>
        )}
        {analysis.state === "no-match" && (
          <div className="error" role="alert">
            <p>This certificate is not for this key: its public key is not the one the request was made with.</p>
            {analysis.belongsTo.map((b) => (
              <p key={b.spkiSha256}>
                {b.subject} belongs to the key with SHA-256 fingerprint <code>{b.spkiSha256}</code>
                {b.pendingName
                  ? `: the pending request "${b.pendingName}".`
                  : ", which is not among the pending requests here."}
              </p>
            ))}
          </div>
        )}
        {analysis.state === "matched" && (
          <>
            <p className="ok">The certificate matches the private key.</p>
            <div className="cert-card">
              <dl className="summary">
                <dt>Issued to</dt>
                <dd>{analysis.view.subject}</dd>
                <dt>Issued by</dt>
                <dd>{analysis.view.issuer}</dd>
                <dt>Valid from</dt>
                <dd>
                  {analysis.view.notBefore.toLocaleString()} to {analysis.view.notAfter.toLocaleString()}
                  {analysis.view.validity.state === "expired" && (
                    <strong className="warning"> This certificate has expired.</strong>
                  )}
                  {analysis.view.validity.state === "not-yet-valid" && (
                    <strong className="warning"> This certificate is not valid yet.</strong>
                  )}
                  {analysis.view.validity.state === "valid" && ` (${analysis.view.validity.daysLeft} days left)`}
                </dd>
                <dt>Subject Alternative Name</dt>
                <dd>{analysis.view.altNames.join(", ") || "(none)"}</dd>
                <dt>Key Usage</dt>
                <dd>{analysis.view.keyUsages.join(", ") || "(none)"}</dd>
                <dt>Enhanced Key Usage</dt>
                <dd>{analysis.view.extendedKeyUsages.join(", ") || "(none)"}</dd>
                <dt>Thumbprint</dt>
                <dd>
                  <code>{analysis.view.thumbprint}</code>
                </dd>
                <dt>Certification Path</dt>
                <dd>
                  <ol className="chain">
                    {[...analysis.chain].reverse().map((c) => (
                      <li key={c.serialNumber + c.subject}>{c.subject}</li>
                    ))}
                  </ol>
                  {!analysis.complete && (
                    <p className="warning">
                      The chain stops before a root: load the issuing CA's certificates (a .p7b from the CA) to include
                      them.
                    </p>
                  )}
                </dd>
              </dl>
            </div>
            {analysis.comparison && <Comparison diff={analysis.comparison} />}
          </>
        )}
      </section>

      {analysis.state === "matched" && (
        <section aria-labelledby={`${id}-export`}>
          <h3 id={`${id}-export`}>Export</h3>
          <Field label="Friendly name" hint="Windows shows it beside the certificate after import.">
            {(control) => (
              <input
                {...control}
                value={s.pfx.friendlyName}
                onChange={(e) => s.updatePfx({ friendlyName: e.target.value })}
              />
            )}
          </Field>
          <RadioChoices
            legend="Profile"
            options={PROFILES}
            value={s.pfx.profile}
            onChange={(profile) => s.updatePfx({ profile })}
          />
          <RadioChoices
            legend="Key storage on import"
            options={[
              {
                value: "legacy",
                label: "Legacy key: Microsoft RSA SChannel Cryptographic Provider",
                hint: "What Lync, Exchange and TMG want: a CryptoAPI key.",
                disabled: analysis.leaf.publicKey.algorithm.name !== "RSASSA-PKCS1-v1_5",
              },
              { value: "cng", label: "CNG key: Windows chooses the Key Storage Provider" },
            ]}
            value={s.pfx.provider}
            onChange={(provider) => s.updatePfx({ provider })}
          >
            {s.pfx.provider === "legacy" && (
              <RadioChoices
                legend="Key type"
                options={[
                  { value: "exchange", label: "Exchange" },
                  {
                    value: "signature",
                    label: "Signature",
                    hint: "Schannel never uses a signature-only key: a TLS listener needs Exchange.",
                    warn: s.pfx.keySpec === "signature",
                  },
                ]}
                value={s.pfx.keySpec}
                onChange={(keySpec) => s.updatePfx({ keySpec })}
              />
            )}
          </RadioChoices>
          <Checkbox
            label="Include the root certificate"
            checked={s.pfx.includeRoot}
            disabled={!root}
            onChange={(includeRoot) => s.updatePfx({ includeRoot })}
            hint={
              root
                ? `${root.subject}: usually already trusted; include it when the proxy does not trust your CA yet.`
                : "No root was loaded with the certificate."
            }
          />
          <Checkbox
            label="Protect the .pfx with the key's passphrase"
            checked={s.pfx.useKeyPassphrase}
            onChange={(useKeyPassphrase) => s.updatePfx({ useKeyPassphrase })}
          />
          {!s.pfx.useKeyPassphrase && (
            <>
              <Field label=".pfx password">
                {(control) => (
                  <input
                    {...control}
                    type="password"
                    autoComplete="new-password"
                    value={s.pfx.password}
                    onChange={(e) => s.updatePfx({ password: e.target.value })}
                  />
                )}
              </Field>
              <Field label="Confirm .pfx password">
                {(control) => (
                  <input
                    {...control}
                    type="password"
                    autoComplete="new-password"
                    value={s.pfx.confirm}
                    onChange={(e) => s.updatePfx({ confirm: e.target.value })}
                  />
                )}
              </Field>
            </>
          )}
          <div className="inline">
            <button
              type="button"
              className="primary"
              onClick={async () => {
                const der = await s.exportPfx({
                  leaf: new Uint8Array(analysis.leaf.rawData),
                  chain: exportChain.map((c) => new Uint8Array(c.rawData)),
                });
                if (der) saveFile({ name: `${stem}.pfx`, content: der, type: "application/x-pkcs12" });
              }}
            >
              Export
            </button>
            <button
              type="button"
              onClick={() =>
                saveFile({
                  name: `${stem}.cer`,
                  content: new Uint8Array(analysis.leaf.rawData),
                  type: "application/pkix-cert",
                })
              }
            >
              Download certificate (.cer, DER)
            </button>
            <button
              type="button"
              onClick={() =>
                saveFile({
                  name: `${stem}.base64.cer`,
                  content: toPem({ label: "CERTIFICATE", der: analysis.leaf.rawData, eol: "\r\n" }),
                  type: "application/pkix-cert",
                })
              }
            >
              Download certificate (.cer, Base 64)
            </button>
            <button
              type="button"
              onClick={() =>
                saveFile({
                  name: `${stem}.chain.pem`,
                  content: analysis.chain.map((c) => toPem({ label: "CERTIFICATE", der: c.rawData })).join(""),
                  type: "application/x-pem-file",
                })
              }
            >
              Download chain (PEM)
            </button>
          </div>
          <ErrorText error={s.exportError} />
          <p className="hint">
            On the proxy, also install the root and intermediate certificates of the CA that issued this one, and those
            of your internal CA, in the computer's Trusted Root and Intermediate Certification Authorities stores.
          </p>
        </section>
      )}
      {pendingChosen && (
        <p className="hint">
          Request kept with it:{" "}
          <button
            type="button"
            className="link"
            onClick={() =>
              saveFile({
                name: `${fileName(pendingChosen.friendlyName || "request")}.req`,
                content: toWindowsRequestBase64(pendingChosen.pkcs10),
                type: "application/pkcs10",
              })
            }
          >
            download the request again
          </button>
          .
        </p>
      )}
    </>
  );
}

function LoadedRow(props: { der: Uint8Array<ArrayBuffer>; name: string; onRemove: () => void }) {
  const subject = useMemo(() => {
    try {
      return readCertificates({ bytes: props.der })[0]?.subject ?? props.name;
    } catch {
      return props.name;
    }
  }, [props.der, props.name]);
  return (
    <li>
      {subject} <span className="hint">({props.name})</span>{" "}
      <button type="button" className="link" aria-label={`Remove ${subject}`} onClick={props.onRemove}>
        Remove
      </button>
    </li>
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
