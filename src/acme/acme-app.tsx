/**
 * "Get it issued (ACME)": the request, the CA's directory, the account, the order and its challenges, then
 * Complete the request with the issued chain. One page, its steps shown as they become possible.
 */
import { lazy, Suspense, useCallback, useEffect } from "react";
import { useAcme } from "../store/acme-store";
import { useWizard } from "../store/store";
import { saveFile } from "../ui/download";
import { useIdleDrop } from "../ui/use-idle-drop";
import { AccountStep } from "./account-step";
import { CaStep } from "./ca-step";
import { CommandLineFallback } from "./command-line-fallback";
import { OrderStep } from "./order-step";
import { RequestStep } from "./request-step";

// Why lazy: Complete the request brings the PKCS #12 code, needed once the certificate is issued.
const CompleteRequestPage = lazy(() =>
  import("../pages/complete-request").then((m) => ({ default: m.CompleteRequestPage })),
);

export function AcmeApp() {
  const init = useAcme((s) => s.init);
  const directory = useAcme((s) => s.directory);
  const account = useAcme((s) => s.account);
  const busy = useAcme((s) => s.busy);
  const error = useAcme((s) => s.error);
  const unreachable = useAcme((s) => s.unreachable);
  const chain = useAcme((s) => s.chainPem);
  const renewal = useAcme((s) => s.renewal);
  const cancel = useAcme((s) => s.cancel);
  const waiting = useAcme((s) => s.waiting);
  useEffect(() => {
    void init(window.location.hash);
  }, [init]);
  // As in the wizard: ten minutes idle, and the account key, the passphrases, the HMAC key and the opened
  // request key (Complete the request, below) are let go.
  const dropAcmeSecrets = useAcme((s) => s.dropSecrets);
  const dropWizardSecrets = useWizard((s) => s.dropSecrets);
  const drop = useCallback(() => {
    dropAcmeSecrets();
    dropWizardSecrets();
  }, [dropAcmeSecrets, dropWizardSecrets]);
  useIdleDrop(drop);
  return (
    <main className="acme">
      <RequestStep />
      <CaStep />
      {directory && <AccountStep />}
      {account && <OrderStep />}
      <div aria-live="polite">
        {busy && (
          <p role="status">
            {busy}{" "}
            {waiting && (
              <button type="button" className="link" onClick={cancel}>
                Stop waiting
              </button>
            )}
          </p>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {unreachable && <CommandLineFallback />}
      {chain && (
        <section aria-labelledby="acme-complete">
          <h2 id="acme-complete">Complete the request</h2>
          <p>
            The CA issued the certificate.{" "}
            <button
              type="button"
              className="link"
              onClick={() =>
                saveFile({ name: "acme-chain.pem", content: chain, type: "application/pem-certificate-chain" })
              }
            >
              Save the CA's chain (PEM)
            </button>
            . Below, open the request's key and export the .pfx for the server that will use it.
          </p>
          {renewal && (
            <p>
              The CA suggests renewing between {renewal.start.toLocaleString()} and {renewal.end.toLocaleString()}
              {renewal.explanationUrl && (
                <>
                  {" "}
                  (
                  <a href={renewal.explanationUrl} target="_blank" rel="noreferrer noopener">
                    why
                  </a>
                  )
                </>
              )}
              .
            </p>
          )}
          <Suspense fallback={<p role="status">Loading…</p>}>
            <CompleteRequestPage />
          </Suspense>
        </section>
      )}
    </main>
  );
}
