/**
 * After Finish: the explicit way to ACME. The wizard itself stays offline (connect-src 'none'); the ACME page is
 * a page of its own, with its own policy, that contacts only the CA the admin chooses (README: Issued from the
 * page). It reads the request kept in this browser, so it is offered only when the request was kept, and only
 * from a served build: the single file opened from disk has no ACME page beside it.
 */
export function AcmeLink() {
  if (location.protocol !== "http:" && location.protocol !== "https:") return null;
  return (
    <p className="hint">
      <a href="acme.html" target="_blank" rel="noopener">
        Get it issued (ACME)…
      </a>{" "}
      opens, in a new tab, a page that contacts the ACME CA you choose (Let&apos;s Encrypt, or your own ACME server)
      with this request; this page stays offline, and the private key never leaves the browser.
    </p>
  );
}
