import { describe, expect, it } from "vitest";
import { commandFileStem, pfxFileName, safeFileStem } from "./file-names";

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

describe("the .pfx the profiles' next steps name", () => {
  const cn = [
    { type: "OU" as const, value: "Web" },
    { type: "CN" as const, value: "sts.contoso.com" },
  ];

  it("is the friendly name when there is one, the download's rule applied", () => {
    expect(pfxFileName({ friendlyName: "AD FS TLS/SSL certificate", subject: cn })).toBe(
      "AD-FS-TLS-SSL-certificate.pfx",
    );
  });

  it("is the common name, not another subject part, without a friendly name", () => {
    expect(pfxFileName({ friendlyName: "", subject: cn })).toBe("sts.contoso.com.pfx");
  });

  it("is certificate.pfx with neither", () => {
    expect(pfxFileName({ friendlyName: "", subject: [{ type: "O", value: "Contoso" }] })).toBe("certificate.pfx");
  });
});
