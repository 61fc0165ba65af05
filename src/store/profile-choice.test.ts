import { beforeEach, describe, expect, it } from "vitest";
import { resetStore } from "../../test/helpers/store";
import { loadProfile } from "../pki/profiles/registry";
import { readSettings } from "../pki/settings";
import { webServerPlan } from "../pki/request";
import { visiblePages } from "./navigation-slice";
import { mergeDraft, useWizard } from "./store";
import { preflightNames } from "../pki/lint";
import { defaultExtendedKeyUsage } from "../pki/usages";

const KEY = "certificate-request-wizard/draft";
const state = () => useWizard.getState();
const plant = (draft: Record<string, unknown>) =>
  localStorage.setItem(KEY, JSON.stringify({ state: draft, version: 1 }));

beforeEach(() => resetStore());

describe("a planner profile chosen on Certificate Enrollment", () => {
  it("walks Plan names with the profile's empty topology, and its settings file names it and reads back", async () => {
    const adfs = await loadProfile("adfs");
    state().chooseProfile("adfs");
    expect(state().profile).toBe("adfs");
    expect(state().topology).toEqual(adfs.empty());
    expect(visiblePages(state().startFrom).map((p) => p.id)).toContain("plan-names");
    state().updateTopology(() => adfs.example());
    const file = state().settingsFile();
    expect(JSON.parse(file)).toMatchObject({ profile: "adfs", topology: adfs.example() });
    expect(readSettings(file)).toMatchObject({ ok: true, profile: "adfs", topology: adfs.example() });

    resetStore();
    expect(state().openSettings(file)).toBe(true);
    expect(state().profile).toBe("adfs");
    expect(state().topology).toEqual(adfs.example());
  });

  it("refuses a settings file whose topology does not fit the profile it names", async () => {
    await loadProfile("adfs");
    const file = JSON.stringify({
      format: "certificate-request-wizard/request-settings",
      version: 1,
      plan: webServerPlan(),
      profile: "adfs",
      topology: { federationServiceName: 1 },
    });
    expect(readSettings(file)).toEqual({
      ok: false,
      error: expect.stringMatching(/^This settings file is damaged: "federationServiceName"/),
    });
  });

  it("refuses a settings file naming a planner this page does not know", () => {
    const file = JSON.stringify({
      format: "certificate-request-wizard/request-settings",
      version: 1,
      plan: webServerPlan(),
      profile: "evil",
      topology: {},
    });
    expect(readSettings(file)).toEqual({
      ok: false,
      error: 'This settings file is damaged: "profile" names no planner this page knows. Nothing was loaded.',
    });
  });
});

describe("the draft and the profile", () => {
  it("keeps a profile other than the reverse proxy and reads it back with that profile's read", async () => {
    const rd = await loadProfile("rd-gateway");
    state().chooseProfile("rd-gateway");
    state().updateTopology(() => rd.example());
    const saved = localStorage.getItem(KEY)!;
    expect(JSON.parse(saved).state.profile).toBe("rd-gateway");
    // Another profile in memory (which writes the draft), then the saved draft back, as a reload finds it.
    useWizard.setState({ profile: "lync-reverse-proxy", topology: {} });
    localStorage.setItem(KEY, saved);
    await useWizard.persist.rehydrate();
    expect(state().profile).toBe("rd-gateway");
    expect(state().topology).toEqual(rd.example());
  });

  it("refuses whole a draft naming a planner this page does not know, and says so", async () => {
    plant({ ...JSON.parse(JSON.stringify({ plan: webServerPlan(), page: "save-request" })), profile: "evil" });
    await useWizard.persist.rehydrate();
    expect(state().page).toBe("enrollment");
    expect(state().profile).toBe("lync-reverse-proxy");
    expect(state().draftError).toMatch(/names a planner this page does not know/);
  });
});

describe("where the request goes, set by the start until the admin chooses it", () => {
  it("Edge internal starts with your own CA, with its usages; another start goes back to a public CA", () => {
    expect(state().caTarget).toBe("public");
    state().chooseProfile("sfb-edge-internal");
    expect(state().caTarget).toBe("internal");
    expect(state().caTargetChosen).toBe(false);
    expect(state().plan.extendedKeyUsage).toEqual(
      defaultExtendedKeyUsage({ profile: "web-server", target: "internal" }),
    );
    state().chooseProfile("exchange");
    expect(state().caTarget).toBe("public");
    state().chooseProfile("sfb-edge-internal");
    state().chooseStart("reverse-proxy");
    expect(state().caTarget).toBe("public");
  });

  it("keeps the admin's explicit choice whatever the start", () => {
    state().setCaTarget("public");
    expect(state().caTargetChosen).toBe(true);
    state().chooseProfile("sfb-edge-internal");
    expect(state().caTarget).toBe("public");
    state().setCaTarget("internal");
    state().chooseProfile("exchange");
    expect(state().caTarget).toBe("internal");
    state().chooseStart("blank");
    expect(state().caTarget).toBe("internal");
  });

  it("a draft read back counts a CA other than its start's usual one as chosen", () => {
    const current = state();
    const draft = (caTarget: string) => ({
      plan: current.plan,
      topology: current.topology,
      startFrom: "reverse-proxy",
      caTarget,
    });
    expect(mergeDraft(draft("internal"), current)).toMatchObject({ caTarget: "internal", caTargetChosen: true });
    expect(mergeDraft(draft("public"), current)).toMatchObject({ caTarget: "public", caTargetChosen: false });
  });

  it("an internal Edge name refused for a public CA says where to change it", () => {
    const [finding] = preflightNames(["edge01.corp.local"], "public");
    expect(finding?.message).toMatch(
      /on Certificate Enrollment, under "This request goes to", choose "My own \(internal\) CA"\.$/,
    );
  });
});
