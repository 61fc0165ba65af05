/** When the CA refuses a browser (no CORS) or needs what the page cannot do: the same request by a command-line client. */
import { commandFileStem } from "../pki/file-names";
import { cliCommands } from "../pki/acme/problem";
import { toPem } from "../pki/pem";
import { chosenDirectoryUrl, requestDer, useAcme } from "../store/acme-store";
import { CopyButton } from "../ui/copy-button";
import { saveFile } from "../ui/download";

export function CommandLineFallback() {
  const s = useAcme();
  const der = requestDer(s);
  const chosen = chosenDirectoryUrl(s);
  if (!der || "error" in chosen) return null;
  const source = s.source;
  const kept = source?.kind === "kept" ? s.kept.find((k) => k.id === source.id) : undefined;
  const file = `${commandFileStem(kept?.friendlyName || s.names[0] || "request", "request")}.csr`;
  const commands = cliCommands({ file, directoryUrl: chosen.url });
  return (
    <section aria-label="Command-line clients">
      <p>
        <button
          type="button"
          onClick={() =>
            saveFile({ name: file, content: toPem({ label: "CERTIFICATE REQUEST", der }), type: "application/pkcs10" })
          }
        >
          Download the request ({file})
        </button>
      </p>
      <ul className="commands">
        {commands.map((c) => (
          <li key={c.client}>
            {c.client}: <code>{c.command}</code> <CopyButton text={c.command} label="Copy" what="The command" />
          </li>
        ))}
      </ul>
      <p className="hint">
        The key stays with the request kept here (or your key file): load the certificate those clients get on Complete
        the request.
      </p>
    </section>
  );
}
