/**
 * The Office Online Server (Office Web Apps) farm profile: the internal and external URL FQDNs, and the friendly
 * name New-OfficeWebAppsFarm selects the certificate by (plan-office-online-server.md).
 */
import type { RequestPlan } from "../request";
import { field, isObj, isString, oneOf, ShapeError } from "../shape";
import { cite, psQuote, type NextStep, type PlannerProfile } from "./framework";
import { applyServerCertificate, importPfxCommand } from "./windows-server/common";
import {
  OOS_SOURCES,
  planOosNames,
  type OosPlan,
  type OosTopology,
  type OosTopologyKind,
} from "./windows-server/office-online-server-plan";

export {
  OOS_SOURCES,
  planOosNames,
  type OosField,
  type OosPlan,
  type OosTopology,
  type OosTopologyKind,
} from "./windows-server/office-online-server-plan";

const KINDS: readonly OosTopologyKind[] = ["single", "offload", "each-server"];

function oosNextSteps(names: OosPlan, request: RequestPlan): NextStep[] {
  const [internal, external] = [names.subject, names.names.find((n) => n.source === "externalUrl")?.name];
  if (!internal) return [];
  const farm = [
    `New-OfficeWebAppsFarm -InternalUrl ${psQuote(`https://${internal}`)}`,
    ...(external ? [`-ExternalUrl ${psQuote(`https://${external}`)}`] : []),
    names.topology === "offload" ? "-SSLOffloaded" : `-CertificateName ${psQuote(request.friendlyName)}`,
    "-EditingEnabled",
  ].join(" ");
  return [
    names.topology === "offload"
      ? {
          text: "Import the .pfx on the load balancer, which terminates TLS for the farm.",
          source: cite(OOS_SOURCES.plan),
        }
      : {
          text: `Import the .pfx into the Local Computer's Personal store on ${names.topology === "single" ? "the server" : "every server of the farm"}; do not bind it in IIS.`,
          command: importPfxCommand(request),
          source: cite(OOS_SOURCES.plan),
        },
    {
      text: "On the first server, create the farm (leave out -EditingEnabled if no SharePoint host edits):",
      command: `Import-Module -Name OfficeWebApps\n${farm}`,
      source: cite(OOS_SOURCES.deploy),
    },
  ];
}

/**
 * The friendly name a new plan starts with: the deployment document's "OfficeWebApps Certificate" and the month,
 * so the copyable New-OfficeWebAppsFarm command names a certificate from the start, and a renewal (every few
 * months now that public certificates last 200 days or less) gets a name of its own, as the farm needs.
 */
export function defaultFriendlyName(now = new Date()): string {
  return `OfficeWebApps Certificate ${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

export const officeOnlineServer: PlannerProfile<OosTopology, OosPlan> = {
  id: "office-online-server",
  intro:
    "Plan the names of the Office Online Server certificate: the farm's internal and external URL FQDNs, and its friendly name.",
  empty: () => ({ internalUrl: "", externalUrl: "", topology: "single", friendlyName: defaultFriendlyName() }),
  example: () => ({
    internalUrl: "server.contoso.com",
    externalUrl: "wacweb01.contoso.com",
    topology: "single",
    friendlyName: "OfficeWebApps Certificate",
  }),
  inputs: [
    {
      kind: "text",
      field: "internalUrl",
      label: "Internal URL FQDN",
      hint: "The farm's -InternalUrl host; the subject name.",
      placeholder: "server.contoso.com",
      get: (t) => t.internalUrl,
      set: (t, v) => ({ ...t, internalUrl: v }),
    },
    {
      kind: "text",
      field: "externalUrl",
      label: "External URL FQDN (optional)",
      hint: "The farm's -ExternalUrl host, reached from the Internet.",
      placeholder: "wacweb01.contoso.com",
      get: (t) => t.externalUrl,
      set: (t, v) => ({ ...t, externalUrl: v }),
    },
    {
      kind: "choice",
      field: "topology",
      label: "Farm",
      options: [
        { value: "single", label: "A single server" },
        {
          value: "offload",
          label: "Load-balanced, SSL offloaded to the load balancer",
          hint: "The certificate goes on the load balancer.",
        },
        {
          value: "each-server",
          label: "Load-balanced, TLS on each server",
          hint: "The certificate goes on every server.",
        },
      ],
      get: (t) => t.topology,
      set: (t, v) => ({ ...t, topology: KINDS.find((k) => k === v) ?? t.topology }),
    },
    {
      kind: "text",
      field: "friendlyName",
      label: "Friendly name",
      hint: "New-OfficeWebAppsFarm -CertificateName selects the certificate by it: keep it unique (the month in the suggested name gives each renewal its own).",
      placeholder: "OfficeWebApps Certificate",
      get: (t) => t.friendlyName,
      set: (t, v) => ({ ...t, friendlyName: v }),
    },
  ],
  plan: planOosNames,
  // The friendly name the admin typed is the one the farm will look for: it replaces the request's.
  apply: (request, names) => ({
    ...applyServerCertificate(request, names, { friendlyName: names.friendlyName, serverAuth: false }),
    friendlyName: names.friendlyName || request.friendlyName,
  }),
  services: {
    internalUrl: "Farm internal URL",
    externalUrl: "Farm external URL",
    topology: "Load balancer",
    friendlyName: "Friendly name",
  },
  nextSteps: oosNextSteps,
  read: (data) => {
    if (!isObj(data)) throw new ShapeError('"topology" has the wrong type.');
    return {
      internalUrl: field(data, "internalUrl", isString),
      externalUrl: field(data, "externalUrl", isString),
      topology: field(data, "topology", oneOf(KINDS)),
      friendlyName: field(data, "friendlyName", isString),
    };
  },
  sources: Object.values(OOS_SOURCES),
};
