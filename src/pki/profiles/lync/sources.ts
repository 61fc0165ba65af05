/** The Microsoft documents the reverse proxy's rules come from (shared/docs/reverse-proxy-names.md). */
import type { ProfileSource } from "../framework";

export const REVERSE_PROXY_ARTICLE: ProfileSource = {
  title: "Request and Configure a Certificate for Your Reverse HTTP Proxy (Lync Server 2013)",
  url: "https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/lync-server-2013-request-and-configure-a-certificate-for-your-reverse-http-proxy",
};
export const REVERSE_PROXY_SUMMARY: ProfileSource = {
  title: "Certificate summary - Reverse proxy in Lync Server 2013",
  url: "https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/lync-server-2013-certificate-summary-reverse-proxy",
};
export const SIMPLE_URLS: ProfileSource = {
  title: "Planning for simple URLs in Lync Server 2013",
  url: "https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/lync-server-2013-planning-for-simple-urls",
};
export const WILDCARDS: ProfileSource = {
  title: "Wildcard certificate support in Lync Server 2013",
  url: "https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/lync-server-2013-wildcard-certificate-support",
};
/** Cited without an address: the Lync Server 2010 document the publishing rules follow. */
export const REVERSE_PROXY_PUBLISHING_TITLE = "Reverse Proxy Publishing (Lync Server 2010)";
