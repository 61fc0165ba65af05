/**
 * The Skype for Business Server Edge profiles (2015, 2019, Subscription Edition): the external certificate
 * (Access Edge, Web Conferencing Edge, A/V Authentication; public CA) and the internal one (Edge internal
 * interface; internal CA expected), from Microsoft's "Edge Server environmental requirements" (Edge Certificate
 * table) and Lync Server 2013's "Certificate requirements for external user access".
 */
import type { RequestPlan } from "../request";
import { SERVER_AUTH } from "../usages";
import { namesInto, versionChoice, type NamesPlan, type PlannerProfile } from "./framework";
import { externalNextSteps, internalNextSteps } from "./sfb-edge/commands";
import {
  externalEmpty,
  externalExample,
  planEdgeExternal,
  readEdgeExternal,
  SFB_VERSIONS,
  type EdgeExternalPlan,
  type EdgeExternalTopology,
} from "./sfb-edge/external";
import {
  internalEmpty,
  internalExample,
  planEdgeInternal,
  readEdgeInternal,
  type EdgeInternalPlan,
  type EdgeInternalTopology,
} from "./sfb-edge/internal";
import {
  CNG_NOTE,
  EDGE_REQUIREMENTS,
  LYNC_EXTERNAL_ACCESS,
  LYNC_XMPP_SUMMARY,
  REQUEST_CSCERTIFICATE,
  SET_CSCERTIFICATE,
  SFB2015_ENVIRONMENT,
} from "./sfb-edge/sources";

export * from "./sfb-edge/external";
export * from "./sfb-edge/internal";

/**
 * Subject, names, usages and key as Microsoft asks of every Skype for Business server certificate: key usage
 * Digital signature + Key encipherment; an RSA 2048 legacy (CryptoAPI) key with key spec Exchange, since
 * Skype for Business Server 2015 does not support CNG keys; PKCS #1 v1.5, since RSASSA-PSS is unsupported.
 * Extended Key Usage: Server Authentication is added when missing, because "all server certificates must support
 * server authorization (Server EKU)"; everything else (Client Authentication above all) is left as the plan has
 * it, since its default follows where the request goes (usages.ts) and Microsoft asks for it only for AOL.
 */
function applyEdge(request: RequestPlan, names: NamesPlan, friendlyName: string): RequestPlan {
  return {
    ...namesInto(request, names),
    friendlyName: request.friendlyName || friendlyName,
    template: "legacy",
    keyUsage: ["digitalSignature", "keyEncipherment"],
    keyUsageCritical: true,
    extendedKeyUsage: request.extendedKeyUsage.includes(SERVER_AUTH)
      ? request.extendedKeyUsage
      : [SERVER_AUTH, ...request.extendedKeyUsage],
    key: { ...request.key, algorithm: "rsa", rsaKeySize: 2048, keySpec: "exchange", alternateSignature: false },
  };
}

