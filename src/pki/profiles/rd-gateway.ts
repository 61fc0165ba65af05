/**
 * The Remote Desktop Gateway / Web Access / Connection Broker profile: the public certificate of RD Gateway and
 * RD Web Access, with the broker's name on it or on its own internal certificate (rds-certificates.md).
 */
import { pfxFileName } from "../file-names";
import type { RequestPlan } from "../request";
import { field, isBoolean, isObj, isString, isStringArray, ShapeError } from "../shape";
import { cite, psQuote, type NextStep, type PlannerProfile } from "./framework";
import { applyServerCertificate } from "./windows-server/common";
import {
  planRdGatewayNames,
  RD_SOURCES,
  type RdGatewayPlan,
  type RdGatewayTopology,
} from "./windows-server/rd-gateway-plan";

export {
  planRdGatewayNames,
  RD_SOURCES,
  type RdGatewayField,
  type RdGatewayPlan,
  type RdGatewayTopology,
} from "./windows-server/rd-gateway-plan";

/** The Set-RDCertificate roles this certificate is set for. */
export function rdRoles(names: RdGatewayPlan): string[] {
  const broker = names.names.some((n) => n.source === "connectionBroker");
  return ["RDGateway", "RDWebAccess", ...(broker ? ["RDRedirector", "RDPublishing"] : [])];
}

function rdNextSteps(names: RdGatewayPlan, request: RequestPlan, broker: string | null): NextStep[] {
  const target = broker ? ` -ConnectionBroker ${psQuote(broker)}` : "";
  const roles = rdRoles(names);
  return [
    {
      text: `In Server Manager: Remote Desktop Services → Overview → Tasks → Edit Deployment Properties → Certificates: for ${roles.join(", ")}, Select existing certificate, the .pfx and its password.`,
      source: cite(RD_SOURCES.certificates),
    },
    {
      text: "Or in PowerShell, from the folder holding the .pfx, on a computer with the RDS management tools:",
      command: [
        "$password = Read-Host -AsSecureString -Prompt 'Password of the .pfx'",
        ...roles.map(
          (role) =>
            `Set-RDCertificate -Role ${role} -ImportPath (Join-Path $PWD ${psQuote(pfxFileName(request))}) -Password $password${target} -Force`,
        ),
      ].join("\n"),
      source: cite(RD_SOURCES.setCertificate),
    },
    ...(names.findings.some((f) => f.id === "broker-separate")
      ? [
          {
            text: "Set the broker's internal certificate the same way, for RDRedirector and RDPublishing.",
            source: cite(RD_SOURCES.setCertificate),
          },
        ]
      : []),
    ...(names.findings.some((f) => f.id === "web-client-public-trust")
      ? [
          {
            text: "Export the broker's certificate as a .cer and, on RD Web Access, run Import-RDWebClientBrokerCert with its path.",
            source: cite(RD_SOURCES.webClient),
          },
        ]
      : []),
  ];
}

export const rdGateway: PlannerProfile<RdGatewayTopology, RdGatewayPlan> = {
  id: "rd-gateway",
  intro:
    "Plan the names of the Remote Desktop certificate: the name clients use for RD Gateway and RD Web Access, and the Connection Broker's.",
  empty: () => ({ publicNames: [""], webClient: true, connectionBroker: "", brokerSeparate: true }),
  example: () => ({
    publicNames: ["remote.contoso.com"],
    webClient: true,
    connectionBroker: "hacb.contoso.com",
    brokerSeparate: true,
  }),
  inputs: [
    {
      kind: "lines",
      field: "publicNames",
      label: "Names clients use for RD Gateway and RD Web Access",
      hint: "One a line, often one; the first is the subject name.",
      rows: 2,
      placeholder: "remote.contoso.com",
      get: (t) => t.publicNames,
      set: (t, v) => ({ ...t, publicNames: v }),
    },
    {
      kind: "flag",
      field: "webClient",
      label: "Users connect with the Remote Desktop web client",
      get: (t) => t.webClient,
      set: (t, v) => ({ ...t, webClient: v }),
    },
    {
      kind: "text",
      field: "connectionBroker",
      label: "RD Connection Broker FQDN",
      hint: "The internal name, or the high-availability DNS name.",
      placeholder: "hacb.contoso.com",
      get: (t) => t.connectionBroker,
      set: (t, v) => ({ ...t, connectionBroker: v }),
    },
    {
      kind: "flag",
      field: "brokerSeparate",
      label: "The Connection Broker gets its own certificate from your internal CA",
      get: (t) => t.brokerSeparate,
      set: (t, v) => ({ ...t, brokerSeparate: v }),
    },
  ],
  plan: planRdGatewayNames,
  apply: (request, names) =>
    applyServerCertificate(request, names, { friendlyName: "Remote Desktop Services", serverAuth: true }),
  services: {
    publicNames: "RD Gateway and RD Web Access",
    connectionBroker: "RD Connection Broker",
    webClient: "Remote Desktop web client",
    brokerSeparate: "Broker certificate",
  },
  nextSteps: (names, request) => rdNextSteps(names, request, names.broker),
  read: (data) => {
    if (!isObj(data)) throw new ShapeError('"topology" has the wrong type.');
    return {
      publicNames: field(data, "publicNames", isStringArray),
      webClient: field(data, "webClient", isBoolean),
      connectionBroker: field(data, "connectionBroker", isString),
      brokerSeparate: field(data, "brokerSeparate", isBoolean),
    };
  },
  sources: Object.values(RD_SOURCES),
};
