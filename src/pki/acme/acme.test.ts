import { describe, expect, test } from "vitest";
import { generateAccountKey, openAccountKey, readAccountFile, writeAccountFile } from "./account-file";
import { acmeClient, MAX_BODY, orderIdentifiers } from "./client";
import { publicJwk } from "./jws";
import { cliCommands, problemSentence, psQuote, shQuote, unreachableSentence } from "./problem";
import { retryAfterMs } from "./retry-after";
import { fromBase64url } from "./base64url";

const E = "urn:ietf:params:acme:error:";

describe("problem documents as one sentence", () => {
  test.each([
    ["rateLimited", "too many certificates already issued", /^The CA refuses more requests for now \(a rate limit\)/],
    ["badNonce", "JWS has an invalid anti-replay nonce", /^The CA refused the request's nonce twice/],
    ["caa", "CAA record for contoso.com prevents issuance", /^A CAA record in DNS does not allow this CA/],
    [
      "rejectedIdentifier",
      "Policy forbids issuing for name",
      /^The CA will not issue a certificate for one of the names/,
    ],
    ["unauthorized", "Incorrect TXT record", /^The CA did not accept the proof of control of the name/],
    ["connection", "Connection refused", /^The CA could not connect to the server to check the challenge/],
  ])("%s says what it means and the CA's own detail", (type, detail, lead) => {
    const s = problemSentence({ type: E + type, detail, status: 400 });
    expect(s).toMatch(lead);
    expect(s).toContain(`the CA says "${detail}"`);
    expect(s.endsWith(".")).toBe(true);
    expect(s).not.toMatch(/\n|at .*\.ts/);
  });

  test("an unknown type still gives one sentence, with the HTTP status; control characters are flattened", () => {
    expect(problemSentence({ type: "about:blank", detail: "no\nway\u202e" }, 418)).toBe(
      'The CA refused the request (HTTP 418): the CA says "no way".',
    );
  });

  test("unauthorized on a new account is the external account binding, not a challenge", () => {
    const problem = { type: E + "unauthorized", detail: "external account binding JWS verification error" };
    expect(problemSentence(problem, 401, "account")).toMatch(/^The CA did not accept the external account binding/);
    expect(problemSentence(problem, 401)).toMatch(/^The CA did not accept the proof of control/);
  });

  test("subproblems' details are said too", () => {
    const s = problemSentence({
      type: E + "compound",
      detail: "Some names failed",
      subproblems: [{ type: E + "caa", detail: "CAA for a.example", identifier: { type: "dns", value: "a.example" } }],
    });
    expect(s).toContain("Some names failed; CAA for a.example");
  });
});

describe("command-line clients for a CA that refuses the browser", () => {
  test("certbot, acme.sh and Posh-ACME each take the request file, the directory quoted for their shell", () => {
    const commands = cliCommands({ file: "webext.contoso.com.csr", directoryUrl: "https://ca.example/dir?a='b'" });
    expect(commands.map((c) => c.command)).toEqual([
      "certbot certonly --manual --server 'https://ca.example/dir?a='\\''b'\\''' --csr webext.contoso.com.csr",
      "acme.sh --sign-csr --csr webext.contoso.com.csr --server 'https://ca.example/dir?a='\\''b'\\'''",
      "Set-PAServer -DirectoryUrl 'https://ca.example/dir?a=''b'''; New-PACertificate -CSRPath .\\webext.contoso.com.csr",
    ]);
    expect(() => cliCommands({ file: "-rf x", directoryUrl: "https://a" })).toThrow();
    expect(shQuote("a'b")).toBe("'a'\\''b'");
    expect(psQuote("a\u2019b")).toBe("'a\u2019\u2019b'");
    expect(unreachableSentence("https://ca.example/dir")).toMatch(
      /^The browser could not reach https:\/\/ca\.example,.*certbot, acme\.sh and Posh-ACME/,
    );
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-12-04T10:00:00Z");
  test("reads seconds and HTTP dates, with a default and a cap", () => {
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs("soon")).toBe(1000);
    expect(retryAfterMs("3600")).toBe(30_000);
    expect(retryAfterMs("Fri, 04 Dec 2026 10:00:05 GMT", { now })).toBe(5000);
    expect(retryAfterMs("Fri, 04 Dec 2026 09:00:00 GMT", { now })).toBe(0);
    expect(retryAfterMs("10", { cap: 2000 })).toBe(2000);
  });
});

describe("the client", () => {
  const dir = {
    newNonce: "https://ca.example/nonce",
    newAccount: "https://ca.example/acct",
    newOrder: "https://ca.example/order",
    meta: { termsOfService: "https://ca.example/tos" },
  };

  function fakeCa(answers: ((req: { url: string; body: unknown; nonce?: string }) => Response)[]) {
    const seen: { url: string; method: string; header?: Record<string, unknown> }[] = [];
    let n = 0;
    const fetch = async (url: string | URL | Request, init?: RequestInit) => {
      const u = String(url);
      const method = init?.method ?? "GET";
      if (u === "https://ca.example/dir") return Response.json(dir);
      if (u === dir.newNonce) {
        seen.push({ url: u, method });
        return new Response(null, { status: 200, headers: { "Replay-Nonce": `nonce-${++n}` } });
      }
      const body = JSON.parse(String(init?.body));
      const header = JSON.parse(new TextDecoder().decode(fromBase64url(body.protected)));
      seen.push({ url: u, method, header });
      const answer = answers.shift();
      if (!answer) throw new Error("no answer");
      return answer({ url: u, body, nonce: header.nonce });
    };
    return { fetch: fetch as typeof globalThis.fetch, seen };
  }

  test("a badNonce is retried once with the nonce of the refusal, jwk first and kid after", async () => {
    const { privateKey } = await generateAccountKey();
    const key = { privateKey, jwk: await publicJwk({ key: privateKey }) };
    const ca = fakeCa([
      () =>
        Response.json(
          { type: E + "badNonce", detail: "bad" },
          { status: 400, headers: { "Replay-Nonce": "from-refusal" } },
        ),
      () =>
        Response.json(
          { status: "valid" },
          { status: 201, headers: { Location: "https://ca.example/acct/7", "Replay-Nonce": "x" } },
        ),
    ]);
    const client = acmeClient({ directoryUrl: "https://ca.example/dir", fetch: ca.fetch });
    const r = await client.post<{ status: string }>({
      url: dir.newAccount,
      payload: { termsOfServiceAgreed: true },
      key,
    });
    expect(r).toMatchObject({ ok: true, value: { status: "valid" }, location: "https://ca.example/acct/7" });
    const posts = ca.seen.filter((s) => s.method === "POST");
    expect(posts.map((p) => p.header!.nonce)).toEqual(["nonce-1", "from-refusal"]);
    expect(posts[0]!.header!.jwk).toEqual(key.jwk);
    expect(posts[0]!.header!.kid).toBeUndefined();
  });

  test("a second badNonce is said, not retried again; a failed fetch names the command-line clients", async () => {
    const { privateKey } = await generateAccountKey();
    const key = { privateKey, jwk: await publicJwk({ key: privateKey }), kid: "https://ca.example/acct/7" };
    const bad = () =>
      Response.json({ type: E + "badNonce", detail: "bad" }, { status: 400, headers: { "Replay-Nonce": "r" } });
    const ca = fakeCa([bad, bad]);
    const client = acmeClient({ directoryUrl: "https://ca.example/dir", fetch: ca.fetch });
    const r = await client.post({ url: dir.newOrder, payload: {}, key });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/nonce twice/) });
    const posts = ca.seen.filter((s) => s.method === "POST");
    expect(posts).toHaveLength(2);
    expect(posts[1]!.header!.kid).toBe(key.kid);

    const offline = acmeClient({
      directoryUrl: "https://ca.example/dir",
      fetch: (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch,
    });
    expect(await offline.directory()).toMatchObject({
      ok: false,
      unreachable: true,
      error: expect.stringMatching(/certbot/),
    });
  });

  test("a CA that never answers gives one sentence after the time limit, not a wait without end", async () => {
    let signal: AbortSignal | undefined;
    const never = ((_url: string, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    }) as unknown as typeof fetch;
    const client = acmeClient({ directoryUrl: "https://ca.example/dir", fetch: never, timeoutMs: 50 });
    const r = await client.directory();
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The CA did not answer within 50 ms: https:\/\/ca\.example/),
    });
    expect(signal?.aborted).toBe(true);
    const slow = acmeClient({ directoryUrl: "https://ca.example/dir", fetch: never });
    expect(await Promise.race([slow.directory(), new Promise((ok) => setTimeout(() => ok("waiting"), 20))])).toBe(
      "waiting",
    );
    const { privateKey } = await generateAccountKey();
    const key = { privateKey, jwk: await publicJwk({ key: privateKey }), kid: "https://ca.example/acct/7" };
    const stalled = acmeClient({
      directoryUrl: "https://ca.example/dir",
      timeoutMs: 50,
      fetch: (async (url: string) =>
        String(url).endsWith("/dir")
          ? Response.json(dir)
          : String(url) === dir.newNonce
            ? new Response(null, { headers: { "Replay-Nonce": "n" } })
            : new Response(
                new ReadableStream({ pull: () => new Promise(() => undefined) }),
              )) as unknown as typeof fetch,
    });
    expect(await stalled.post({ url: dir.newOrder, payload: {}, key })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The CA did not answer within/),
    });
  });

  test("an endless answer is read no further than the limit", async () => {
    let pulled = 0;
    const endless = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(c) {
            pulled++;
            c.enqueue(new Uint8Array(64 * 1024).fill(0x20));
          },
        }),
      )) as unknown as typeof fetch;
    const client = acmeClient({ directoryUrl: "https://ca.example/dir", fetch: endless });
    const r = await client.directory();
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 1 MB/) });
    expect(pulled * 64 * 1024).toBeLessThan(MAX_BODY + 4 * 64 * 1024);
  });

  test("only the directory's origin is contacted: a foreign newNonce, URL or Location is refused in one sentence", async () => {
    const { privateKey } = await generateAccountKey();
    const key = { privateKey, jwk: await publicJwk({ key: privateKey }), kid: "https://ca.example/acct/7" };
    const contacted: string[] = [];
    const ca = (d: object, location?: string) =>
      (async (url: string) => {
        contacted.push(String(url));
        if (String(url).endsWith("/dir")) return Response.json(d);
        if (String(url).endsWith("/nonce")) return new Response(null, { headers: { "Replay-Nonce": "n" } });
        return Response.json({ status: "pending" }, { status: 201, headers: location ? { Location: location } : {} });
      }) as unknown as typeof fetch;
    const foreignNonce = acmeClient({
      directoryUrl: "https://ca.example/dir",
      fetch: ca({ ...dir, newNonce: "https://tracker.example/nonce" }),
    });
    expect(await foreignNonce.post({ url: dir.newOrder, payload: {}, key })).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^The CA's answer points to https:\/\/tracker\.example, not to .*https:\/\/ca\.example/,
      ),
    });
    expect(contacted).toEqual(["https://ca.example/dir"]);

    contacted.length = 0;
    const client = acmeClient({ directoryUrl: "https://ca.example/dir", fetch: ca(dir) });
    for (const url of ["https://ca.example:8443/order/1", "http://ca.example/order/1", "https://evil.example/authz"]) {
      const r = await client.post({ url, payload: "", key });
      expect(r).toMatchObject({ ok: false, error: expect.stringContaining(new URL(url).origin) });
    }
    expect(contacted.filter((u) => !u.startsWith("https://ca.example/"))).toEqual([]);

    const foreignLocation = acmeClient({
      directoryUrl: "https://ca.example/dir",
      fetch: ca(dir, "https://evil.example/order/1"),
    });
    expect(await foreignLocation.post({ url: dir.newOrder, payload: {}, key })).toMatchObject({
      ok: false,
      error: expect.stringContaining("https://evil.example"),
    });
  });

  test("orders exactly the request's names, lower case, once each", () => {
    expect(orderIdentifiers(["WebExt.Contoso.com", "webext.contoso.com", "sip.contoso.com"])).toEqual([
      { type: "dns", value: "webext.contoso.com" },
      { type: "dns", value: "sip.contoso.com" },
    ]);
  });
});

describe("the account file", () => {
  test("round-trips the key under its passphrase, refuses the wrong one and a file that is not one", async () => {
    const { privateKey } = await generateAccountKey();
    const text = await writeAccountFile({
      privateKey,
      kid: "https://ca.example/acct/7",
      directory: "https://ca.example/dir",
      passphrase: "right horse battery",
      iterations: 1000,
    });
    // The key is PKCS #8 EncryptedPrivateKeyInfo, never a plain PKCS #8 PrivateKeyInfo.
    expect(text).toContain("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    expect(text).not.toContain("BEGIN PRIVATE KEY");
    const read = readAccountFile(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.file.kid).toBe("https://ca.example/acct/7");
    const opened = await openAccountKey({ pem: read.file.key, passphrase: "right horse battery" });
    expect(opened.jwk).toEqual(await publicJwk({ key: privateKey }));
    expect(opened.privateKey.extractable).toBe(false);
    await expect(openAccountKey({ pem: read.file.key, passphrase: "wrong" })).rejects.toThrow(/passphrase/);
    expect(readAccountFile('{"format":"acme-account"}')).toMatchObject({ ok: false });
    expect(readAccountFile("not json")).toMatchObject({ ok: false });
  });
});
