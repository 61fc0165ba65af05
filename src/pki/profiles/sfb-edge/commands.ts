/**
 * The steps after issue and the native request, as Microsoft documents them (Set-CsCertificate,
 * Request-CsCertificate): every value a PowerShell single-quoted string (psQuote), so nothing typed can end it.
 */
import { requestFileName, type RequestPlan } from "../../request";
import { CLIENT_AUTH } from "../../usages";
import { cite, psQuote, type NamesPlan, type NextStep } from "../framework";
import { EDGE_REQUIREMENTS, REQUEST_CSCERTIFICATE, SET_CSCERTIFICATE } from "./sources";

export const EXTERNAL_TYPES = "AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication";
export const INTERNAL_TYPES = "Internal";
/** Where Request-CsCertificate's Example 3 writes its offline request. */
const OUTPUT_FOLDER = "C:\\Certificates";

/** Finds the newest certificate with this friendly name in the computer store and assigns it to the types. */
export function setCsCertificateCommand(types: string, friendlyName: string): string {
  return (
    `$thumbprint = (Get-ChildItem -Path Cert:\\LocalMachine\\My | Where-Object FriendlyName -eq ${psQuote(friendlyName)} | ` +
    `Sort-Object NotAfter | Select-Object -Last 1).Thumbprint; ` +
    `Set-CsCertificate -Type ${types} -Thumbprint $thumbprint`
  );
}

/**
 * Request-CsCertificate as its reference page writes it: -New -Type, an offline request with -Output,
 * -ClientEKU and -PrivateKeyExportable as Booleans, -DomainName as one comma-separated string of the SAN's FQDNs
 * (Examples 6 and 7), -FriendlyName, -KeySize (1024, 2048 or 4096).
 */
export function requestCsCertificateCommand(params: {
  types: string;
  names: readonly string[];
  request: RequestPlan;
  exportable: boolean;
}): string {
  const { request } = params;
  const output = `${OUTPUT_FOLDER}\\${requestFileName(request)}`;
  const clientEku = request.extendedKeyUsage.includes(CLIENT_AUTH) ? "$true" : "$false";
  const keySize = [2048, 4096].includes(request.key.rsaKeySize) ? ` -KeySize ${request.key.rsaKeySize}` : "";
  return (
    `New-Item -ItemType Directory -Force -Path ${psQuote(OUTPUT_FOLDER)} | Out-Null; ` +
    `Request-CsCertificate -New -Type ${params.types} -Output ${psQuote(output)} -ClientEKU ${clientEku} ` +
    `-PrivateKeyExportable ${params.exportable ? "$true" : "$false"} -DomainName ${psQuote(params.names.join(","))} ` +
    `-FriendlyName ${psQuote(request.friendlyName)}${keySize}`
  );
}

/** After issue: the same .pfx on every Edge Server, Set-CsCertificate for the three external types, and the native request. */
export function externalNextSteps(names: NamesPlan & { poolSize: number | null }, request: RequestPlan): NextStep[] {
  const pool =
    names.poolSize && names.poolSize > 1 ? `every Edge Server in the pool (${names.poolSize})` : "the Edge Server";
  return [
    {
      text: `Once issued: complete the request, export the certificate with its private key as a .pfx, and import that same .pfx on ${pool}: Access Edge, Web Conferencing Edge and A/V Authentication need the same certificate and private key on all of them.`,
      source: cite(EDGE_REQUIREMENTS),
    },
    {
      text: "Assign it on each Edge Server: in the Skype for Business Server Deployment Wizard's Request, Install or Assign Certificates step (External Edge certificate), or in the Skype for Business Server Management Shell:",
      command: setCsCertificateCommand(EXTERNAL_TYPES, request.friendlyName),
      source: cite(SET_CSCERTIFICATE, EDGE_REQUIREMENTS),
    },
    {
      text: "Or make the request on the Edge Server itself (it reads the topology, and -DomainName adds these alternative names):",
      command: requestCsCertificateCommand({
        types: EXTERNAL_TYPES,
        names: names.names.map((n) => n.name),
        request,
        exportable: true,
      }),
      source: cite(REQUEST_CSCERTIFICATE),
    },
  ];
}

/** After issue: Set-CsCertificate -Type Internal, and the native request as Request-CsCertificate's Example 6 makes it. */
export function internalNextSteps(names: NamesPlan, request: RequestPlan): NextStep[] {
  return [
    {
      text: "Once issued: complete the request on the Edge Server (or import the .pfx there), then assign it to the Edge internal interface in the Deployment Wizard's Request, Install or Assign Certificates step, or in the Skype for Business Server Management Shell:",
      command: setCsCertificateCommand(INTERNAL_TYPES, request.friendlyName),
      source: cite(SET_CSCERTIFICATE),
    },
    {
      text: "Or make the request on the Edge Server itself, as Request-CsCertificate's internal Edge example does:",
      command: requestCsCertificateCommand({
        types: INTERNAL_TYPES,
        names: names.names.map((n) => n.name),
        request,
        exportable: true,
      }),
      source: cite(REQUEST_CSCERTIFICATE),
    },
  ];
}
