/** Export writes the .pfx; the certificate alone and the chain download as they are. */
import { useRef } from "react";
import type { AnswerMatch } from "../../pki/certificates";
import { takesPfx } from "../../pki/export-targets";
import { toPem } from "../../pki/pem";
import { exportStem } from "../../store/complete-slice";
import { useWizard } from "../../store/store";
import { saveFile } from "../../ui/download";
import { ErrorText } from "../../ui/field";
import { ExportDone } from "./export-done";

export function ExportButtons({ match }: { match: Extract<AnswerMatch, { state: "matched" }> }) {
  const refusal = useRef<HTMLDivElement>(null);
  // Why focus the reason: a refused Export otherwise leaves a keyboard user on a button that seemed to do nothing.
  const refused = () => requestAnimationFrame(() => refusal.current?.focus());
  const exportPfx = useWizard((s) => s.exportPfx);
  const exportPem = useWizard((s) => s.exportPem);
  const target = useWizard((s) => s.pfx.target);
  const exportError = useWizard((s) => s.exportError);
  const keyOpening = useWizard((s) => s.keyOpening);
  const stem = useWizard(exportStem);
  const leaf = match.leaf.rawData;
  return (
    <>
      <div className="inline">
        <button
          type="button"
          className="primary"
          onClick={async () => {
            if (takesPfx(target)) {
              const pfx = await exportPfx();
              if (pfx) saveFile({ name: pfx.fileName, content: pfx.der, type: "application/x-pkcs12" });
              else refused();
              return;
            }
            const bundle = await exportPem();
            if (!bundle) refused();
            for (const file of bundle?.files ?? [])
              saveFile({ name: file.name, content: file.content, type: "application/x-pem-file" });
          }}
        >
          {keyOpening ? "Opening the key…" : "Export"}
        </button>
        <button
          type="button"
          onClick={() =>
            saveFile({ name: `${stem}.cer`, content: new Uint8Array(leaf), type: "application/pkix-cert" })
          }
        >
          Download certificate (.cer, DER)
        </button>
        <button
          type="button"
          onClick={() =>
            saveFile({
              name: `${stem}.base64.cer`,
              content: toPem({ label: "CERTIFICATE", der: leaf, eol: "\r\n" }),
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
              content: match.chain.map((c) => toPem({ label: "CERTIFICATE", der: c.rawData })).join(""),
              type: "application/x-pem-file",
            })
          }
        >
          Download chain (PEM)
        </button>
      </div>
      <div ref={refusal} tabIndex={-1} className="export-refusal">
        <ErrorText error={exportError} />
      </div>
      {/* Right under Export: where the admin looks after clicking it. */}
      <ExportDone />
      <p className="hint">
        On the proxy, also install the root and intermediate certificates of the CA that issued this one, and those of
        your internal CA, in the computer's Trusted Root and Intermediate Certification Authorities stores.
      </p>
    </>
  );
}
