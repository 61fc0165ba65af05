/**
 * Step 4: the order for exactly the request's names, and the challenges the admin can answer: http-01 (a file
 * on the proxy) or dns-01 (a TXT record), each with Copy buttons and a Check that tells the CA to validate.
 */
import { useId } from "react";
import { useAcme, type AuthorizationView, type ChallengeView } from "../store/acme-store";
import { CopyButton } from "../ui/copy-button";
import { ShownText } from "../ui/shown-text";

export function OrderStep() {
  const id = useId();
  const order = useAcme((s) => s.order);
  const authorizations = useAcme((s) => s.authorizations);
  const names = useAcme((s) => s.names);
  const busy = useAcme((s) => s.busy !== null);
  const placeOrder = useAcme((s) => s.placeOrder);
  const forgetOrder = useAcme((s) => s.forgetOrder);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>4. The order</h2>
      {!order ? (
        <p>
          <button type="button" disabled={names.length === 0 || busy} onClick={() => void placeOrder()}>
            Order the certificate ({names.length} {names.length === 1 ? "name" : "names"})
          </button>
        </p>
      ) : (
        <>
          <p>
            Order: <ShownText text={order.url} /> — <strong>{order.status}</strong>.{" "}
            {order.status === "invalid" && (
              <button type="button" onClick={forgetOrder}>
                Start a new order
              </button>
            )}
          </p>
          {authorizations.map((a) => (
            <Authorization key={a.url} authorization={a} />
          ))}
        </>
      )}
    </section>
  );
}

function Authorization({ authorization: a }: { authorization: AuthorizationView }) {
  return (
    <article className="authorization" aria-label={a.name}>
      <h3>
        <ShownText text={a.name} />: {a.status === "valid" ? "proven" : a.status}
      </h3>
      {a.error && (
        <p className="error" role="alert">
          {a.error}
        </p>
      )}
      {a.status === "pending" && a.challenges.map((c) => <Challenge key={c.url} authorization={a} challenge={c} />)}
      {a.status !== "pending" &&
        a.challenges
          .filter((c) => c.askedAt)
          .map((c) => (
            <p className="hint" key={c.url}>
              {c.type}: the CA was asked at {new Date(c.askedAt!).toLocaleTimeString()}
              {c.status === "valid" ? " and accepted the answer." : "."}
            </p>
          ))}
    </article>
  );
}

function Challenge({ authorization: a, challenge: c }: { authorization: AuthorizationView; challenge: ChallengeView }) {
  const check = useAcme((s) => s.check);
  const busy = useAcme((s) => s.busy !== null);
  const asked = c.askedAt && new Date(c.askedAt).toLocaleTimeString();
  const checkButton = (
    <button
      type="button"
      disabled={busy || a.checking}
      aria-label={`Check ${c.type} for ${a.name}`}
      onClick={() => void check(a.url, c.type)}
    >
      Check
    </button>
  );
  if (c.type === "http-01") {
    const path = `/.well-known/acme-challenge/${c.token}`;
    return (
      <div className="challenge">
        <h4>http-01: a file on the reverse proxy</h4>
        <p>
          File name:{" "}
          <code>
            <ShownText text={path} />
          </code>{" "}
          <CopyButton text={path} label="Copy the file name" what="The file name" />
        </p>
        <p>
          Content:{" "}
          <code>
            <ShownText text={c.answer} />
          </code>{" "}
          <CopyButton text={c.answer} label="Copy the content" what="The content" />
        </p>
        <p className="hint">
          It must answer at http://
          <ShownText text={a.name} />
          {path} on port 80, as plain text: on IIS ARR, a file under C:\inetpub\wwwroot\.well-known\acme-challenge\ of
          the site bound to port 80 (with a MIME type for files without extension), on TMG a web publishing rule for
          that path to such a server.
        </p>
        <p>
          {checkButton} {asked && <span className="hint">The CA was asked at {asked}.</span>}
        </p>
      </div>
    );
  }
  const record = `_acme-challenge.${a.name}`;
  return (
    <div className="challenge">
      <h4>dns-01: a TXT record</h4>
      <p>
        Name:{" "}
        <code>
          <ShownText text={record} />
        </code>{" "}
        <CopyButton text={record} label="Copy the record name" what="The record name" />
      </p>
      <p>
        Value:{" "}
        <code>
          <ShownText text={c.answer} />
        </code>{" "}
        <CopyButton text={c.answer} label="Copy the TXT value" what="The value" />
      </p>
      <p className="hint">
        Add it in the public DNS zone and wait until it is published (a few minutes with most DNS hosts) before Check.
      </p>
      <p>
        {checkButton} {asked && <span className="hint">The CA was asked at {asked}.</span>}
      </p>
    </div>
  );
}
