/** After Export: what was written, what to do with it on the proxy, and the kept request no longer needed. */
import { useState } from "react";
import { useWizard } from "../../store/store";
import { RenewalReminder } from "./renewal-reminder";

export function ExportDone() {
  const lastExport = useWizard((s) => s.lastExport);
  const kept = useWizard((s) => s.pending.find((p) => p.id === s.lastExport?.keptId));
  const deletePending = useWizard((s) => s.deletePending);
  const [confirm, setConfirm] = useState(false);
  const [deleted, setDeleted] = useState(false);
  if (!lastExport) return null;
  return (
    <section className="result" aria-label="Exported">
      <p className="ok" role="status">
        Exported {lastExport.fileName}: the private key and {lastExport.certificates} certificate
        {lastExport.certificates === 1 ? "" : "s"},{" "}
        {lastExport.bundle ? "the key encrypted under the export password" : lastExport.profile}. The key and the
        passwords were dropped from this page; open the key again to export another.
      </p>
      <h3>Next steps on the proxy</h3>
      {lastExport.bundle ? (
        <>
          <ol>
            {lastExport.bundle.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <pre className="config" aria-label="Configuration lines">
            {lastExport.bundle.config.join("\n")}
          </pre>
        </>
      ) : lastExport.target === "appliance" ? (
        <ol>
          <li>
            Import {lastExport.fileName} as PKCS #12 with its password: on F5 BIG-IP, System &gt; Certificate Management
            &gt; Traffic Certificate Management &gt; SSL Certificate List &gt; Import; on KEMP LoadMaster, Certificates
            &amp; Security &gt; SSL Certificates &gt; Import Certificate; on Citrix ADC, Traffic Management &gt; SSL
            &gt; Import PKCS#12.
          </li>
          <li>
            Select it in the client SSL profile (or the virtual service's certificate) that serves the proxy's names.
          </li>
          <li>Import the CA's intermediate certificates too if the appliance does not send them yet.</li>
        </ol>
      ) : (
        <ol>
          <li>
            Copy {lastExport.fileName} to the proxy and import it into <strong>Local Computer\Personal</strong>: the
            Certificates snap-in (Certificates (Local Computer) &gt; Personal &gt; All Tasks &gt; Import), or{" "}
            <code>certutil -importPFX</code> with the file, or PowerShell's <code>Import-PfxCertificate</code> with{" "}
            <code>-CertStoreLocation Cert:\LocalMachine\My</code>. It asks for the .pfx password.
          </li>
          <li>
            Select the certificate where the proxy listens: on TMG 2010, the web listener's Certificates tab; on IIS
            ARR, the site's https binding (Bindings &gt; Edit &gt; SSL certificate), by its friendly name.
          </li>
          <li>Install the CA's root and intermediate certificates on the proxy if it does not trust them yet.</li>
        </ol>
      )}
      <RenewalReminder />
      {kept && !deleted && (
        <div className="inline" role="group" aria-label="Kept request">
          {confirm ? (
            <>
              <span>Delete the kept request and its encrypted key from this browser?</span>
              <button
                type="button"
                onClick={async () => {
                  await deletePending(kept.id);
                  setDeleted(true);
                }}
              >
                Delete
              </button>
              <button type="button" onClick={() => setConfirm(false)}>
                Keep
              </button>
            </>
          ) : (
            <>
              <span className="hint">The request is complete: this browser no longer needs to keep it.</span>
              <button type="button" onClick={() => setConfirm(true)}>
                Delete the kept request…
              </button>
            </>
          )}
        </div>
      )}
      {deleted && <p className="hint">The kept request and its encrypted key are deleted from this browser.</p>}
    </section>
  );
}
