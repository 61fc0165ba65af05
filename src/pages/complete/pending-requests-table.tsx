/** The pending requests kept in this browser: choose one as the key, or delete it after confirming. */
import { useId, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useWizard } from "../../store/store";
import { ShownText } from "../../ui/shown-text";

export function PendingRequestsTable() {
  const id = useId();
  const { pending, keySource, chooseKey, deletePending } = useWizard(
    useShallow((s) => ({
      pending: s.pending,
      keySource: s.keySource,
      chooseKey: s.chooseKey,
      deletePending: s.deletePending,
    })),
  );
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Pending requests">
      <table className="names cards">
        <caption>Pending requests kept in this browser</caption>
        <thead>
          <tr>
            <th scope="col">Use</th>
            <th scope="col">Friendly name</th>
            <th scope="col">Subject</th>
            <th scope="col">Date</th>
            <th scope="col">Key fingerprint</th>
            <th scope="col">
              <span className="visually-hidden">Delete</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pending.map((p) => (
            <tr key={p.id}>
              <td data-label="Use">
                <input
                  type="radio"
                  name={`${id}-pending`}
                  aria-label={`Use ${p.friendlyName || p.subject}`}
                  checked={keySource?.kind === "pending" && keySource.id === p.id}
                  onChange={() => chooseKey({ kind: "pending", id: p.id })}
                />
              </td>
              <td data-label="Friendly name">{p.friendlyName ? <ShownText text={p.friendlyName} /> : "(none)"}</td>
              <td data-label="Subject">{p.subject ? <ShownText text={p.subject} /> : "(empty)"}</td>
              <td data-label="Date">{new Date(p.created).toLocaleString()}</td>
              <td data-label="Key fingerprint">
                <code title={p.spkiSha256}>{p.spkiSha256.slice(0, 23)}…</code>
              </td>
              <td>
                {/* No label: the card's last line is its Delete button. */}
                {confirmDelete === p.id ? (
                  <span role="group" aria-label="Confirm delete">
                    Delete this request and its encrypted key?{" "}
                    <button
                      type="button"
                      onClick={async () => {
                        await deletePending(p.id);
                        setConfirmDelete(null);
                      }}
                    >
                      Delete
                    </button>{" "}
                    <button type="button" onClick={() => setConfirmDelete(null)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    aria-label={`Delete ${p.friendlyName || p.subject}`}
                    onClick={() => setConfirmDelete(p.id)}
                  >
                    Delete…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
