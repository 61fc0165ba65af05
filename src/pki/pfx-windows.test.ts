import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hex, vector } from "../../test/helpers/vectors";
import { createPfx, PFX_LIMITS, UnsupportedPfxError, WrongPfxPasswordError } from "./pfx";
import { openPfx, pfxFriendlyName, pfxOpenError, readPfx, type PfxBag } from "./pfx-reader";
import { readPemBlocks } from "./pem";

const cert = () => readPemBlocks(vector("webext.crt").toString())[0]!.der;
const der = (file: string) => new Uint8Array(vector(file));

/** What `openssl pkcs12 -info` prints for a .pfx and a password. */
function openssl(pfx: ArrayBuffer | Uint8Array, password: string) {
  const file = join(mkdtempSync(join(tmpdir(), "pfx-")), "p.pfx");
  writeFileSync(file, new Uint8Array(pfx));
  const run = spawnSync("openssl", ["pkcs12", "-in", file, "-info", "-nodes", "-passin", `pass:${password}`], {
    encoding: "utf8",
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe("a .pfx exported with no password", () => {
  it.each([
    ["windows-empty-password.pfx", "given"],
    ["windows-absent-password.pfx", "absent"],
  ])("%s opens with an empty password field, as OpenSSL opens it", async (file, form) => {
    expect(openssl(der(file), "").status).toBe(0);
    const read = await readPfx({ der: der(file), password: "" });
    expect(read.passwordForm).toBe(form);
    expect(hex(read.bags.find((b) => b.kind === "certificate")!.der)).toBe(hex(cert()));
    const opened = await openPfx({ der: der(file), password: "" });
    expect(opened.contents.items.map((i) => i.kind)).toEqual(["key", "certificate"]);
    expect(opened.contents.items[1]!.matchesKey).toBe(true);
    expect(opened.contents.mac.includes("no password at all")).toBe(form === "absent");
  });

  it("still refuses a wrong password, and a typed password for a file that has none", async () => {
    await expect(readPfx({ der: der("windows-absent-password.pfx"), password: "x" })).rejects.toBeInstanceOf(
      WrongPfxPasswordError,
    );
    await expect(readPfx({ der: der("windows-container-name.pfx"), password: "" })).rejects.toBeInstanceOf(
      WrongPfxPasswordError,
    );
  });

  it("converts to a .pfx under a new password that OpenSSL opens, with the certificate bag's friendly name", async () => {
    const opened = await openPfx({ der: der("windows-absent-password.pfx"), password: "" });
    expect(opened.friendlyName).toBe("webext.contoso.com");
    const out = await createPfx({
      profile: "TripleDES-SHA1",
      privateKeyInfo: opened.pkcs8,
      certificates: opened.certificates.map((c) => c.der),
      password: "new password 1",
      friendlyName: opened.friendlyName,
    });
    const info = openssl(out, "new password 1");
    expect(info.status).toBe(0);
    expect(info.out).toContain("friendlyName: webext.contoso.com");
  });
});

describe("the friendly name", () => {
  it("comes from the certificate bag when Windows put the key container's name on the key bag", async () => {
    const opened = await openPfx({ der: der("windows-container-name.pfx"), password: "Test1234!" });
    expect(opened.contents.items[0]!.friendlyName).toMatch(/^te-WebServer-/);
    expect(opened.friendlyName).toBe("webext.contoso.com 2026");
    expect(opened.friendlyNameNote).toBe("Friendly name: the certificate's in the .pfx.");
  });

  const key = (friendlyName?: string): PfxBag => ({
    kind: "key",
    der: new ArrayBuffer(0),
    encryption: "",
    friendlyName,
  });
  const certificate = (friendlyName?: string): PfxBag => ({ ...key(friendlyName), kind: "certificate" });

  it.each([
    ["te-User-0b6e3d1c-5c7a-4d4e-9e38-2f0a1b2c3d4e"],
    ["{5D4C3B2A-1F0E-4D9C-8B7A-695847362514}"],
    ["0d3c9e1f1b2a4c5d6e7f8091a2b3c4d5_5d4c3b2a-1f0e-4d9c-8b7a-695847362514"],
  ])("falls back to the key bag's name only when it is not a container name: %s", (container) => {
    expect(pfxFriendlyName(key(container), certificate()).friendlyName).toBeUndefined();
    expect(pfxFriendlyName(key("Web farm 2026"), certificate()).friendlyName).toBe("Web farm 2026");
    expect(pfxFriendlyName(key("Web farm 2026"), certificate()).note).toContain("the key's");
  });

  it.each(["line\nbreak", "evil\u202Etxt.exe", "zero\u200Bwidth"])(
    "is not carried over when the wizard's rule refuses it, and the note says why: %j",
    (name) => {
      const chosen = pfxFriendlyName(key("te-x"), certificate(name));
      expect(chosen.friendlyName).toBeUndefined();
      expect(chosen.note).toMatch(/was not used: Friendly name contains control, direction or invisible characters/);
    },
  );
});

describe("a crafted .pfx is refused before it can keep the page busy", () => {
  it.each([
    ["hostile-mac-10m.pfx", /10,000,000 iterations in one step/],
    ["hostile-3bags-1m.pfx", /1,000,000 iterations in one step/],
    ["hostile-20bags.pfx", /more than 1,000,000 iterations in all/],
  ])("%s: a sentence, and no key derivation run", async (file, message) => {
    let steps = 0;
    const started = performance.now();
    const refusal = await readPfx({ der: der(file), password: "Test1234!", onProgress: () => steps++ }).catch((e) => e);
    expect(refusal).toBeInstanceOf(UnsupportedPfxError);
    expect((refusal as Error).message).toMatch(message);
    expect(steps).toBe(0);
    // Refused from the counts alone: far below what one derivation of 300,000 iterations takes.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("keeps .NET's limits, which every real writer stays far below", () => {
    expect(PFX_LIMITS).toEqual({
      macIterations: 300_000,
      kdfIterations: 300_000,
      totalIterations: 1_000_000,
      keys: 200,
      certificates: 200,
    });
  });

  it("says damage in the admin's words, never a library's", async () => {
    const good = der("webext.tripledes-sha1.pfx");
    for (const cut of [10, 100, good.length - 40]) {
      const e = await openPfx({ der: good.slice(0, cut), password: "correct horse battery staple" }).catch((x) => x);
      expect(pfxOpenError(e)).toMatch(/^(This file is not a \.pfx|This \.pfx is damaged|The password does not open)/);
    }
    expect(pfxOpenError(new RangeError("Maximum call stack size exceeded"))).not.toMatch(/Maximum|stack/);
  });
});
