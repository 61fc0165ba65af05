import { execFileSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetToArticleExample as resetStore } from "../../test/helpers/store";
import { listPendingRequests } from "./pending-requests";
import { finishBlockers, keyAtRisk } from "./selectors";
import { useWizard } from "./store";

const state = () => useWizard.getState();
/** Few iterations: these tests check the flow, not PBKDF2's cost (private-key.test.ts checks the real count). */
const FAST = { iterations: 1_000 };

beforeEach(async () => {
  resetStore();
  for (const p of await listPendingRequests()) await state().deletePending(p.id);
});
afterEach(() => vi.restoreAllMocks());

describe("finishBlockers", () => {
  it("names the missing passphrase, then the missing confirmation, then a mismatch, each beside its field", () => {
    expect(finishBlockers(state())).toEqual([
      { field: "passphrase", message: "Enter a passphrase: the private key file is encrypted under it." },
    ]);
    state().setPassphrase("correct horse battery", "");
    expect(finishBlockers(state())).toEqual([
      { field: "passphraseConfirm", message: "Type the passphrase again to confirm it." },
    ]);
    state().setPassphrase("correct horse battery", "correct horse batter");
    expect(finishBlockers(state()).map((b) => b.field)).toEqual(["passphraseConfirm"]);
    state().setPassphrase("correct horse battery", "correct horse battery");
    expect(finishBlockers(state())).toEqual([]);
  });

  it("lists a preflight error for a public CA, and not for an internal one", () => {
    state().setPassphrase("correct horse battery", "correct horse battery");
    state().updatePlan((p) => ({ ...p, altNames: [...p.altNames, { type: "dns", value: "proxy01.contoso.local" }] }));
    expect(
      finishBlockers(state())
        .map((b) => b.message)
        .join(" "),
    ).toContain("proxy01.contoso.local");
    state().setCaTarget("internal");
    expect(finishBlockers(state())).toEqual([]);
  });
});

