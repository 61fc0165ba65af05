/**
 * Advice that holds for every deployment of a server is a note, not a warning: a warning on a fresh, correct
 * plan teaches the admin to read past the orange text and miss the real problems (a new admin's walk, 2026-12-04).
 */
import { describe, expect, it } from "vitest";
import { adfs } from "./adfs";
import { officeOnlineServer } from "./office-online-server";
import { rdGateway } from "./rd-gateway";

const examples = [
  { profile: "AD FS", findings: () => adfs.plan(adfs.example()).findings },
  { profile: "RD Gateway", findings: () => rdGateway.plan(rdGateway.example()).findings },
  { profile: "Office Online Server", findings: () => officeOnlineServer.plan(officeOnlineServer.example()).findings },
];

describe("the documented examples' advice", () => {
  it.each([
    { profile: "AD FS", id: "load-balancer-passthrough" },
    { profile: "RD Gateway", id: "web-client-public-trust" },
    { profile: "Office Online Server", id: "friendly-name-unique" },
  ])("$profile: $id is a note", ({ profile, id }) => {
    const findings = examples.find((e) => e.profile === profile)!.findings();
    expect(findings.find((f) => f.id === id)?.severity).toBe("info");
  });

  // The one warning left: a request made per server (a key each) breaks AD FS behind WAP.
  it.each([
    { ...examples[0]!, warnings: ["same-certificate-and-key"] },
    { ...examples[1]!, warnings: [] },
    { ...examples[2]!, warnings: [] },
  ])("$profile: the documented example warns only of $warnings", ({ findings, warnings }) => {
    expect(
      findings()
        .filter((f) => f.severity !== "info")
        .map((f) => f.id),
    ).toEqual(warnings);
  });
});
