import { beforeEach, describe, expect, it } from "vitest";
import { resetStore as resetStorePlain, resetToArticleExample as resetStore } from "../../test/helpers/store";
import { advanceBlockers, canAdvance, plannedNamesPreflightOf, refusedBlockers } from "./selectors";
import { useWizard, visiblePages } from "./store";

const state = () => useWizard.getState();

beforeEach(() => resetStore());

describe("navigation", () => {
  it("walks the reverse-proxy start through every page in the wizard's order, with Finish before the last", async () => {
    const seen = [state().page];
    for (let i = 0; i < 5; i++) {
      state().next();
      seen.push(state().page);
    }
    // Next before Finish stays, and says why.
    state().next();
    expect(state().page).toBe("save-request");
    expect(state().nextRefused?.[0]?.message).toMatch(/^Click Finish first/);
    state().setPassphrase("correct horse battery", "correct horse battery");
    await state().runFinish({ iterations: 1_000 });
    state().next();
    seen.push(state().page);
    expect(state().nextRefused).toBeNull();
    expect(seen).toEqual([
      "enrollment",
      "enrollment-policy",
      "custom-request",
      "plan-names",
      "certificate-information",
      "save-request",
      "complete-request",
    ]);
  });

  it("leaves Plan names out for a web server and a blank request", () => {
    state().chooseStart("web-server");
    expect(visiblePages(state().startFrom).map((p) => p.id)).not.toContain("plan-names");
    state().goTo("custom-request");
    state().next();
    expect(state().page).toBe("certificate-information");
  });

  it("stays on Plan names while the changed topology has errors, naming them, and uses the names once fixed", () => {
    state().goTo("plan-names");
    state().updateTopology((t) => ({ ...t, sipDomains: ["fabrikam com"] }));
    expect(canAdvance(state())).toBe(false);
    expect(
      advanceBlockers(state())
        .map((b) => b.message)
        .join(" "),
    ).toContain("fabrikam com");
    state().next();
    expect(state().page).toBe("plan-names");

    state().updateTopology((t) => ({ ...t, sipDomains: ["fabrikam.com"], pools: ["webext.fabrikam.com"] }));
    expect(advanceBlockers(state())).toEqual([]);
    state().next();
    expect(state().page).toBe("certificate-information");
    expect(state().plan.altNames.map((n) => n.value)).toContain("meet.fabrikam.com");
  });

  it("does not undo edits made in Properties when the topology did not change since its names were used", () => {
    state().goTo("plan-names");
    state().updatePlan((p) => ({ ...p, altNames: [...p.altNames, { type: "dns", value: "extra.contoso.com" }] }));
    state().next();
    expect(state().plan.altNames.map((n) => n.value)).toContain("extra.contoso.com");
  });

  it("stays on Certificate Information while the request names nothing, and says why", () => {
    state().chooseStart("blank");
    state().goTo("certificate-information");
    expect(advanceBlockers(state()).map((b) => b.message)).toEqual([
      "Add a subject name or at least one alternative name: a request must name what it is for.",
    ]);
    state().next();
    expect(state().page).toBe("certificate-information");
  });

  it("returns the same blocker list while nothing it depends on changes, so a page does not re-render for nothing", () => {
    state().chooseStart("blank");
    state().goTo("certificate-information");
    const first = advanceBlockers(state());
    state().setKeepPending(false);
    expect(advanceBlockers(state())).toBe(first);
  });

  it("goes Back from Open a request or certificate to Certificate Enrollment", () => {
    state().goTo("inspect");
    state().back();
    expect(state().page).toBe("enrollment");
  });
});

describe("the reverse-proxy start", () => {
  const toPlanNames = (start?: "reverse-proxy") => {
    resetStorePlain();
    if (start) state().chooseStart(start);
    state().goTo("plan-names");
  };

  it("starts with no name at all, and Next on Plan names says which inputs to fill, each linked to its input", () => {
    toPlanNames();
    expect(state().plan.subject).toEqual([]);
    expect(state().plan.altNames).toEqual([]);
    expect(state().topology.sipDomains).toEqual([""]);
    state().next();
    expect(state().page).toBe("plan-names");
    expect(refusedBlockers(state())?.map((b) => b.field)).toEqual(["sipDomains", "pools"]);
    // The summary follows the inputs: a field filled in leaves it at once.
    state().updateTopology((t) => ({ ...t, sipDomains: ["fabrikam.com"] }));
    expect(refusedBlockers(state())?.map((b) => b.field)).toEqual(["pools"]);
    state().updateTopology((t) => ({ ...t, pools: ["lyncweb.fabrikam.com"] }));
    expect(refusedBlockers(state())).toEqual([]);
    state().next();
    expect(state().page).toBe("certificate-information");
    expect(state().plan.subject).toEqual([{ type: "CN", value: "lyncweb.fabrikam.com" }]);
  });

  it("gives Plan names the preflight's verdict on its names for where the request goes, chosen before it", () => {
    toPlanNames();
    state().updateTopology((t) => ({ ...t, sipDomains: ["fabrikam.local"], pools: ["lyncweb.fabrikam.local"] }));
    expect(plannedNamesPreflightOf(state().plan, state().topology, "public").map((f) => f.severity)).toContain("error");
    state().next();
    expect(state().page).toBe("plan-names");
    // Each internal name is said beside the input it was typed in: the pool's, and the SIP domain's for the names made from it.
    expect(state().nextRefused).toEqual([
      { field: "pools", message: expect.stringMatching(/^lyncweb\.fabrikam\.local: internal names/) },
      {
        field: "sipDomains",
        message: expect.stringMatching(
          /^meet\.fabrikam\.local, dialin\.fabrikam\.local, lyncdiscover\.fabrikam\.local:/,
        ),
      },
    ]);
    state().setCaTarget("internal");
    expect(refusedBlockers(state())).toEqual([]);
    state().next();
    expect(state().page).toBe("certificate-information");
  });

  it("'Use these names' puts the names in again even when the topology did not change", () => {
    toPlanNames("reverse-proxy");
    state().updateTopology((t) => ({ ...t, sipDomains: ["fabrikam.com"], pools: ["lyncweb.fabrikam.com"] }));
    state().next();
    state().updatePlan((p) => ({ ...p, altNames: [] }));
    state().goTo("plan-names");
    state().useNames();
    expect(state().page).toBe("certificate-information");
    expect(state().plan.altNames.map((n) => n.value)).toContain("meet.fabrikam.com");
  });

  it("fills in the article's contoso.com names only when that example is chosen", () => {
    resetStorePlain();
    state().chooseStart("article-example");
    expect(state().plan.subject).toEqual([{ type: "CN", value: "webext.contoso.com" }]);
    expect(visiblePages(state().startFrom).map((p) => p.id)).toContain("plan-names");
    expect(JSON.parse(state().settingsFile()).topology.sipDomains).toEqual(["contoso.com"]);
  });
});
