import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { issue, makeCa } from "../../../test/helpers/ca";
import { readPemBlocks } from "../pem";
import { ariCertId, ariCertIdOf, renewalWindow } from "./ari";
import { execFileSync } from "node:child_process";
import { newP256Key } from "../../../test/helpers/openssl-args";

describe("ARI (RFC 9773)", () => {
  test("section 4.1's example: aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", () => {
    const keyIdentifier = Uint8Array.from(
      "69885b6b87464041e1b37b847ba0ae2cde01c8d4".match(/../g)!.map((h) => parseInt(h, 16)),
    );
    expect(ariCertIdOf({ keyIdentifier, serial: new Uint8Array([0x00, 0x87, 0x65, 0x43, 0x21]) })).toBe(
      "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE",
    );
  });

  test("a certificate's CertID is its AKI and serial as OpenSSL reads them", () => {
    const ca = makeCa();
    const csr = join(ca.dir, "leaf.csr");
    execFileSync("openssl", [
      "req",
      "-new",
      ...newP256Key(join(ca.dir, "leaf.key")),
      "-out",
      csr,
      "-subj",
      "/CN=www.example.org",
    ]);
    const leaf = issue(ca, {
      request: csr,
      out: join(ca.dir, "leaf.crt"),
      extensions: "basicConstraints=CA:FALSE\nauthorityKeyIdentifier=keyid\nsubjectAltName=DNS:www.example.org\n",
    });
    const der = readPemBlocks(readFileSync(leaf, "utf8"))[0]!.der;
    const text = execFileSync("openssl", ["x509", "-in", leaf, "-noout", "-serial", "-ext", "authorityKeyIdentifier"], {
      encoding: "utf8",
    });
    let serial = /serial=([0-9A-F]+)/.exec(text)![1]!;
    if (serial.length % 2) serial = `0${serial}`;
    if (parseInt(serial.slice(0, 2), 16) >= 0x80) serial = `00${serial}`;
    const aki = /(?:keyid:)?([0-9A-F]{2}(?::[0-9A-F]{2})+)/.exec(text.split("Authority Key Identifier")[1]!)![1]!;
    const bytes = (hex: string) =>
      Uint8Array.from(
        hex
          .replace(/:/g, "")
          .match(/../g)!
          .map((h) => parseInt(h, 16)),
      );
    expect(ariCertId(der)).toBe(ariCertIdOf({ keyIdentifier: bytes(aki), serial: bytes(serial) }));
  });

  test("the window is read from renewalInfo/<CertID>; anything else is no window", async () => {
    const seen: string[] = [];
    const answer = (body: unknown, status = 200) =>
      (async (url: string | URL | Request) => {
        seen.push(String(url));
        return Response.json(body, { status });
      }) as typeof fetch;
    const window = await renewalWindow({
      renewalInfo: "https://ca.example/renewal-info/",
      directoryUrl: "https://ca.example/dir",
      certId: "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE",
      fetch: answer({
        suggestedWindow: { start: "2026-09-01T00:00:00Z", end: "2026-09-16T00:00:00Z" },
        explanationURL: "javascript:alert(1)",
      }),
    });
    expect(seen).toEqual(["https://ca.example/renewal-info/aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE"]);
    expect(window).toEqual({
      start: new Date("2026-09-01T00:00:00Z"),
      end: new Date("2026-09-16T00:00:00Z"),
      explanationUrl: null,
    });
    expect(
      await renewalWindow({
        renewalInfo: "https://a",
        directoryUrl: "https://a/dir",
        certId: "x.y",
        fetch: answer({}, 404),
      }),
    ).toBeNull();
    expect(
      await renewalWindow({
        renewalInfo: "https://a",
        directoryUrl: "https://a/dir",
        certId: "x.y",
        fetch: answer({ suggestedWindow: {} }),
      }),
    ).toBeNull();
  });

  test("renewalInfo on another origin is not contacted; a CA that never answers, or answers without end, gives null", async () => {
    const seen: string[] = [];
    const never = ((url: string) => {
      seen.push(url);
      return new Promise<Response>(() => undefined);
    }) as unknown as typeof fetch;
    expect(
      await renewalWindow({
        renewalInfo: "https://elsewhere.example/ri",
        directoryUrl: "https://ca.example/dir",
        certId: "x.y",
        fetch: never,
      }),
    ).toBeNull();
    expect(seen).toEqual([]);
    const started = Date.now();
    expect(
      await renewalWindow({
        renewalInfo: "https://ca.example/ri",
        directoryUrl: "https://ca.example/dir",
        certId: "x.y",
        fetch: never,
        timeoutMs: 50,
      }),
    ).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
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
    expect(
      await renewalWindow({
        renewalInfo: "https://ca.example/ri",
        directoryUrl: "https://ca.example/dir",
        certId: "x.y",
        fetch: endless,
      }),
    ).toBeNull();
    expect(pulled).toBeLessThan(40);
  });
});
