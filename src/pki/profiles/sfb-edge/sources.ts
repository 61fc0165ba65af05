/** The Microsoft documents the Skype for Business Edge profiles follow, each cited by the findings built on it. */
import type { ProfileSource } from "../framework";

/** The Edge Certificate table (SN, SAN/order), the XMPP entries, same certificate and key on every Edge, pool size. */
export const EDGE_REQUIREMENTS: ProfileSource = {
  title: "Edge Server environmental requirements in Skype for Business Server (Certificate planning)",
  url: "https://learn.microsoft.com/en-us/skypeforbusiness/plan-your-deployment/edge-server-deployments/edge-environmental-requirements",
};
/** Explicit subject, the access Edge FQDN repeated in the SAN ("TLS ignores the subject name"), A/V Edge unused, exportable key. */
export const LYNC_EXTERNAL_ACCESS: ProfileSource = {
  title: "Certificate requirements for external user access in Lync Server 2013",
  url: "https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/lync-server-2013-certificate-requirements-for-external-user-access",
};
/** Server EKU on every server certificate; RSASSA-PSS unsupported; key lengths. */
export const SFB2015_ENVIRONMENT: ProfileSource = {
  title: "Environmental requirements for Skype for Business Server 2015 (Certificates)",
  url: "https://learn.microsoft.com/en-us/skypeforbusiness/plan-your-deployment/requirements-for-your-environment/environmental-requirements",
};
/** XMPP federation's SAN as Lync Server 2013 listed it: the XMPP domain itself (contoso.com). */
export const LYNC_XMPP_SUMMARY: ProfileSource = {
  title: "Certificate summary - SIP, XMPP federation, and public instant messaging in Lync Server 2013",
  url: "https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/lync-server-2013-certificate-summary-sip-xmpp-federation-and-public-instant-messaging",
};
/** -Type, -Output, -ClientEKU (AOL only), -PrivateKeyExportable, -DomainName (one comma-separated string); Examples 6 and 7. */
export const REQUEST_CSCERTIFICATE: ProfileSource = {
  title: "Request-CsCertificate",
  url: "https://learn.microsoft.com/en-us/powershell/module/skypeforbusiness/request-cscertificate",
};
export const SET_CSCERTIFICATE: ProfileSource = {
  title: "Set-CsCertificate",
  url: "https://learn.microsoft.com/en-us/powershell/module/skypeforbusiness/set-cscertificate",
};
/** A note Microsoft merged into the Skype for Business Server docs: Skype for Business Server 2015 does not support CNG certificates. */
export const CNG_NOTE: ProfileSource = {
  title: "Note regarding CNG certs not being supported (MicrosoftDocs/OfficeDocs-SkypeForBusiness pull request 3861)",
  url: "https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness/pull/3861",
};
