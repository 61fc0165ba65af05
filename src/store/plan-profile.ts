/**
 * A planner profile other than the reverse proxy as a start: its plan and empty topology, filled in once the
 * profile has loaded, and the profile a settings file names, loaded before the file is read.
 */
import type { ProfileId } from "../pki/profiles/framework";
import { loadedProfile, loadProfile, type AnyTopology } from "../pki/profiles/registry";
import type { CaTarget } from "../pki/lint";
import { webServerPlan } from "../pki/request";
import { settingsProfile } from "../pki/settings";
import { defaultExtendedKeyUsage } from "../pki/usages";
import type { PlanState } from "./plan-slice";
import { errorText } from "./error-text";

/** The topology of a profile not loaded yet: replaced by its empty one once it loads (fillWhenLoaded). */
export const AWAITING_PROFILE: AnyTopology = Object.freeze({});

const emptyOf = (profile: ProfileId) => loadedProfile(profile)?.empty() as AnyTopology | undefined;

/** A profile's start: a web server's plan (the profile's apply sets the rest), its empty topology when loaded. */
export function profileStart(profile: ProfileId, caTarget: CaTarget): Omit<PlanState, "caTarget" | "caTargetChosen"> {
  return {
    startFrom: "reverse-proxy",
    profile,
    plan: {
      ...webServerPlan(),
      extendedKeyUsage: defaultExtendedKeyUsage({ profile: "web-server", target: caTarget }),
    },
    usagesChosen: false,
    topology: emptyOf(profile) ?? AWAITING_PROFILE,
    appliedTopology: null,
    settingsError: null,
  };
}

/**
 * Sets the profile's empty topology once it has loaded, if it is still the one chosen and nothing replaced the
 * waiting topology. Why here, at once: Plan names waits on the same promise, and this `then` runs first.
 */
export function fillWhenLoaded(
  profile: ProfileId,
  get: () => Pick<PlanState, "profile" | "topology">,
  set: (s: Pick<PlanState, "topology">) => void,
): void {
  void loadProfile(profile)
    .then(() => {
      const s = get();
      const empty = emptyOf(profile);
      if (s.profile === profile && s.topology === AWAITING_PROFILE && empty) set({ topology: empty });
    })
    // Plan names says so: its own wait on the same promise fails there.
    .catch(() => undefined);
}

/**
 * Loads the planner a settings file names, so openSettings can check its topology with the profile's read:
 * null when loaded (or none is named), else why not, for the page.
 */
export async function loadSettingsProfile(text: string): Promise<string | null> {
  const profile = settingsProfile(text);
  if (!profile) return null;
  try {
    await loadProfile(profile);
    return null;
  } catch (e) {
    return `The planner this settings file was made with could not be loaded (${errorText(e)}). Nothing was loaded.`;
  }
}
