/**
 * The AD FS and Web Application Proxy profile: from a federation service name, the user-certificate and device
 * registration options and the UPN suffixes to the names of the one TLS/SSL certificate every federation
 * server and every WAP presents (Microsoft, "AD FS Requirements", certificate requirements).
 */
import { field, isBoolean, isObj, isString, isStringArray, ShapeError } from "../shape";
import { cite, type PlannerProfile } from "./framework";
import { ADFS_SOURCES, planAdfsNames, type AdfsPlan, type AdfsTopology } from "./windows-server/adfs-plan";
import { applyServerCertificate, importPfxCommand, thumbprintCommand } from "./windows-server/common";

export {
  ADFS_SOURCES,
  planAdfsNames,
  type AdfsField,
  type AdfsPlan,
  type AdfsTopology,
} from "./windows-server/adfs-plan";

const lines = (t: AdfsTopology) => t.upnSuffixes;

export const adfs: PlannerProfile<AdfsTopology, AdfsPlan> = {
  id: "adfs",
  intro:
    "Plan the names of the AD FS TLS/SSL certificate: the federation service name, certauth for user certificates on 443, and enterpriseregistration for each UPN suffix.",
  empty: () => ({
    federationServiceName: "",
    certAuth443: false,
    deviceRegistration: false,
    upnSuffixes: [""],
    wildcardRegistration: false,
    wap: true,
  }),
  example: () => ({
    federationServiceName: "fs.contoso.com",
    certAuth443: true,
    deviceRegistration: true,
    upnSuffixes: ["contoso.com"],
    wildcardRegistration: false,
    wap: true,
  }),
  inputs: [
    {
      kind: "text",
      field: "federationServiceName",
      label: "Federation service name",
      placeholder: "fs.contoso.com",
      get: (t) => t.federationServiceName,
      set: (t, v) => ({ ...t, federationServiceName: v }),
    },
    {
      kind: "flag",
      field: "certAuth443",
      label: "Users sign in with certificates on port 443",
      hint: "Adds certauth.<federation service name>. Without it, AD FS uses port 49443 for user certificates.",
      get: (t) => t.certAuth443,
      set: (t, v) => ({ ...t, certAuth443: v }),
    },
    {
      kind: "flag",
      field: "deviceRegistration",
      label: "Device registration (or modern authentication from clients before Windows 10)",
      get: (t) => t.deviceRegistration,
      set: (t, v) => ({ ...t, deviceRegistration: v }),
      inside: [
        {
          kind: "lines",
          field: "upnSuffixes",
          label: "UPN suffixes in use",
          hint: "One a line: each adds enterpriseregistration.<suffix>.",
          rows: 3,
          placeholder: "contoso.com",
          get: lines,
          set: (t, v) => ({ ...t, upnSuffixes: v }),
        },
        {
          kind: "flag",
          field: "wildcardRegistration",
          label: "One wildcard per UPN suffix in place of enterpriseregistration",
          get: (t) => t.wildcardRegistration,
          set: (t, v) => ({ ...t, wildcardRegistration: v }),
        },
      ],
    },
    {
      kind: "flag",
      field: "wap",
      label: "Web Application Proxy publishes AD FS",
      get: (t) => t.wap,
      set: (t, v) => ({ ...t, wap: v }),
    },
  ],
  plan: planAdfsNames,
  apply: (request, names) =>
    applyServerCertificate(request, names, { friendlyName: "AD FS TLS/SSL certificate", serverAuth: true }),
  services: {
    federationServiceName: "Federation service",
    certAuth443: "User certificate authentication",
    deviceRegistration: "Device registration",
    wildcardRegistration: "Device registration (wildcard)",
    upnSuffixes: "UPN suffixes",
    wap: "Web Application Proxy",
  },
  nextSteps: (names, request) => {
    const certauth = names.names.some((n) => n.source === "certAuth443");
    const wap = names.findings.some((f) => f.id === "same-certificate-and-key" && f.field === "wap");
    return [
      {
        text: "Import the .pfx into the Local Computer's Personal store on every AD FS server and every WAP.",
        command: importPfxCommand(request),
        source: cite(ADFS_SOURCES.manage),
      },
      certauth
        ? {
            text: "On the primary AD FS server (alternate TLS client binding mode, certauth on 443): set the certificate for every binding.",
            command: `${thumbprintCommand(request)}\nSet-AdfsAlternateTlsClientBinding -Thumbprint $thumbprint`,
            source: cite(ADFS_SOURCES.manage),
          }
        : {
            text: "On the primary AD FS server: set the TLS/SSL certificate of the farm.",
            command: `${thumbprintCommand(request)}\nSet-AdfsSslCertificate -Thumbprint $thumbprint`,
            source: cite(ADFS_SOURCES.manage),
          },
      ...(wap
        ? [
            {
              text: "On each Web Application Proxy server:",
              command: `${thumbprintCommand(request)}\nSet-WebApplicationProxySslCertificate -Thumbprint $thumbprint`,
              source: cite(ADFS_SOURCES.manage),
            },
          ]
        : []),
    ];
  },
  read: (data) => {
    if (!isObj(data)) throw new ShapeError('"topology" has the wrong type.');
    return {
      federationServiceName: field(data, "federationServiceName", isString),
      certAuth443: field(data, "certAuth443", isBoolean),
      deviceRegistration: field(data, "deviceRegistration", isBoolean),
      upnSuffixes: field(data, "upnSuffixes", isStringArray),
      wildcardRegistration: field(data, "wildcardRegistration", isBoolean),
      wap: field(data, "wap", isBoolean),
    };
  },
  sources: Object.values(ADFS_SOURCES),
};
