import { describe, expect, it } from "vitest";
import { blankPlan } from "./request";
import { notCarriedOver } from "./renewal-notes";

const plan = blankPlan();

describe("what a renewal says it could not carry over", () => {
  it("names the friendly name, the template and the key type for a certificate", () => {
    const notes = notCarriedOver({ kind: "certificate", friendlyName: "", kept: false, plan });
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/^The friendly name: a certificate does not carry it/);
    expect(notes[1]).toMatch(/^The template: .*\(No template\) Legacy key is used/);
    expect(notes[2]).toMatch(/^The key type: .*Exchange is used/);
  });

  it("says nothing the .pfx or a kept request supplied", () => {
    expect(notCarriedOver({ kind: "certificate", friendlyName: "Edge", kept: true, plan })).toEqual([]);
    expect(notCarriedOver({ kind: "request", friendlyName: "Edge", kept: false, plan })).toEqual([]);
  });

  it("asks for the friendly name a request does not carry", () => {
    expect(notCarriedOver({ kind: "request", friendlyName: "", kept: false, plan })).toEqual([
      expect.stringMatching(/^The friendly name: a request does not carry it/),
    ]);
  });
});
