import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetStore } from "../../test/helpers/store";
import { articleTopology } from "../pki/profiles/lync-reverse-proxy";
import { webServerPlan } from "../pki/request";
import { initialState, useWizard } from "./store";

const KEY = "certificate-request-wizard/draft";
const state = () => useWizard.getState();
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? "null");
const plant = (draft: Record<string, unknown>) =>
  localStorage.setItem(KEY, JSON.stringify({ state: draft, version: 1 }));
const goodDraft = () => ({
  plan: { ...webServerPlan(), altNames: [{ type: "dns", value: "www.fabrikam.com" }] },
  page: "save-request",
  startFrom: "web-server",
  topology: articleTopology(),
  appliedTopology: null,
  keepPending: false,
  caTarget: "internal",
});

beforeEach(() => resetStore());
afterEach(() => vi.restoreAllMocks());

describe("the persisted draft", () => {
  it("holds the plan and where the admin is, and never a passphrase, password or key", () => {
    state().setPassphrase("secret passphrase 1", "secret passphrase 1");
    state().setKeyPassphrase("secret passphrase 2");
    state().updatePfx({ password: "secret passphrase 3", confirm: "secret passphrase 3" });
    state().updatePlan((p) => ({ ...p, friendlyName: "Kept across a reload" }));
    const text = localStorage.getItem(KEY)!;
    expect(stored().state.plan.friendlyName).toBe("Kept across a reload");
    expect(Object.keys(stored().state).sort()).toEqual(
      ["appliedTopology", "caTarget", "keepPending", "page", "plan", "startFrom", "topology"].sort(),
    );
    expect(text).not.toContain("secret passphrase");
  });

  it("is read back whole when it is sound", async () => {
    plant(goodDraft());
    await useWizard.persist.rehydrate();
    expect(state().plan.altNames).toEqual([{ type: "dns", value: "www.fabrikam.com" }]);
    expect(state().page).toBe("save-request");
    expect(state().startFrom).toBe("web-server");
    expect(state().caTarget).toBe("internal");
    expect(state().keepPending).toBe(false);
  });

  it.each([
    ["a name the pages would refuse", { plan: { ...webServerPlan(), altNames: [{ type: "dns", value: "a b.com" }] } }],
    ["a plan missing a field", { plan: { ...webServerPlan(), key: undefined } }],
    ["a damaged topology", { topology: { ...articleTopology(), autodiscoverPort: 8443 } }],
    ["no plan at all", { plan: "<script>" }],
  ])("is refused whole when it holds %s", async (_, damage) => {
    plant({ ...goodDraft(), ...damage });
    await useWizard.persist.rehydrate();
    expect(state().plan).toEqual(initialState().plan);
    expect(state().page).toBe("enrollment");
    expect(state().caTarget).toBe("public");
  });

  it("replaces an unknown page or start with the current one instead of trusting it", async () => {
    plant({ ...goodDraft(), page: "admin-console", startFrom: "evil" });
    await useWizard.persist.rehydrate();
    expect(state().plan.altNames).toEqual([{ type: "dns", value: "www.fabrikam.com" }]);
    expect(state().page).toBe("enrollment");
    expect(state().startFrom).toBe("reverse-proxy");
  });
});

describe("reset", () => {
  it("drops every secret, every loaded file and the stored draft", () => {
    state().setPassphrase("secret passphrase 1", "secret passphrase 1");
    state().setKeyPassphrase("secret passphrase 2");
    state().updatePfx({ password: "secret passphrase 3", confirm: "secret passphrase 3" });
    useWizard.setState({
      openedKey: { pkcs8: new ArrayBuffer(8), spkiSha256: "AA" },
      keySource: { kind: "file", name: "k.key", pem: "-----BEGIN ENCRYPTED PRIVATE KEY-----" },
      certificates: [{ name: "c.cer", der: new Uint8Array(4), subject: "CN=x" }],
    });
    state().goTo("complete-request");
    resetStore();
    const s = state();
    expect([s.passphrase, s.passphraseConfirm, s.keyPassphrase, s.pfx.password, s.pfx.confirm]).toEqual([
      "",
      "",
      "",
      "",
      "",
    ]);
    expect(s.openedKey).toBeNull();
    expect(s.keySource).toBeNull();
    expect(s.certificates).toEqual([]);
    expect(s.page).toBe("enrollment");
    // reset() clears the stored draft; what persist writes back is the initial state, holding no edit.
    expect(stored()?.state.page ?? "enrollment").toBe("enrollment");
  });
});

describe("a browser that refuses to store the draft", () => {
  it("says so on the page, and Finish still ends in its result", async () => {
    vi.spyOn(localStorage, "setItem").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    state().chooseStart("article-example");
    state().updatePlan((p) => ({ ...p, friendlyName: "Not kept" }));
    expect(state().draftError).toBe("The draft cannot be kept in this browser: The quota has been exceeded.");
    state().setKeepPending(false);
    state().setPassphrase("correct horse battery", "correct horse battery");
    await state().runFinish({ iterations: 1_000 });
    expect(state().finish.status).toBe("done");
    vi.restoreAllMocks();
    state().updatePlan((p) => ({ ...p, friendlyName: "Kept again" }));
    expect(state().draftError).toBeNull();
  });
});