export const sfbEdgeExternal: PlannerProfile<EdgeExternalTopology, EdgeExternalPlan> = {
  id: "sfb-edge-external",
  intro:
    "Type your Edge Servers' external names as Topology Builder has them: the planner lists the subject and alternative names of the external Edge certificate, with the reason for each.",
  empty: externalEmpty,
  example: externalExample,
  inputs: [
    versionChoice("Skype for Business Server version", SFB_VERSIONS),
    {
      kind: "text",
      field: "accessEdge",
      label: "Access Edge external FQDN",
      hint: "The subject name; with a hardware load balancer, the Access Edge VIP's FQDN.",
      placeholder: "sip.contoso.com",
      get: (t) => t.accessEdge,
      set: (t, accessEdge) => ({ ...t, accessEdge }),
    },
    {
      kind: "text",
      field: "webConferencing",
      label: "Web Conferencing Edge external FQDN",
      placeholder: "webcon.contoso.com",
      get: (t) => t.webConferencing,
      set: (t, webConferencing) => ({ ...t, webConferencing }),
    },
    {
      kind: "text",
      field: "avEdge",
      label: "A/V Edge external FQDN (optional)",
      hint: "Asked only to check it: the A/V Edge service uses no name of this certificate, so it is not added.",
      placeholder: "av.contoso.com",
      get: (t) => t.avEdge,
      set: (t, avEdge) => ({ ...t, avEdge }),
    },
    {
      kind: "lines",
      field: "sipDomains",
      label: "SIP domains",
      hint: "One a line, the default first: each adds sip.<domain>.",
      rows: 3,
      placeholder: "contoso.com\nfabrikam.com",
      get: (t) => t.sipDomains,
      set: (t, sipDomains) => ({ ...t, sipDomains }),
    },
    {
      kind: "flag",
      field: "xmpp",
      label: "XMPP federation",
      hint: "Skype for Business Server 2015 only: adds xmpp.<domain> and *.<domain>.",
      shownWhen: (t) => t.version === "2015",
      get: (t) => t.xmpp,
      set: (t, xmpp) => ({ ...t, xmpp }),
      inside: [
        {
          kind: "lines",
          field: "xmppDomains",
          label: "XMPP domains (optional)",
          hint: "One a line; left empty, the first SIP domain.",
          rows: 2,
          placeholder: "contoso.com",
          shownWhen: (t) => t.version === "2015" && t.xmpp,
          get: (t) => t.xmppDomains,
          set: (t, xmppDomains) => ({ ...t, xmppDomains }),
        },
      ],
    },
    {
      kind: "text",
      field: "poolSize",
      label: "Edge Servers in the pool",
      hint: "Each one gets the same certificate and private key.",
      placeholder: "1",
      get: (t) => t.poolSize,
      set: (t, poolSize) => ({ ...t, poolSize }),
    },
  ],
  plan: planEdgeExternal,
  apply: (request, names) => applyEdge(request, names, "Skype for Business Edge external"),
  services: {
    accessEdge: "Access Edge (remote sign-in, federation)",
    webConferencing: "Web Conferencing Edge",
    sipDomains: "SIP domain (client auto-configuration, federation)",
    xmpp: "XMPP federation (2015)",
    xmppDomains: "XMPP federation (2015)",
  },
  nextSteps: externalNextSteps,
  read: readEdgeExternal,
  sources: [
    EDGE_REQUIREMENTS,
    LYNC_EXTERNAL_ACCESS,
    SFB2015_ENVIRONMENT,
    LYNC_XMPP_SUMMARY,
    CNG_NOTE,
    REQUEST_CSCERTIFICATE,
    SET_CSCERTIFICATE,
  ],
};

export const sfbEdgeInternal: PlannerProfile<EdgeInternalTopology, EdgeInternalPlan> = {
  id: "sfb-edge-internal",
  intro:
    "Type the Edge internal interface's FQDN as Topology Builder has it: it is the subject, and the planner puts it in the alternative names too.",
  empty: internalEmpty,
  example: internalExample,
  inputs: [
    {
      kind: "text",
      field: "edgeInternal",
      label: "Edge internal FQDN",
      hint: "With a hardware load balancer, the internal VIP's FQDN.",
      placeholder: "sfbedge.contoso.com",
      get: (t) => t.edgeInternal,
      set: (t, edgeInternal) => ({ ...t, edgeInternal }),
    },
  ],
  plan: planEdgeInternal,
  apply: (request, names) => applyEdge(request, names, "Skype for Business Edge internal"),
  services: { edgeInternal: "Edge internal interface (Front End and Director traffic)" },
  nextSteps: internalNextSteps,
  read: readEdgeInternal,
  sources: [EDGE_REQUIREMENTS, LYNC_EXTERNAL_ACCESS, SFB2015_ENVIRONMENT, REQUEST_CSCERTIFICATE, SET_CSCERTIFICATE],
};
