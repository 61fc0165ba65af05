/** Renewing from last time's request when it came wrapped: the request inside is renewed, and the page says how it came. */
import { beforeEach, describe, expect, it } from "vitest";
import { resetStore } from "../../test/helpers/store";
import { vector } from "../../test/helpers/vectors";
import { useWizard } from "./store";

const state = () => useWizard.getState();
const file = (name: string, bytes = new Uint8Array(vector(name))) => ({
  name,
  size: bytes.length,
  arrayBuffer: async () => bytes.buffer,
});

beforeEach(() => resetStore());

describe("renewal from a wrapped request", () => {
  it.each([
    ["windows-cmc.req", /wrapped in CMC/],
    ["windows-pkcs7.p7b.der", /wrapped in a PKCS #7/],
  ])("from %s renews the PKCS #10 inside and says how it came", async (name, note) => {
    await state().renewFrom(file(name));
    expect(state().renewalError).toBeNull();
    expect(state().page).toBe("save-request");
    expect(state().renewal?.names).toBe(4);
    expect(state().renewal?.changes).toEqual([expect.stringMatching(note)]);
    expect(state().plan.altNames.map((n) => n.value)).toContain("lyncdiscover.contoso.com");
  });

  it("a .p7b that is a request in PKCS #7 renews the request, not the certificate that signed it", async () => {
    await state().renewFrom(file("request.p7b", new Uint8Array(vector("windows-pkcs7.p7b.der"))));
    expect(state().renewal?.subject).toBe("CN=webext.contoso.com, O=Contoso Ltd, C=US");
  });

  it("a request signed with MD5 renews, with a new signature said", async () => {
    await state().renewFrom(file("md5.csr.der"));
    expect(state().renewalError).toBeNull();
    expect(state().renewal?.notes).toContain(
      "The request was signed with md5WithRSAEncryption; the new one uses sha256.",
    );
  });
});
