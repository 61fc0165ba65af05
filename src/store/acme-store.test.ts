import { afterEach, describe, expect, test, vi } from "vitest";
import { authorizationRefusal, initialAcmeState, readResume, useAcme, validToken, type AcmeState } from "./acme-store";
import type { AcmeAuthorization } from "../pki/acme/client";

const reset = (change: Partial<AcmeState> = {}) => useAcme.setState({ ...initialAcmeState(), ...change });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
  reset();
});

describe("the ACME page's secrets", () => {
  test("dropSecrets lets go of the passphrases, the HMAC key and the account key; the order and files stay", async () => {
    const { privateKey } = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
    const order = {
      url: "https://ca.example/order/1",
      status: "pending" as const,
      finalize: "https://ca.example/f",
      certificate: null,
    };
    reset({
      passphrase: "right horse battery",
      confirm: "right horse battery",
      eabHmacKey: "c2VjcmV0LWhtYWMta2V5LWJ5dGVz",
      eabKeyId: "kid-1",
      account: {
        privateKey,
        jwk: { kty: "EC", crv: "P-256", x: "x", y: "y" },
        kid: "https://ca.example/acct/7",
        thumbprint: "t",
      },
      accountFileIn: { name: "account.json", text: "{}" },
      accountFileOut: "{encrypted}",
      order,
    });
    useAcme.getState().dropSecrets();
    const s = useAcme.getState();
    expect(s).toMatchObject({ passphrase: "", confirm: "", eabHmacKey: "", account: null, accountMode: "file" });
    expect(s.accountFileIn).toEqual({ name: "account.json", text: "{}" });
    expect(s.accountFileOut).toBe("{encrypted}");
    expect(s.order).toEqual(order);
    expect(s.error).toMatch(/^The page was left idle for 10 minutes: .*Open the account file again/);
    // Nothing to drop: nothing said.
    reset();
    useAcme.getState().dropSecrets();
    expect(useAcme.getState().error).toBeNull();
  });

  test("createAccount that throws clears busy, drops the HMAC key and says one sentence of ours", async () => {
    const dir = {
      newNonce: "https://ca.example/nonce",
      newAccount: "https://ca.example/acct",
      newOrder: "https://ca.example/order",
      meta: { externalAccountRequired: true },
    };
    vi.stubGlobal("fetch", async () => Response.json(dir));
    reset({ directoryChoice: "custom", customUrl: "https://ca.example/dir" });
    await useAcme.getState().contact();
    expect(useAcme.getState().directory).toEqual(dir);
    useAcme.getState().update({
      passphrase: "right horse battery",
      confirm: "right horse battery",
      eabKeyId: "kid-1",
      eabHmacKey: "c2VjcmV0LWhtYWMta2V5LWJ5dGVz",
    });
    vi.spyOn(crypto.subtle, "generateKey").mockRejectedValue(new DOMException("library detail", "OperationError"));
    await useAcme.getState().createAccount();
    const s = useAcme.getState();
    expect(s.busy).toBeNull();
    expect(s.eabHmacKey).toBe("");
    expect(s.error).toBe("The account could not be made in this browser: nothing was saved. Try again.");
  });
});

describe("what the CA sends is checked before it is shown", () => {
  const authz = (value: string, token: string, type = "dns"): AcmeAuthorization =>
    ({
      identifier: { type, value },
      status: "pending",
      challenges: [{ type: "http-01", url: "https://ca.example/chall/1", status: "pending", token }],
    }) as AcmeAuthorization;

  test("tokens are base64url only (RFC 8555 section 8.3)", () => {
    expect(validToken("evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA")).toBe(true);
    for (const bad of ["", "../../etc/passwd", "a b", "a/b", "tok\u202een", "a=", 7, undefined])
      expect(validToken(bad)).toBe(false);
  });

  test("an authorization for a name not ordered, or with a bad token, is refused", () => {
    const ordered = ["WebExt.Contoso.com", "sip.contoso.com"];
    expect(authorizationRefusal(authz("webext.contoso.com", "abc_-09"), ordered)).toBeNull();
    expect(authorizationRefusal(authz("evil.example", "abc"), ordered)).toMatch(/a name that was not ordered/);
    expect(authorizationRefusal(authz("webext.contoso.com", "abc", "ip"), ordered)).toMatch(/not ordered/);
    expect(authorizationRefusal(authz("sip.contoso.com", "<img src=x>"), ordered)).toMatch(/not base64url/);
  });
});

describe("init and the resume record", () => {
  test("a damaged #request= link does not throw: no request chosen, one sentence", async () => {
    await expect(useAcme.getState().init("#request=%E0")).resolves.toBeUndefined();
    expect(useAcme.getState().source).toBeNull();
    expect(useAcme.getState().requestError).toBe("The link's request id is damaged: choose the request below.");
  });

  test("a resume record whose csr is not Base 64 is dropped, and init does not throw on it", async () => {
    const record = {
      directoryUrl: "https://ca.example/dir",
      orderUrl: "https://ca.example/order/1",
      kid: "https://ca.example/acct/7",
      request: { kind: "file", name: "a.csr", csr: "%%%not base64%%%" },
    };
    expect(readResume(JSON.stringify(record))).toBeNull();
    expect(readResume(JSON.stringify({ ...record, request: { ...record.request, csr: "MAA=" } }))).not.toBeNull();
    localStorage.setItem("certificate-request-wizard/acme-order", JSON.stringify(record));
    await expect(useAcme.getState().init("")).resolves.toBeUndefined();
    expect(useAcme.getState().resume).toBeNull();
  });
});
