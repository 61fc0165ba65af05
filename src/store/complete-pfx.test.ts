/** Complete the request converting a .pfx: OpenSSL's, Java's, in both Windows profiles, and back out again. */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearComplete, resetToArticleExample as resetStore } from "../../test/helpers/store";
import { makeCa, type TestCa } from "../../test/helpers/ca";
import { useWizard } from "./store";

const state = () => useWizard.getState();
const file = (path: string) => {
  const bytes = readFileSync(path);
  return { name: path.split("/").pop()!, size: bytes.length, arrayBuffer: async () => new Uint8Array(bytes).buffer };
};

let ca: TestCa;

beforeAll(() => {
  resetStore();
  ca = makeCa();
});

beforeEach(clearComplete);

describe("converting a .pfx (OpenSSL 3's, in both Windows profiles)", () => {
  const VECTORS = join("test", "vectors");
  const PFX_PASSWORD = "correct horse battery staple";
  /** `openssl pkcs12 -info` prints the algorithms on stderr: both streams, as the e2e helper reads them. */
  const infoAll = (path: string, password: string) => {
    const run = spawnSync("openssl", ["pkcs12", "-in", path, "-info", "-nodes", "-passin", `pass:${password}`], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    return `${run.stdout}${run.stderr}`;
  };

  async function open(name: string, password = PFX_PASSWORD) {
    await state().chooseKeyFile(file(join(VECTORS, name)));
    state().setKeyPassphrase(password);
    return state().openKey();
  }

  it("says in one sentence when the password is wrong", async () => {
    expect(await open("webext.aes256-sha256.pfx", "not the password")).toBe(false);
    expect(state().keyError).toBe("The password does not open this .pfx.");
    expect(state().openedKey).toBeNull();
  });

  it("lists what is inside, and re-exports an AES .pfx as TripleDES-SHA1 with the Legacy CSP, under a new password", async () => {
    expect(await open("webext.aes256-sha256.pfx")).toBe(true);
    const contents = state().pfxContents!;
    expect(contents.mac).toBe("HMAC-SHA-256, 2048 iterations");
    expect(contents.items.map((i) => [i.kind, i.matchesKey, i.encryption])).toEqual([
      ["key", true, "PBES2, PBKDF2 (hmacWithSHA256), AES-256-CBC, 2048 iterations"],
      ["certificate", true, "PBES2, PBKDF2 (hmacWithSHA256), AES-256-CBC, 2048 iterations"],
    ]);
    expect(state().match.state).toBe("matched");
    expect(state().pfx.friendlyName).toBe("Reverse Proxy Listener for Lync Server");
    state().updatePfx({
      profile: "TripleDES-SHA1",
      provider: "legacy",
      keySpec: "exchange",
      password: "new pfx password",
      confirm: "new pfx password",
      generated: false,
    });
    const out = await state().exportPfx();
    expect(state().exportError).toBeNull();
    const path = join(ca.dir, "converted.pfx");
    writeFileSync(path, out!.der);
    const text = infoAll(path, "new pfx password");
    expect(text).toMatch(/Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/);
    expect(text).toMatch(/MAC: sha1, Iteration 2048/);
    expect(text).toContain("Microsoft CSP Name: Microsoft RSA SChannel Cryptographic Provider");
    expect(text).toContain("friendlyName: Reverse Proxy Listener for Lync Server");
  });

  it("opens OpenSSL 1.1's default .pfx (RC2-40 around the certificates) and converts it to AES256-SHA256", async () => {
    expect(await open("webext.openssl11-legacy.pfx")).toBe(true);
    expect(state().pfxContents!.items.map((i) => i.encryption)).toEqual([
      "pbeWithSHA1And3-KeyTripleDES-CBC, 2048 iterations",
      "pbeWithSHA1And40BitRC2-CBC, 2048 iterations",
    ]);
    state().updatePfx({ profile: "AES256-SHA256", password: "modern", confirm: "modern", generated: false });
    const out = await state().exportPfx();
    const path = join(ca.dir, "from-legacy.pfx");
    writeFileSync(path, out!.der);
    expect(infoAll(path, "modern")).toMatch(/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC/);
  });

  it("opens a PKCS #12 that Java 17's keytool wrote (10,000 iterations, its own alias as friendly name)", async () => {
    expect(await open("webext.java17.p12")).toBe(true);
    const contents = state().pfxContents!;
    expect(contents.mac).toBe("HMAC-SHA-256, 10000 iterations");
    expect(contents.items[0]!.encryption).toBe("PBES2, PBKDF2 (hmacWithSHA256), AES-256-CBC, 10000 iterations");
    expect(state().match.state).toBe("matched");
  });

  it("re-exports a TripleDES .pfx as AES256-SHA256 and can drop the Legacy CSP attributes", async () => {
    expect(await open("webext.tripledes-sha1.pfx")).toBe(true);
    expect(state().pfx.provider).toBe("legacy");
    expect(state().pfxContents!.items[0]!.cspName).toBe("Microsoft RSA SChannel Cryptographic Provider");
    state().updatePfx({
      profile: "AES256-SHA256",
      provider: "cng",
      friendlyName: "Edge farm listener",
      password: "another password",
      confirm: "another password",
      generated: false,
    });
    const out = await state().exportPfx();
    const path = join(ca.dir, "modern.pfx");
    writeFileSync(path, out!.der);
    const text = infoAll(path, "another password");
    expect(text).toMatch(/PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/);
    expect(text).not.toContain("Microsoft CSP Name");
    expect(text).toContain("friendlyName: Edge farm listener");
    // The key is the same key: its public half is the certificate's.
    const key = execFileSync("openssl", [
      "pkcs12",
      "-in",
      path,
      "-nocerts",
      "-nodes",
      "-passin",
      "pass:another password",
    ]);
    const pub = execFileSync("openssl", ["pkey", "-pubout"], { input: key }).toString();
    expect(pub).toBe(
      execFileSync("openssl", ["x509", "-in", join(VECTORS, "webext.crt"), "-noout", "-pubkey"]).toString(),
    );
  });
});
