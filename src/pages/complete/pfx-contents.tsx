/** What an opened .pfx holds: each certificate and the key, which certificate is the key's, and how each was protected. */
import { useWizard } from "../../store/store";
import { ShownText } from "../../ui/shown-text";

export function PfxContentsList() {
  const contents = useWizard((s) => s.pfxContents);
  if (!contents) return null;
  return (
    <section className="cert-card" aria-label="Contents of the .pfx">
      <h4>Contents of the .pfx</h4>
      <p className="hint">Integrity: {contents.mac}.</p>
      <ul>
        {contents.items.map((item, i) => (
          <li key={i}>
            <strong>{item.kind === "key" ? item.title : <ShownText text={item.title} />}</strong>
            {item.kind === "certificate" && item.matchesKey && " (the key's certificate)"}
            {item.friendlyName && (
              <>
                ; friendly name <ShownText text={item.friendlyName} />
              </>
            )}
            {item.cspName && (
              <>
                ; provider <ShownText text={item.cspName} />
              </>
            )}
            {item.keySpec && `; key type ${item.keySpec}`}; encrypted with {item.encryption}.
          </li>
        ))}
      </ul>
    </section>
  );
}
