/** Step 2: the CA's ACME directory. The page contacts nothing before the admin clicks Contact the CA. */
import { useId } from "react";
import { DIRECTORIES, useAcme, type DirectoryChoice } from "../store/acme-store";
import { ShownText } from "../ui/shown-text";

const CHOICES: { value: DirectoryChoice; label: string }[] = [
  { value: "letsencrypt", label: "Let's Encrypt" },
  { value: "staging", label: "Let's Encrypt staging (test certificates, not trusted)" },
  { value: "custom", label: "Another ACME directory" },
];

export function CaStep() {
  const id = useId();
  const choice = useAcme((s) => s.directoryChoice);
  const customUrl = useAcme((s) => s.customUrl);
  const directory = useAcme((s) => s.directory);
  const directoryUrl = useAcme((s) => s.directoryUrl);
  const resume = useAcme((s) => s.resume);
  const busy = useAcme((s) => s.busy !== null);
  const locked = useAcme((s) => s.order !== null);
  const chooseDirectory = useAcme((s) => s.chooseDirectory);
  const setCustomUrl = useAcme((s) => s.setCustomUrl);
  const contact = useAcme((s) => s.contact);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>2. The certificate authority</h2>
      {resume && !directory && (
        <p className="warning">
          An order placed from this page at <ShownText text={resume.directoryUrl} /> is under way: contact the CA and
          open the account file to resume it.
        </p>
      )}
      <fieldset disabled={locked}>
        <legend>ACME directory</legend>
        {CHOICES.map((c) => (
          <div className="choice" key={c.value}>
            <input
              type="radio"
              name={`${id}-dir`}
              id={`${id}-${c.value}`}
              checked={choice === c.value}
              onChange={() => chooseDirectory(c.value)}
            />
            <label htmlFor={`${id}-${c.value}`}>{c.label}</label>
            {c.value !== "custom" && <span className="hint"> {DIRECTORIES[c.value]}</span>}
          </div>
        ))}
        {choice === "custom" && (
          <div className="field">
            <label htmlFor={`${id}-url`}>Directory URL</label>
            <input
              id={`${id}-url`}
              type="url"
              inputMode="url"
              spellCheck={false}
              placeholder="e.g. https://acme.example.com/directory"
              value={customUrl}
              onChange={(e) => setCustomUrl(e.target.value)}
            />
          </div>
        )}
        <p>
          <button type="button" disabled={!choice || busy} onClick={() => void contact()}>
            Contact the CA
          </button>
        </p>
      </fieldset>
      {directory && directoryUrl && (
        <p>
          Connected to <ShownText text={directoryUrl} />.
          {directory.meta?.website && /^https:\/\//i.test(directory.meta.website) && (
            <>
              {" "}
              CA website:{" "}
              <a href={directory.meta.website} target="_blank" rel="noreferrer noopener">
                <ShownText text={directory.meta.website} />
              </a>
              .
            </>
          )}
        </p>
      )}
    </section>
  );
}
