/** The Lync reverse proxy's names plan: the framework's, with its SIP domains and the defaults in force. */
import type { NamesPlan, PlannedName, PlannerFinding } from "../framework";
import type { TopologyField } from "./topology";

export type FindingId =
  | "subject-not-in-san"
  | "sip-domain-without-meeting-url"
  | "simple-url-off-sip-domain"
  | "wildcard-subject"
  | "wildcard-not-covering"
  | "edge-name"
  | "internal-name"
  | "more-than-one-base"
  | "simple-url-is-pool"
  | "simple-url-prefix"
  | "bad-value"
  | "missing"
  | "merged"
  | "no-lyncdiscover";

/** A finding of the Lync planner, placed beside one of the topology's inputs. */
export type LyncFinding = PlannerFinding<TopologyField> & { id: FindingId };

/** A name on the reverse proxy's certificate, with its reasons and the input it came from. */
export type LyncPlannedName = PlannedName<TopologyField>;

/** The defaults in force, shown in the inputs left to them. */
export interface LyncDefaults {
  meetingUrls: string[];
  dialInUrl: string;
  exchangeAutodiscover: string[];
}

export interface LyncNamesPlan extends NamesPlan<TopologyField> {
  /** The SIP domains as normalised, the first being the default one. */
  sipDomains: string[];
  findings: LyncFinding[];
  defaults: LyncDefaults;
}

/** The first label of a name. */
export const label1 = (name: string) => name.split(".")[0] ?? "";
