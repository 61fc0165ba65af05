import { describe, expect, it } from "vitest";
import { readPemBlocks, toWindowsRequestBase64 } from "./pem";

describe("toWindowsRequestBase64", () => {
  it("writes NEW CERTIFICATE REQUEST armour with CRLF line ends and 64-column lines", () => {
    const der = Uint8Array.from({ length: 96 }, (_, i) => i);
    const text = toWindowsRequestBase64(der);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("-----BEGIN NEW CERTIFICATE REQUEST-----");
    expect(lines[1]).toHaveLength(64);
    expect(lines[3]).toBe("-----END NEW CERTIFICATE REQUEST-----");
    expect(lines[4]).toBe("");
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(readPemBlocks(text)[0]!.der).toEqual(der);
  });
});

describe("readPemBlocks", () => {
  it("finds every block and refuses a damaged one", () => {
    const two = "junk\n-----BEGIN A-----\nAAEC\n-----END A-----\n-----BEGIN B C-----\nAw==\n-----END B C-----\n";
    expect(readPemBlocks(two).map((b) => [b.label, Array.from(b.der)])).toEqual([
      ["A", [0, 1, 2]],
      ["B C", [3]],
    ]);
    expect(() => readPemBlocks("-----BEGIN A-----\nA!A\n-----END A-----")).toThrow("not valid Base 64");
  });
});
