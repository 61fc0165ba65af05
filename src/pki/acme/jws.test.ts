import { describe, expect, test } from "vitest";
import { base64url, fromBase64url } from "./base64url";
import {
  dns01TxtValue,
  ES256,
  externalAccountBinding,
  jwkThumbprint,
  keyAuthorization,
  publicJwk,
  signJws,
} from "./jws";

// RFC 7515 Appendix A.3: the ES256 example.
const A3 = {
  jwk: {
    kty: "EC",
    crv: "P-256",
    x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
    y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
    d: "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI",
  },
  header: "eyJhbGciOiJFUzI1NiJ9",
  payload: "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ",
  signature: "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q",
};

// RFC 7638 section 3.1: the RSA example and its thumbprint.
const RFC7638 = {
  kty: "RSA",
  n: "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
  e: "AQAB",
  alg: "RS256",
  kid: "2011-04-29",
};

const ecParams = { name: "ECDSA", namedCurve: "P-256" };

describe("JWS ES256 (RFC 7515)", () => {
  test("the Appendix A.3 signature verifies with WebCrypto over the example's signing input", async () => {
    const { d: _d, ...pub } = A3.jwk;
    const key = await crypto.subtle.importKey("jwk", pub, ecParams, false, ["verify"]);
    const input = new TextEncoder().encode(`${A3.header}.${A3.payload}`);
    expect(await crypto.subtle.verify(ES256, key, fromBase64url(A3.signature), input)).toBe(true);
    // Must fail: one byte of the payload changed.
    const changed = new TextEncoder().encode(`${A3.header}.${A3.payload.replace("eyJpc3", "eyJpc4")}`);
    expect(await crypto.subtle.verify(ES256, key, fromBase64url(A3.signature), changed)).toBe(false);
  });

  test("a JWS signed with the Appendix A.3 key verifies with its public key, r || s as 64 bytes", async () => {
    const privateKey = await crypto.subtle.importKey("jwk", A3.jwk, ecParams, true, ["sign"]);
    const jws = await signJws({
      header: { alg: "ES256", nonce: "n1", url: "https://ca.example/acme/new-order", kid: "https://ca.example/acct/1" },
      payload: { identifiers: [{ type: "dns", value: "example.org" }] },
      privateKey,
    });
    expect(JSON.parse(new TextDecoder().decode(fromBase64url(jws.protected)))).toEqual({
      alg: "ES256",
      nonce: "n1",
      url: "https://ca.example/acme/new-order",
      kid: "https://ca.example/acct/1",
    });
    const signature = fromBase64url(jws.signature);
    expect(signature.length).toBe(64);
    const { d: _d, ...pub } = A3.jwk;
    const key = await crypto.subtle.importKey("jwk", pub, ecParams, false, ["verify"]);
    const input = new TextEncoder().encode(`${jws.protected}.${jws.payload}`);
    expect(await crypto.subtle.verify(ES256, key, signature, input)).toBe(true);
  });

  test("POST-as-GET has an empty payload", async () => {
    const privateKey = await crypto.subtle.importKey("jwk", A3.jwk, ecParams, false, ["sign"]);
    const jws = await signJws({
      header: { alg: "ES256", url: "https://x.example/a", kid: "k" },
      payload: "",
      privateKey,
    });
    expect(jws.payload).toBe("");
  });
});

describe("JWK thumbprint (RFC 7638)", () => {
  test("section 3.1's example gives NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs, whatever optional members it has", async () => {
    expect(await jwkThumbprint({ jwk: RFC7638 })).toBe("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
  });

  test("an EC key hashes crv, kty, x, y in that order", async () => {
    const { d: _d, ...pub } = A3.jwk;
    const expected = base64url(
      await crypto.subtle.digest(
        "SHA-256",
        new TextEncoder().encode(`{"crv":"P-256","kty":"EC","x":"${pub.x}","y":"${pub.y}"}`),
      ),
    );
    expect(await jwkThumbprint({ jwk: pub })).toBe(expected);
    const key = await crypto.subtle.importKey("jwk", pub, ecParams, true, ["verify"]);
    expect(await jwkThumbprint({ jwk: { ...(await publicJwk({ key })) } })).toBe(expected);
  });

  test("refuses a key without its required members", async () => {
    await expect(jwkThumbprint({ jwk: { kty: "EC", crv: "P-256", x: "a" } })).rejects.toThrow(/"y"/);
    await expect(jwkThumbprint({ jwk: { kty: "oct", k: "a" } })).rejects.toThrow(/oct/);
  });
});

describe("challenge answers (RFC 8555 section 8)", () => {
  test("http-01's content is token.thumbprint and dns-01's TXT is base64url(SHA-256) of it", async () => {
    const auth = keyAuthorization(
      "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA",
      "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
    );
    expect(auth).toBe("evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA.NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    const txt = await dns01TxtValue({ keyAuthorization: auth });
    expect(txt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fromBase64url(txt)).toEqual(
      new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(auth))),
    );
  });

  test("base64url round-trips and refuses other characters", () => {
    const bytes = new Uint8Array([251, 255, 191, 0, 1]);
    expect(base64url(bytes)).toBe("-_-_AAE");
    expect(fromBase64url("-_-_AAE")).toEqual(bytes);
    expect(() => fromBase64url("a+b/")).toThrow();
  });
});

describe("External Account Binding (RFC 8555 section 7.3.4)", () => {
  test("the account's JWK signed with the CA's HMAC key: HS256, the key ID, the newAccount URL", async () => {
    const { d: _d, ...pub } = A3.jwk;
    const jwk = { crv: "P-256", kty: "EC", x: pub.x, y: pub.y } as const;
    // Pebble's example MAC key for kid-1 (its pebble-config-external-account-bindings.json).
    const hmacKey = fromBase64url("zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W");
    const eab = await externalAccountBinding({ keyId: "kid-1", hmacKey, url: "https://ca.example/new-acct", jwk });
    expect(JSON.parse(new TextDecoder().decode(fromBase64url(eab.protected)))).toEqual({
      alg: "HS256",
      kid: "kid-1",
      url: "https://ca.example/new-acct",
    });
    expect(JSON.parse(new TextDecoder().decode(fromBase64url(eab.payload)))).toEqual(jwk);
    const key = await crypto.subtle.importKey("raw", hmacKey, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    const input = new TextEncoder().encode(`${eab.protected}.${eab.payload}`);
    expect(await crypto.subtle.verify("HMAC", key, fromBase64url(eab.signature), input)).toBe(true);
    // Must fail: another key.
    const other = await crypto.subtle.importKey("raw", new Uint8Array(48), { name: "HMAC", hash: "SHA-256" }, false, [
      "verify",
    ]);
    expect(await crypto.subtle.verify("HMAC", other, fromBase64url(eab.signature), input)).toBe(false);
  });
});
