import { describe, expect, it } from "vitest";
import { ShapeError } from "../shape";
import { articleTopology } from "./lync-reverse-proxy";
import { DEFAULT_PROFILE, isProfileId, loadedProfile, loadProfile, PROFILES, readTopology } from "./registry";

describe("the profile registry", () => {
  it.each(PROFILES.map((p) => [p.id]))("loads %s, whose id is the registry's", async (id) => {
    const profile = await loadProfile(id);
    expect(profile.id).toBe(id);
    expect(loadedProfile(id)).toBe(profile);
    // The same promise every time: React's use() suspends on it once.
    expect(loadProfile(id)).toBe(loadProfile(id));
  });

  it("reads back each profile's empty topology and example with its own read", async () => {
    for (const { id } of PROFILES) {
      const profile = await loadProfile(id);
      expect(readTopology(id, JSON.parse(JSON.stringify(profile.empty())))).toEqual(profile.empty());
      expect(readTopology(id, JSON.parse(JSON.stringify(profile.example())))).toEqual(profile.example());
    }
  });

  it("knows only registered ids", () => {
    expect(isProfileId(DEFAULT_PROFILE)).toBe(true);
    for (const bad of ["evil", "__proto__", "toString", 1, null, undefined]) expect(isProfileId(bad)).toBe(false);
  });

  it("reads the default profile's topology before any planner is loaded, and refuses a damaged one", () => {
    expect(readTopology(DEFAULT_PROFILE, articleTopology())).toEqual(articleTopology());
    expect(() => readTopology(DEFAULT_PROFILE, { ...articleTopology(), autodiscoverPort: 8443 })).toThrow(ShapeError);
  });
});
