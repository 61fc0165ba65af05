/**
 * After Export, right under its button and focused: what was written and which password protects it (the
 * generated one shown until forgotten), "Another format…", what to do on the proxy, and the kept request
 * no longer needed.
 */
import { useEffect, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useWizard } from "../../store/store";
import { CopyButton } from "../../ui/copy-button";
import { RenewalReminder } from "./renewal-reminder";

/** The export whose confirmation last took the focus: a confirmation moved elsewhere on the page does not take it again. */
let focusedExport = 0;

export function ExportDone() {
  const lastExport = useWizard((s) => s.lastExport);
  const kept = useWizard((s) => s.pending.find((p) => p.id === s.lastExport?.keptId));
  const { deletePending, secretsGeneration, startAnotherExport } = useWizard(
    useShallow((s) => ({
      deletePending: s.deletePending,
      secretsGeneration: s.secretsGeneration,
      startAnotherExport: s.startAnotherExport,
    })),
  );
  const [confirm, setConfirm] = useState(false);
  const region = useRef<HTMLElement>(null);
  const count = lastExport?.count ?? 0;
  useEffect(() => {
    // Why the focus moves here: the admin looks for what Export did where they clicked, not at the page's top.
    // Moved (the certificate or the kept request went, and the form with it): it takes the focus that was lost.
    if (count > focusedExport || document.activeElement === document.body) {
      focusedExport = count;
      region.current?.focus();
    }
  }, [count]);
  if (!lastExport) return null;
  // Deleted here (or elsewhere): the request the export came from is no longer kept.
  const deleted = lastExport.keptId !== undefined && !kept;
  const what = lastExport.bundle ? "The key file" : lastExport.fileName;
  return (
    <section className="result export-done" aria-label="Exported" tabIndex={-1} ref={region}>
      <p className="ok" role="status">
        Exported {lastExport.fileName}: the private key and {lastExport.certificates} certificate
        {lastExport.certificates === 1 ? "" : "s"},{" "}
        {lastExport.bundle ? "the key encrypted under the export password" : lastExport.profile}. The key was dropped
        from this page.
      </p>
      {lastExport.protectedBy === "generated" ? (
        // Keyed so that a forgotten password leaves React's memory with the component that showed it.
        <ExportedPassword key={secretsGeneration} what={what} onForget={() => region.current?.focus()} />
      ) : (
        <p>
          {what} is protected by{" "}
          {lastExport.protectedBy === "typed"
            ? "the password you typed for it (not shown again)."
            : "the private key's passphrase."}
        </p>
      )}
      <p>
        <button
          type="button"
          onClick={() => {
            startAnotherExport();
            // The key source stays: its passphrase opens the key again, and the form above is as it was.
            document.querySelector<HTMLInputElement>("input[data-key-passphrase]")?.focus();
          }}
        >
          Another format…
        </button>{" "}
        <span className="hint">
          One more file from the same certificate and key: type the key&apos;s passphrase again, choose the profile or
          proxy, and export.
        </span>
      </p>
      <h3>Next steps on the proxy</h3>
      {lastExport.bundle ? (
        <>
          <ol className="steps">
            {lastExport.bundle.steps.map((step, i) => (
              <li key={step.say}>
                {step.say}
                {step.run && <CommandBlock label={`Commands of step ${i + 1}`} lines={step.run} />}
              </li>
            ))}
          </ol>
          <CommandBlock label="Configuration lines" lines={lastExport.bundle.config} />
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
              <button type="button" onClick={() => void deletePending(kept.id)}>
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

/** Lines to paste elsewhere (commands, configuration): in their own box, scrolling inside it, with Copy. */
function CommandBlock(props: { label: string; lines: readonly string[] }) {
  const text = props.lines.join("\n");
  return (
    <div className="command-block">
      <pre className="config" aria-label={props.label} tabIndex={0}>
        {text}
      </pre>
      <CopyButton text={text} label="Copy" what={props.label.startsWith("Commands") ? "The commands" : "The lines"} />
    </div>
  );
}

/** The generated password of the file just written, shown (and Copy) until "Forget this password". */
function ExportedPassword(props: { what: string; onForget: () => void }) {
  const { password, forget } = useWizard(
    useShallow((s) => ({ password: s.exportedPassword, forget: s.forgetExportedPassword })),
  );
  if (password === null)
    return (
      <p>
        {props.what} is protected by the password generated here, now forgotten by this page: use the copy you stored.
      </p>
    );
  return (
    <div className="exported-password" role="group" aria-label="Password of the exported file">
      <p>
        {props.what} is protected by the password generated here: <code className="secret">{password}</code>
      </p>
      <div className="inline">
        <CopyButton text={password} label="Copy the password" what="The password" />
        <button
          type="button"
          onClick={() => {
            forget();
            props.onForget();
          }}
        >
          Forget this password
        </button>
      </div>
    </div>
  );
}
