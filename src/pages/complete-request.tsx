/**
 * Complete the request: the CA's certificate matched to its key (a pending request kept in this browser or an
 * encrypted key file), shown as Windows' certificate dialog would, and exported as a .pfx the proxy imports.
 * A thin view over the Complete slice. Loaded only when this page opens: it brings the PKCS #12 code the wizard
 * does not need.
 */
import { useEffect, useId } from "react";
import { safeFileStem } from "../pki/file-names";
import { toWindowsRequestBase64 } from "../pki/pem";
import { chosenPendingRequest } from "../store/selectors";
import { useWizard } from "../store/store";
import { saveFile } from "../ui/download";
import { CertificateCard } from "./complete/certificate-card";
import { CertificateInput } from "./complete/certificate-input";
import { ExportForm } from "./complete/export-form";
import { ExportDone } from "./complete/export-done";
import { KeyPicker } from "./complete/key-picker";
import { PfxContentsList } from "./complete/pfx-contents";

export function CompleteRequestPage() {
  const id = useId();
  const refreshPending = useWizard((s) => s.refreshPending);
  const pendingChosen = useWizard(chosenPendingRequest);
  const lastExport = useWizard((s) => s.lastExport);
  // The confirmation sits under the Export button; without a matched certificate (one removed since), here.
  const matched = useWizard((s) => s.match.state === "matched");
  useEffect(() => {
    void refreshPending();
  }, [refreshPending]);
  return (
    <>
      <p>
        When the CA answers, load the certificate it issued and the private key of the request, check that they match,
        and export a .pfx for the server or reverse proxy that will use it.
      </p>
      <KeyPicker />
      <PfxContentsList />
      <CertificateInput />
      <CertificateCard headingId={`${id}-result`} />
      <ExportForm headingId={`${id}-export`} />
      {lastExport && !matched && <ExportDone />}
      {pendingChosen && (
        <p className="hint">
          Request kept with it:{" "}
          <button
            type="button"
            className="link"
            onClick={() =>
              saveFile({
                name: `${safeFileStem(pendingChosen.friendlyName, "request")}.req`,
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
