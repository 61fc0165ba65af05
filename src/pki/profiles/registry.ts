/**
 * The planner profiles Plan names knows: each one's start choice (label and hint, small enough for the first
 * page) and a loader that imports its file on demand, so no profile's planner rides in the first page's chunk.
 * The Lync topology's shape check is the one exception: the default profile's draft is checked before any
 * planner loads.
 */
import type { CaTarget } from "../lint";
import { ShapeError } from "../shape";
import type { PlannerProfile, ProfileId } from "./framework";
import { readLyncTopology } from "./lync/topology";

/** Any profile, as the store and the page hold it: its topology and plan types are the profile's own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each profile has its own topology type; only its own functions read it
export type AnyProfile = PlannerProfile<any, any>;
/** A topology of some profile: checked by that profile's `read`, read only by its own functions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export type AnyTopology = Record<string, any>;

/** The default profile: old drafts and settings files without a profile planned with it. */
export const DEFAULT_PROFILE: ProfileId = "lync-reverse-proxy";

export interface ProfileEntry {
  id: ProfileId;
  /** The choice on Certificate Enrollment (the same words as the profile's `start`). */
  start: { label: string; hint: string };
  /**
   * Where this certificate usually comes from, when it is not a public CA (Edge internal: your own CA): choosing
   * the start sets "This request goes to" so, unless the admin chose it there.
   */
  usualCa?: CaTarget;
  load: () => Promise<AnyProfile>;
}

/** Every profile, in the order Certificate Enrollment lists them. */
export const PROFILES: readonly ProfileEntry[] = [
  {
    id: "lync-reverse-proxy",
    start: {
      label: "Reverse proxy for Lync Server 2013 / Skype for Business",
      hint: "Plan names asks for your SIP domains and pools and works out the names; usages and key as Microsoft's Lync Server 2013 reverse-proxy certificate article asks (Client Authentication only for your own CA).",
    },
    load: () => import("./lync-reverse-proxy").then((m) => m.lyncReverseProxy),
  },
  {
    id: "sfb-edge-external",
    start: {
      label: "Skype for Business Edge Server, external interfaces",
      hint: "One public certificate for the Access Edge, Web Conferencing Edge and A/V Authentication services, the same on every Edge Server of the pool.",
    },
    load: () => import("./sfb-edge").then((m) => m.sfbEdgeExternal),
  },
  {
    id: "sfb-edge-internal",
    start: {
      label: "Skype for Business Edge Server, internal interface",
      hint: "The certificate of the Edge internal interface, usually from your own CA.",
    },
    usualCa: "internal",
    load: () => import("./sfb-edge").then((m) => m.sfbEdgeInternal),
  },
  {
    id: "exchange",
    start: {
      label: "Exchange Server 2016, 2019 or Subscription Edition",
      hint: "The certificate for IIS and SMTP: the mail namespace, Autodiscover for each SMTP domain, IMAP/POP/SMTP names.",
    },
    load: () => import("./exchange").then((m) => m.exchange),
  },
  {
    id: "exchange-hybrid",
    start: {
      label: "Exchange hybrid (with Exchange Online)",
      hint: "The third-party certificate for hybrid secure mail: the shared SMTP domain, Autodiscover, Edge Transport.",
    },
    load: () => import("./exchange").then((m) => m.exchangeHybrid),
  },
  {
    id: "adfs",
    start: {
      label: "AD FS and Web Application Proxy",
      hint: "The TLS/SSL certificate of the federation service, shared by every AD FS server and WAP.",
    },
    load: () => import("./adfs").then((m) => m.adfs),
  },
  {
    id: "rd-gateway",
    start: {
      label: "Remote Desktop Gateway and Web Access",
      hint: "The certificate clients see on RD Gateway and RD Web Access, and where the Connection Broker's name belongs.",
    },
    load: () => import("./rd-gateway").then((m) => m.rdGateway),
  },
  {
    id: "office-online-server",
    start: {
      label: "Office Online Server farm",
      hint: "The farm's HTTPS certificate, found by its friendly name when the farm is created.",
    },
    load: () => import("./office-online-server").then((m) => m.officeOnlineServer),
  },
];

const byId = new Map(PROFILES.map((p) => [p.id, p]));

/** Where a start's request goes unless the admin chose: the profile's usual CA, else a public CA. */
export const usualCaTarget = (id: ProfileId): CaTarget => profileEntry(id).usualCa ?? "public";

/** True for the id of a registered profile (a draft or a settings file may name anything). */
export const isProfileId = (v: unknown): v is ProfileId => typeof v === "string" && byId.has(v as ProfileId);

/** The registry entry of a profile. */
export function profileEntry(id: ProfileId): ProfileEntry {
  const entry = byId.get(id);
  if (!entry) throw new Error(`No planner profile "${id}" is registered.`);
  return entry;
}

const loading = new Map<ProfileId, Promise<AnyProfile>>();
const loaded = new Map<ProfileId, AnyProfile>();

/** The profile, imported once: every caller gets the same promise (React's `use` needs that). A failed import may be tried again. */
export function loadProfile(id: ProfileId): Promise<AnyProfile> {
  let promise = loading.get(id);
  if (!promise) {
    promise = profileEntry(id)
      .load()
      .then((profile) => {
        loaded.set(id, profile);
        return profile;
      })
      .catch((e: unknown) => {
        loading.delete(id);
        throw e;
      });
    loading.set(id, promise);
  }
  return promise;
}

/** The profile once loadProfile has loaded it; undefined before. */
export const loadedProfile = (id: ProfileId): AnyProfile | undefined => loaded.get(id);

/**
 * Rebuilds a profile's topology from untrusted data with that profile's `read` (synchronously, so the profile
 * must be loaded, except the default one, whose shape check is always here); throws ShapeError.
 */
export function readTopology(id: ProfileId, data: unknown): AnyTopology {
  if (id === DEFAULT_PROFILE) return readLyncTopology(data);
  const profile = loadedProfile(id);
  if (!profile) throw new ShapeError(`the planner "${profileEntry(id).start.label}" is not loaded yet.`);
  return profile.read(data) as AnyTopology;
}
