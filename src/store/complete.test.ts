import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearComplete, resetToArticleExample as resetStore } from "../../test/helpers/store";
import { issue, makeCa, type TestCa } from "../../test/helpers/ca";
import { exportStem } from "./complete-slice";
import { listPendingRequests } from "./pending-requests";
import { useWizard } from "./store";

const state = () => useWizard.getState();
const PASSPHRASE = "correct horse battery";
const file = (path: string) => {
  const bytes = readFileSync(path);
  return { name: path.split("/").pop()!, size: bytes.length, arrayBuffer: async () => new Uint8Array(bytes).buffer };
};

let ca: TestCa;
let leaf: string;

beforeAll(async () => {
  resetStore();
  for (const p of await listPendingRequests()) await state().deletePending(p.id);
  state().setPassphrase(PASSPHRASE, PASSPHRASE);
  await state().runFinish({ iterations: 1_000 });
  const finish = state().finish;
  if (finish.status !== "done") throw new Error("Finish did not make the request");
  ca = makeCa();
  writeFileSync(join(ca.dir, "webext.req"), finish.result.pkcs10);
  leaf = issue(ca, { request: join(ca.dir, "webext.req"), inform: "DER", out: join(ca.dir, "webext.crt") });
});

beforeEach(clearComplete);

describe("Complete the request", () => {
  it("matches the issued certificate to the kept request before its key is opened, and chains it", async () => {
    await state().refreshPending();
    const kept = state().pending[0]!;
    state().chooseKey({ kind: "pending", id: kept.id });
    await state().addFiles([file(leaf), file(ca.intermediate)]);
    const match = state().match;
    if (match.state !== "matched") throw new Error(`not matched: ${match.state}`);
    expect(match.chain.map((c) => c.subject)).toEqual(["CN=webext.contoso.com", "CN=Contoso Test Issuing CA"]);
    expect(match.comparison?.droppedNames).toEqual([]);
    expect(state().pfx.friendlyName).toBe("Reverse Proxy Listener for Lync Server");
    expect(exportStem(state())).toBe("Reverse-Proxy-Listener-for-Lync-Server");
  });

  it("refuses to export before the key is opened, then exports a .pfx OpenSSL opens with the key's passphrase", async () => {
    await state().refreshPending();
    state().chooseKey({ kind: "pending", id: state().pending[0]!.id });
    await state().addFiles([file(leaf), file(ca.intermediate)]);
    expect(await state().exportPfx()).toBeNull();
    expect(state().exportError).toBe("Open the private key with its passphrase first.");

    state().setKeyPassphrase("wrong passphrase");
    expect(await state().openKey()).toBe(false);
    expect(state().keyError).toBe("The passphrase does not open this key.");

    state().setKeyPassphrase(PASSPHRASE);
    expect(await state().openKey()).toBe(true);
    state().updatePfx({ useKeyPassphrase: true });
    const pfx = await state().exportPfx();
    expect(pfx?.fileName).toBe("Reverse-Proxy-Listener-for-Lync-Server.pfx");
    const path = join(ca.dir, "out.pfx");
    writeFileSync(path, pfx!.der);
    const info = execFileSync("openssl", ["pkcs12", "-in", path, "-passin", `pass:${PASSPHRASE}`, "-nokeys"], {
      stdio: ["ignore", "pipe", "pipe"],
    }).toString();
    expect(info).toContain("friendlyName: Reverse Proxy Listener for Lync Server");
    expect(info.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
  });

  it("gives the .pfx its own generated password, exports only once it is stored, then drops every secret", async () => {
    await state().refreshPending();
    state().chooseKey({ kind: "pending", id: state().pending[0]!.id });
    await state().addFiles([file(leaf), file(ca.intermediate)]);
    const { password, generated, useKeyPassphrase } = state().pfx;
    expect({ generated, useKeyPassphrase }).toEqual({ generated: true, useKeyPassphrase: false });
    expect(password).toMatch(/^(\w{5}-){4}\w{5}$/);
    state().setKeyPassphrase(PASSPHRASE);
    expect(await state().openKey()).toBe(true);
    expect(await state().exportPfx()).toBeNull();
    expect(state().exportError).toContain("I have stored this password");
    state().updatePfx({ passwordStored: true });
    const pfx = await state().exportPfx();
    const path = join(ca.dir, "own.pfx");
    writeFileSync(path, pfx!.der);
    execFileSync("openssl", ["pkcs12", "-in", path, "-passin", `pass:${password}`, "-nokeys"], { stdio: "pipe" });
    expect(state().lastExport).toEqual({
      count: expect.any(Number),
      fileName: pfx!.fileName,
      protectedBy: "generated",
      profile: "TripleDES-SHA1",
      certificates: 2,
      keptId: state().pending[0]!.id,
      target: "windows",
    });
    expect([state().keyPassphrase, state().pfx.password, state().pfx.confirm, state().openedKey]).toEqual([
      "",
      "",
      "",
      null,
    ]);
    // The generated password of the file just written is kept to be shown, and it alone.
    expect(state().exportedPassword).toBe(password);
    // The kept request still matches the certificate, but no new password is made up beside the confirmation,
    // where it would read as the one protecting the file just written.
    await state().examine();
    expect(state().match.state).toBe("matched");
    expect(state().pfx.password).toBe("");
    expect(state().secretsGeneration).toBeGreaterThan(0);
    const generation = state().secretsGeneration;
    state().forgetExportedPassword();
    expect(state().exportedPassword).toBeNull();
    expect(state().secretsGeneration).toBe(generation + 1);
    // A new password only for a new export the admin starts.
    state().startAnotherExport();
    expect(state().pfx.password).toMatch(/^(\w{5}-){4}\w{5}$/);
    expect(state().pfx.password).not.toBe(password);
  });

  it("shows no password after an export under a typed one, and the next export drops the shown one", async () => {
    await state().refreshPending();
    state().chooseKey({ kind: "pending", id: state().pending[0]!.id });
    await state().addFiles([file(leaf), file(ca.intermediate)]);
    state().setKeyPassphrase(PASSPHRASE);
    expect(await state().openKey()).toBe(true);
    useWizard.setState({ exportedPassword: "an earlier export's" });
    state().updatePfx({ password: "typed one", confirm: "typed one", generated: false });
    expect(await state().exportPfx()).not.toBeNull();
    expect(state().exportedPassword).toBeNull();
    expect(state().lastExport?.protectedBy).toBe("typed");
  });

  it("chooses the kept request whose key is the loaded certificate's, when it alone is", async () => {
    await state().refreshPending();
    expect(state().pending.filter((p) => p.spkiSha256 === state().pending[0]!.spkiSha256)).toHaveLength(1);
    await state().addFiles([file(leaf), file(ca.intermediate)]);
    expect(state().keySource).toEqual({ kind: "pending", id: state().pending[0]!.id });
    expect(state().keyChosenFor).toBe(state().pending[0]!.id);
    await state().examine();
    expect(state().match.state).toBe("matched");
    // A certificate of another key chooses nothing.
    useWizard.setState({ certificates: [], keySource: null, keyChosenFor: null });
    await state().addFiles([file(ca.intermediate)]);
    expect(state().keySource).toBeNull();
  });

  it("drops the opened key and the passwords when the admin leaves the page", async () => {
    await state().refreshPending();
    state().chooseKey({ kind: "pending", id: state().pending[0]!.id });
    state().setKeyPassphrase(PASSPHRASE);
    expect(await state().openKey()).toBe(true);
    state().goTo("complete-request");
    state().goTo("enrollment");
    expect([state().keyPassphrase, state().openedKey]).toEqual(["", null]);
  });

  it("brings the kept request's friendly name when its key comes as a file, and Export waits for the key to open", async () => {
    await state().refreshPending();
    const kept = state().pending[0]!;
    const pem = new TextEncoder().encode(kept.encryptedKey);
    await state().chooseKeyFile({ name: "webext.key", size: pem.length, arrayBuffer: async () => pem.slice().buffer });
    expect(state().pfx.friendlyName).toBe("");
    await state().addFiles([file(leaf)]);
    state().setKeyPassphrase(PASSPHRASE);
    state().updatePfx({ useKeyPassphrase: true });
    const opened = state().openKey();
    expect(state().keyOpening).toBe(true);
    const pfx = await state().exportPfx();
    expect(await opened).toBe(true);
    expect(pfx?.fileName).toBe("Reverse-Proxy-Listener-for-Lync-Server.pfx");
    expect(state().exportError).toBeNull();
  });

  it("says which key a certificate belongs to when it is not this one", async () => {
    await state().refreshPending();
    state().chooseKey({ kind: "pending", id: state().pending[0]!.id });
    await state().addFiles([file(ca.intermediate)]);
    expect(state().match.state).toBe("no-match");
  });

  it("refuses a file that is not a certificate with one sentence, and adds nothing", async () => {
    await state().addFiles([
      { name: "notes.txt", size: 5, arrayBuffer: async () => new TextEncoder().encode("hello").buffer },
    ]);
    expect(state().certificateError).toContain('"notes.txt"');
    expect(state().certificates).toEqual([]);
    await state().addFiles([{ name: "huge.cer", size: 6 * 1024 * 1024, arrayBuffer: async () => new ArrayBuffer(0) }]);
    expect(state().certificateError).toMatch(/^"huge.cer" is 6.0 MB: over the 1 MB/);
  });

  it("deletes a kept request and forgets it as the key source", async () => {
    await state().refreshPending();
    const id = state().pending[0]!.id;
    state().chooseKey({ kind: "pending", id });
    await state().deletePending(id);
    expect(state().keySource).toBeNull();
    expect(state().pending).toEqual([]);
    expect(await listPendingRequests()).toEqual([]);
  });
});
