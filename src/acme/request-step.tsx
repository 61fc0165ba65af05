/** Step 1: which request the CA gets, a kept one (listed from this browser) or a request file. */
import { useId } from "react";
import { useAcme } from "../store/acme-store";
import { FilePicker } from "../ui/file-picker";
import { ShownText } from "../ui/shown-text";

export function RequestStep() {
  const id = useId();
  const kept = useAcme((s) => s.kept);
  const keptError = useAcme((s) => s.keptError);
  const source = useAcme((s) => s.source);
  const names = useAcme((s) => s.names);
  const requestError = useAcme((s) => s.requestError);
  const chooseSource = useAcme((s) => s.chooseSource);
  const addRequestFile = useAcme((s) => s.addRequestFile);
  const locked = useAcme((s) => s.order !== null);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>1. The request</h2>
      {keptError && <p className="error">{keptError}</p>}
      <fieldset disabled={locked}>
        <legend>Requests kept in this browser</legend>
        {kept.length === 0 && <p className="hint">No request is kept in this browser: use a request file.</p>}
        {kept.map((k) => (
          <div className="choice" key={k.id}>
            <input
              type="radio"
              name={`${id}-kept`}
              id={`${id}-${k.id}`}
              checked={source?.kind === "kept" && source.id === k.id}
              onChange={() => chooseSource({ kind: "kept", id: k.id })}
            />
            <label htmlFor={`${id}-${k.id}`}>
              <ShownText text={k.friendlyName || k.subject} /> ({new Date(k.created).toLocaleString()})
            </label>
          </div>
        ))}
        <FilePicker
          label="Use a request file…"
          accept=".req,.csr,.pem,.der,.txt"
          onFiles={(files) => files[0] && addRequestFile(files[0])}
          dropHint="or drop it here."
        />
        {source?.kind === "file" && (
          <p className="hint">
            Request file: <ShownText text={source.name} />
          </p>
        )}
      </fieldset>
      {requestError && <p className="error">{requestError}</p>}
      {names.length > 0 && (
        <p>
          The order asks for exactly these names:{" "}
          {names.map((n, i) => (
            <span key={n}>
              {i > 0 && ", "}
              <ShownText text={n} />
            </span>
          ))}
          .
        </p>
      )}
    </section>
  );
}
