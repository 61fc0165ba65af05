/** Reproduce natively: the same request as a certreq INF and as an OpenSSL config, for keys made on the server itself. */
import { useMemo } from "react";
import {
  certreqCommands,
  certreqInf,
  commandLine,
  infFileBytes,
  nativeFileStem,
  NativeRequestError,
  opensslCommands,
  opensslConfig,
  type Command,
} from "../pki/native";
import { useWizard } from "../store/store";
import { CopyButton } from "../ui/copy-button";
import { saveFile } from "../ui/download";

/** The file and its commands, or why this plan cannot be written in that grammar. */
type Output = { text: string; commands: string } | { error: string };

function output(write: () => string, commands: () => Command[]): Output {
  try {
    return { text: write(), commands: commands().map(commandLine).join("\n") };
  } catch (e) {
    if (e instanceof NativeRequestError) return { error: e.message };
    throw e;
  }
}

function Block(props: {
  title: string;
  output: Output;
  file: string;
  content: (text: string) => string | Uint8Array<ArrayBuffer>;
}) {
  const out = props.output;
  return (
    <div className="native">
      <h3>{props.title}</h3>
      {"error" in out ? (
        <p className="error">{out.error}</p>
      ) : (
        <>
          <pre tabIndex={0} aria-label={props.title}>
            {out.text}
          </pre>
          <div className="inline">
            <button
              type="button"
              onClick={() => saveFile({ name: props.file, content: props.content(out.text), type: "text/plain" })}
            >
              Download {props.file}
            </button>
            <CopyButton text={out.text} label={`Copy ${props.title}`} what={`The ${props.title}`} />
          </div>
          <p>Saved as {props.file} in the browser's downloads folder. Then run it there:</p>
          <pre className="command" tabIndex={0} aria-label={`${props.title} command`}>
            {out.commands}
          </pre>
          <div className="inline">
            <CopyButton text={out.commands} label="Copy the command" what="The command" />
          </div>
        </>
      )}
    </div>
  );
}

export function NativeRequest() {
  const plan = useWizard((s) => s.plan);
  const stem = nativeFileStem(plan);
  const inf = useMemo(
    () =>
      output(
        () => certreqInf(plan),
        () => certreqCommands(plan),
      ),
    [plan],
  );
  const cnf = useMemo(
    () =>
      output(
        () => opensslConfig(plan),
        () => opensslCommands(plan),
      ),
    [plan],
  );
  return (
    <details className="native-request">
      <summary>Reproduce on Windows or with OpenSSL</summary>
      <p>
        When policy wants the private key made on the server itself, make the same request there: the key never exists
        in a browser at all.
      </p>
      <Block title="certreq INF" output={inf} file={`${stem}.inf`} content={infFileBytes} />
      <Block title="OpenSSL config" output={cnf} file={`${stem}.cnf`} content={(text) => text} />
    </details>
  );
}
