import { beforeEach, describe, expect, it } from "vitest";
import { resetStore } from "../../test/helpers/store";
import { CLIENT_AUTH, SERVER_AUTH } from "../pki/usages";
import { useWizard } from "./store";

const state = () => useWizard.getState();
const eku = () => state().plan.extendedKeyUsage;

beforeEach(() => resetStore());

describe("the Extended Key Usage default follows where the request goes", () => {
  it("starts the reverse proxy with Server Authentication only for a public CA, and the article's pair for an internal one", () => {
    expect(state().caTarget).toBe("public");
    expect(eku()).toEqual([SERVER_AUTH]);
    state().setCaTarget("internal");
    expect(eku()).toEqual([SERVER_AUTH, CLIENT_AUTH]);
    state().setCaTarget("public");
    expect(eku()).toEqual([SERVER_AUTH]);
  });

  it("gives every start its default for the CA chosen before it, and a web server Server Authentication wherever it goes", () => {
    state().setCaTarget("internal");
    state().chooseStart("article-example");
    expect(eku()).toEqual([SERVER_AUTH, CLIENT_AUTH]);
    state().chooseStart("web-server");
    expect(eku()).toEqual([SERVER_AUTH]);
    state().chooseStart("blank");
    expect(eku()).toEqual([]);
    state().setCaTarget("public");
    state().chooseStart("article-example");
    expect(eku()).toEqual([SERVER_AUTH]);
  });

  it("keeps usages chosen in Properties when the CA changes", () => {
    state().openProperties("extensions");
    state().updateDraft((d) => ({ ...d, extendedKeyUsage: [SERVER_AUTH, CLIENT_AUTH] }));
    state().closeProperties(true);
    state().setCaTarget("internal");
    state().setCaTarget("public");
    expect(eku()).toEqual([SERVER_AUTH, CLIENT_AUTH]);
  });

  it("keeps usages chosen in Properties even when they equal a default, and the article's one-click step too", () => {
    state().setCaTarget("internal");
    state().openProperties("extensions");
    state().updateDraft((d) => ({ ...d, extendedKeyUsage: [SERVER_AUTH] }));
    state().closeProperties(true);
    state().setCaTarget("public");
    state().setCaTarget("internal");
    expect(eku()).toEqual([SERVER_AUTH]);

    state().chooseStart("reverse-proxy");
    state().setCaTarget("public");
    state().addClientAuthentication();
    expect(eku()).toEqual([SERVER_AUTH, CLIENT_AUTH]);
    state().setCaTarget("internal");
    state().setCaTarget("public");
    expect(eku()).toEqual([SERVER_AUTH, CLIENT_AUTH]);
  });

  it("Cancel in Properties changes nothing, so the default still follows the CA", () => {
    state().openProperties("extensions");
    state().updateDraft((d) => ({ ...d, extendedKeyUsage: [] }));
    state().closeProperties(false);
    state().setCaTarget("internal");
    expect(eku()).toEqual([SERVER_AUTH, CLIENT_AUTH]);
  });

  it("Use these names keeps the usages the admin chose", () => {
    state().chooseStart("article-example");
    state().fix("remove-client-auth");
    state().setCaTarget("internal");
    state().openProperties("extensions");
    state().updateDraft((d) => ({ ...d, extendedKeyUsage: [SERVER_AUTH, "1.3.6.1.5.5.7.3.4"] }));
    state().closeProperties(true);
    state().updateTopology((t) => ({ ...t, officeWebApps: "owa01.contoso.com" }));
    expect(state().applyPlannedNames()).toBe(true);
    expect(eku()).toEqual([SERVER_AUTH, "1.3.6.1.5.5.7.3.4"]);
  });
});
