/**
 * The Lync Server 2013 / Skype for Business reverse-proxy profile (the folder ./lync, one file per section):
 * this file names everything its callers and tests use, and is what the registry loads.
 */
export { MAX_LIST_ENTRIES, subjectInSanFinding, type PublishingRule } from "./framework";
export { applyNamesPlan, lyncReverseProxy } from "./lync/profile";
export { planReverseProxyNames } from "./lync/plan";
export type { FindingId, LyncDefaults, LyncFinding, LyncNamesPlan, LyncPlannedName } from "./lync/plan-types";
export { defaultDialInUrl, defaultMeetingUrl, parseSimpleUrl, type SimpleUrl } from "./lync/simple-urls";
export {
  articleTopology,
  emptyTopology,
  readLyncTopology,
  type LyncTopology,
  type SimpleUrlFormat,
  type TopologyField,
} from "./lync/topology";
/** The Lync planner's finding, by its former name. */
export type { LyncFinding as PlannerFinding } from "./lync/plan-types";
