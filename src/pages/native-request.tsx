/** Reproduce natively: the same request as a certreq INF and as an OpenSSL config, for keys made on the server itself. */
import { useMemo, useState } from "react";
import { certreqCommand, certreqInf, opensslCommand, opensslConfig } from "../pki/native";
import { fileStem } from "../pki/request";
import { useWizard } from "../store/store";
import { saveFile } from "../ui/download";

function Block(props: { title: string; text: string; file: string; type: string; command: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied("The browser did not allow copying: select the text and copy it.");
    }
  };
  return (
    <div className="native">
      <h3>{props.title}</h3>
      <pre tabIndex={0} aria-label={props.title}>
        {props.text}
      </pre>
      <div className="inline">
        <button type="button" onClick={() => saveFile({ name: props.file, content: props.text, type: props.type })}>
          Download {props.file}
        </button>
        <button type="button" onClick={() => void copy(props.title, props.text)}>
          Copy {props.title}
        </button>
      </div>
      <p>
        Then run: <code>{props.command}</code>{" "}
        <button type="button" className="link" onClick={() => void copy("The command", props.command)}>
          Copy the command
        </button>
      </p>
      <p className="hint" aria-live="polite">
        {copied ?? ""}
      </p>
    </div>
  );
}

export function NativeRequest() {
  const plan = useWizard((s) => s.plan);
  const stem = fileStem(plan);
  const inf = useMemo(() => certreqInf(plan), [plan]);
  const cnf = useMemo(() => opensslConfig(plan), [plan]);
  return (
    <details className="native-request">
      <summary>Reproduce on Windows or with OpenSSL</summary>
      <p>
        When policy wants the private key made on the server itself, make the same request there: the key never exists
        in a browser at all.
      </p>
      <Block title="certreq INF" text={inf} file={`${stem}.inf`} type="text/plain" command={certreqCommand(plan)} />
      <Block title="OpenSSL config" text={cnf} file={`${stem}.cnf`} type="text/plain" command={opensslCommand(plan)} />
    </details>
  );
}
