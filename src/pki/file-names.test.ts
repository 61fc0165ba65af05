import { describe, expect, it } from "vitest";
import { commandFileStem, safeFileStem } from "./file-names";

describe("one naming rule for every download", () => {
  it("turns the spaces of a friendly name into hyphens, as the command-line names are", () => {
    expect(safeFileStem("Reverse Proxy Listener for Lync Server", "f")).toBe("Reverse-Proxy-Listener-for-Lync-Server");
    expect(safeFileStem("Reverse Proxy Listener for Lync Server", "f")).toBe(
      commandFileStem("Reverse Proxy Listener for Lync Server", "f"),
    );
  });

  it("keeps no space anywhere, even tabs or runs of spaces, and no trailing hyphen", () => {
    expect(safeFileStem("  Edge \t farm   listener  ", "f")).toBe("Edge-farm-listener");
    expect(safeFileStem("listener - ", "f")).toBe("listener");
    expect(safeFileStem("Exchange OWA", "f")).not.toMatch(/\s/);
  });

  it("keeps letters beyond ASCII, which Windows allows in a file name", () => {
    expect(safeFileStem("Zertifikat für Proxy", "f")).toBe("Zertifikat-für-Proxy");
  });
});
