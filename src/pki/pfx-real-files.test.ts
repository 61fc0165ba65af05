import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { realFile, realFilesPresent, realVectors } from "../../test/helpers/real-vectors";
import { openPfx, readPfx } from "./pfx-reader";

const pfxFiles = realVectors.filter((v) => v.kind === "pfx");
/** The values OpenSSL printed after "label: ". */
const printed = (lines: string[], label: string) =>
  lines.filter((l) => l.trim().startsWith(`${label}: `)).map((l) => l.trim().slice(label.length + 2));

describe.skipIf(!realFilesPresent)(
  "real .pfx files that Windows and other writers made (test/vectors/real: not committed, see its README)",
  () => {
    it("lists at least the Windows-made ones", () => expect(pfxFiles.length).toBeGreaterThanOrEqual(5));

    it.each(pfxFiles.map((v) => [v.file, v] as const))("%s opens as OpenSSL reads it", async (_, v) => {
      const der = realFile(v.file);
      expect(der, `${v.file} is missing`).not.toBeNull();
      expect(createHash("sha256").update(der!).digest("hex")).toBe(v.sha256);
      const output = v.openssl.output ?? [];
      // The admin types nothing for a .pfx without a password, whichever of the two forms it was written with.
      const read = await readPfx({ der: der!, password: v.password ?? "" });
      const mac = /MAC: (sha1|sha256), Iteration (\d+)/.exec(output.join("\n"));
      expect(read.macAlgorithm).toBe(mac![1] === "sha1" ? "SHA-1" : "SHA-256");
      expect(read.macIterations).toBe(Number(mac![2]));
      if (v.password === null) expect(read.passwordForm).toBe("absent");
      // Every friendly name and CSP name OpenSSL printed, on some bag.
      const names = read.bags.map((b) => b.friendlyName);
      for (const name of printed(output, "friendlyName")) expect(names).toContain(name);
      for (const csp of printed(output, "Microsoft CSP Name")) expect(read.bags.map((b) => b.cspName)).toContain(csp);
      const keys = read.bags.filter((b) => b.kind === "key").length;
      expect(keys).toBe(output.filter((l) => l.startsWith("Shrouded Keybag")).length);

      const opened = await openPfx({ der: der!, password: v.password ?? "" });
      expect(opened.certificates.length).toBeGreaterThan(0);
      // The friendly name carried over is never a key container's name.
      if (opened.friendlyName) expect(opened.friendlyName).not.toMatch(/^(te-|\{[0-9A-F-]{36}\}$)/i);
      const certificateName = read.bags.find((b) => b.kind === "certificate" && b.friendlyName)?.friendlyName;
      if (certificateName) expect(opened.friendlyName).toBe(certificateName);
    });
  },
);
