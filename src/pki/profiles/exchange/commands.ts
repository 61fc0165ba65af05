/**
 * The Exchange Management Shell commands of the next steps, built from psQuote'd parts only (one escaper for the
 * PowerShell grammar, property-tested in exchange.test.ts): the native request, the import and the enabling.
 */
import { fileStem, requestFileName, type RequestPlan } from "../../request";
import { psQuote, type NamesPlan } from "../framework";

/** Where the request file goes when the admin typed no Windows path: New-ExchangeCertificate's own example folder. */
const REQUEST_FOLDER = "C:\\Cert Requests\\";
/** Where the .pfx is read from: Import-ExchangeCertificate's own example folder. */
const PFX_FOLDER = "C:\\Certificates\\";

/** The request file's path on the server: as typed when it is a Windows path, else in the documented folder. */
export function requestPath(request: RequestPlan): string {
  const typed = request.output.fileName.trim();
  return /^([a-z]:\\|\\\\)/i.test(typed) ? typed : REQUEST_FOLDER + requestFileName(request);
}

/** The .pfx's path on the server: the file name Complete gives it, in the documented folder. */
export function pfxPath(request: RequestPlan): string {
  return `${PFX_FOLDER}${fileStem(request)}.pfx`;
}

/**
 * Why the native request's -DomainName lacks the subject: said in the step, so an admin does not add it by hand
 * or think it forgotten (New-ExchangeCertificate, -SubjectName: "the CN value that you specify for SubjectName
 * is automatically included in the DomainName values").
 */
export function subjectIncludedNote(names: NamesPlan): string {
  return names.subject
    ? ` ${names.subject} is in -SubjectName only: New-ExchangeCertificate adds the CN to the -DomainName names (the alternative names) itself.`
    : "";
}

/**
 * The native request, as New-ExchangeCertificate's Example 4 makes it in Exchange 2016, 2019 and SE: the
 * RequestFile parameter was removed by the 2022 H1 Cumulative Updates, so the Base64 request is written with
 * [System.IO.File]::WriteAllBytes. The subject's CN "is automatically included in the DomainName values", so
 * -DomainName lists the other names, as the example does. -PrivateKeyExportable $true, so the certificate can
 * be exported to the other servers that need it.
 */
export function nativeRequestCommand(names: NamesPlan, request: RequestPlan): string {
  const others = names.names.map((n) => n.name).filter((n) => n !== names.subject);
  const parts = ["$txtrequest = New-ExchangeCertificate -GenerateRequest"];
  if (names.subject) parts.push(`-SubjectName ${psQuote(`CN=${names.subject}`)}`);
  if (others.length) parts.push(`-DomainName ${others.map(psQuote).join(",")}`);
  if (request.friendlyName) parts.push(`-FriendlyName ${psQuote(request.friendlyName)}`);
  parts.push("-PrivateKeyExportable $true");
  return [
    parts.join(" "),
    `[System.IO.File]::WriteAllBytes(${psQuote(requestPath(request))}, [System.Text.Encoding]::Unicode.GetBytes($txtrequest))`,
  ].join("\n");
}

/**
 * Import-ExchangeCertificate as documented for Exchange 2016 and later (Example 2: -FileData with ReadAllBytes,
 * since -FileName was removed), the password read as a SecureString (one of the documented -Password forms),
 * the friendly name set so the next command finds the certificate, and the key kept exportable.
 */
export function importCommand(request: RequestPlan): string {
  const friendly = request.friendlyName ? ` -FriendlyName ${psQuote(request.friendlyName)}` : "";
  return [
    "$password = Read-Host 'Enter the .pfx password' -AsSecureString",
    `Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes(${psQuote(pfxPath(request))})) -Password $password${friendly} -PrivateKeyExportable $true`,
  ].join("\n");
}

/** The certificate just imported, found by its (unique) friendly name: its thumbprint is what Enable needs. */
export function findCertificateCommand(request: RequestPlan): string {
  return `$cert = Get-ExchangeCertificate | Where-Object { $_.FriendlyName -eq ${psQuote(request.friendlyName)} }`;
}

/** Enable-ExchangeCertificate -Thumbprint … -Services …: the services are fixed words, never typed text. */
export function enableCommand(services: readonly ("IIS" | "SMTP" | "IMAP" | "POP")[]): string {
  return `Enable-ExchangeCertificate -Thumbprint $cert.Thumbprint -Services ${services.join(",")}`;
}

/** The <I>issuer<S>subject value the hybrid connectors' TlsCertificateName holds (Set-HybridConfiguration). */
export const TLS_CERTIFICATE_NAME_COMMAND = '"<I>$($cert.Issuer)<S>$($cert.Subject)"';