describe("runFinish", () => {
  it("refuses on the same list the page shows, and makes nothing", async () => {
    const generate = vi.spyOn(crypto.subtle, "generateKey");
    await state().runFinish(FAST);
    expect(state().finish).toEqual({ status: "refused" });
    expect(generate).not.toHaveBeenCalled();
  });

  it("makes a request OpenSSL verifies, keeps it in IndexedDB and drops the passphrase", async () => {
    state().setPassphrase("correct horse battery", "correct horse battery");
    await state().runFinish(FAST);
    const finish = state().finish;
    if (finish.status !== "done") throw new Error(`Finish ended ${finish.status}`);
    expect(finish.kept).toBe("yes");
    expect(state().passphrase).toBe("");
    expect(state().passphraseConfirm).toBe("");
    const text = execFileSync("openssl", ["req", "-inform", "DER", "-verify", "-noout", "-subject"], {
      input: finish.result.pkcs10,
      stdio: ["pipe", "pipe", "pipe"],
    }).toString();
    expect(text).toContain("webext.contoso.com");
    const kept = await listPendingRequests();
    expect(kept.map((k) => k.spkiSha256)).toEqual([finish.result.spkiSha256]);
    expect(kept[0]!.encryptedKey).toContain("-----BEGIN ENCRYPTED PRIVATE KEY-----");
  });

  it("ends in a message when key generation fails, never in a spinner", async () => {
    vi.spyOn(crypto.subtle, "generateKey").mockRejectedValueOnce(new Error("no key for you"));
    state().setPassphrase("correct horse battery", "correct horse battery");
    await state().runFinish(FAST);
    expect(state().finish).toEqual({ status: "failed", error: "no key for you" });
  });

  it("does not keep the request when the admin said not to", async () => {
    state().setKeepPending(false);
    state().setPassphrase("correct horse battery", "correct horse battery");
    await state().runFinish(FAST);
    expect(state().finish).toMatchObject({ status: "done", kept: "no" });
    expect(await listPendingRequests()).toEqual([]);
  });

  it("drops Finish's output whenever the plan changes, whichever action changes it", async () => {
    const changes: [string, () => void][] = [
      ["updatePlan", () => state().updatePlan((p) => ({ ...p, friendlyName: "Changed" }))],
      ["fix", () => state().fix("remove-client-auth")],
      [
        "Properties OK",
        () => {
          state().openProperties();
          state().updateDraft((d) => ({ ...d, description: "Changed in Properties" }));
          state().closeProperties(true);
        },
      ],
      ["chooseStart", () => state().chooseStart("web-server")],
    ];
    for (const [name, change] of changes) {
      resetStore();
      // The article's step, so that the "fix" case has Client Authentication to remove (a public CA's default is without it).
      state().addClientAuthentication();
      state().setKeepPending(false);
      state().setPassphrase("correct horse battery", "correct horse battery");
      await state().runFinish(FAST);
      expect(state().finish.status, name).toBe("done");
      change();
      expect(state().finish.status, name).toBe("idle");
    }
  });

  it("keeps Finish's output when only the File Name or format changes: they are not part of the request", async () => {
    state().setKeepPending(false);
    state().setPassphrase("correct horse battery", "correct horse battery");
    await state().runFinish(FAST);
    state().updatePlan((p) => ({ ...p, output: { fileName: "C:\\certs\\webext-2026.req", format: "binary" } }));
    expect(state().finish.status).toBe("done");
  });

  it("asks before Start over or leaving the save page while the key is neither downloaded nor kept", async () => {
    state().goTo("save-request");
    state().setKeepPending(false);
    state().setPassphrase("correct horse battery", "correct horse battery");
    await state().runFinish(FAST);
    expect(keyAtRisk(state())).toBe(true);
    state().next();
    expect(state().page).toBe("save-request");
    expect(state().exitRequest?.what).toBe("leave");
    state().answerExit(false);
    expect(state().exitRequest).toBeNull();
    state().reset();
    expect(state().exitRequest?.what).toBe("start-over");
    expect(state().finish.status).toBe("done");
    state().answerExit(false);
    // Once the key file is downloaded, nothing asks.
    state().markKeyDownloaded();
    expect(keyAtRisk(state())).toBe(false);
    state().next();
    expect(state().page).toBe("complete-request");
    expect(state().exitRequest).toBeNull();
  });

  it("asks before a second Finish makes a new key, even once the first is kept; 'keep' leaves the result", async () => {
    state().goTo("save-request");
    state().setPassphrase("correct horse battery", "correct horse battery");
    await state().runFinish(FAST);
    const first = state().finish;
    expect(first.status === "done" && first.kept).toBe("yes");
    state().setPassphrase("another horse battery", "another horse battery");
    await state().runFinish(FAST);
    expect(state().exitRequest?.what).toBe("new-key");
    state().answerExit(false);
    expect(state().finish).toBe(first);
    await state().runFinish(FAST);
    state().answerExit(true);
    await vi.waitFor(() => expect(state().finish.status).toBe("done"));
    expect(state().finish).not.toBe(first);
  });

  it("shows a kept request's result again after a reload, and only for the plan it was made from", async () => {
    state().goTo("save-request");
    state().setPassphrase("correct horse battery", "correct horse battery");
    await state().runFinish(FAST);
    const made = state().finish;
    if (made.status !== "done") throw new Error(`Finish ended ${made.status}`);
    // A reload: the page's memory is gone, the draft and the kept request are not.
    useWizard.setState({ finish: { status: "idle" }, pending: [] });
    await state().showKeptResult();
    const shown = state().finish;
    if (shown.status !== "done") throw new Error(`shown ${shown.status}`);
    expect(shown.result.spkiSha256).toBe(made.result.spkiSha256);
    expect(shown.kept).toBe("yes");
    expect(shown.madeOn).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(keyAtRisk(state())).toBe(false);
    // Another plan has no result to show.
    state().updatePlan((p) => ({ ...p, friendlyName: "Another request" }));
    expect(state().finish.status).toBe("idle");
    await state().showKeptResult();
    expect(state().finish.status).toBe("idle");
  });

  it("waits for 'I have stored this passphrase' when the passphrase was generated", async () => {
    state().generatePassphrase();
    expect(state().passphrase).toMatch(/^(\w{5}-){4}\w{5}$/);
    expect(finishBlockers(state()).map((b) => b.field)).toEqual(["passphraseStored"]);
    const first = finishBlockers(state());
    state().setKeepPending(false);
    expect(finishBlockers(state())).toBe(first);
    state().setPassphraseStored(true);
    expect(finishBlockers(state())).toEqual([]);
  });

  it("keeps Finish's output when Properties is cancelled", async () => {
    state().setKeepPending(false);
    state().setPassphrase("correct horse battery", "correct horse battery");
    await state().runFinish(FAST);
    state().openProperties();
    state().updateDraft((d) => ({ ...d, friendlyName: "Not kept" }));
    state().closeProperties(false);
    expect(state().finish.status).toBe("done");
  });
});
