/**
 * The files each reverse proxy takes, besides Windows' .pfx: PEM certificates in the order the proxy reads
 * them, and the private key as PKCS #8 "ENCRYPTED PRIVATE KEY" (PBES2, AES-256) under the export password,
 * with the configuration lines that point the proxy at them. Why never a key in the clear: the page's promise
 * is that the key leaves it only encrypted; a proxy that cannot read an encrypted key (HAProxy) is given the
 * one command that decrypts it on the server itself.
 */
import { commandFileStem } from "./file-names";
import type { ExportTarget } from "./export-targets";
import { toPem } from "./pem";

export interface BundleFile {
  name: string;
  content: string;
}

export interface Bundle {
  files: BundleFile[];
  /** Configuration lines for the proxy, pointing at the files (paths as examples). */
  config: string[];
  /** What to do on the server, in order. */
  steps: string[];
}

const certificatePem = (der: Uint8Array) => toPem({ label: "CERTIFICATE", der });

/**
 * The PEM files for a proxy: `leaf` then `chain` (intermediates, and the root only if asked), the key already
 * encrypted (`encryptedKeyPem`). `stem` names the files; it is made safe for every shell, since the steps
 * quote file names in commands the admin runs.
 */
export function pemBundle(params: {
  target: Exclude<ExportTarget, "windows" | "appliance">;
  stem: string;
  leaf: Uint8Array;
  chain: readonly Uint8Array[];
  encryptedKeyPem: string;
}): Bundle {
  const stem = commandFileStem(params.stem, "certificate");
  const leaf = certificatePem(params.leaf);
  const chain = params.chain.map(certificatePem).join("");
  const key = params.encryptedKeyPem;
  switch (params.target) {
    case "nginx":
      return {
        files: [
          { name: `${stem}.fullchain.pem`, content: leaf + chain },
          { name: `${stem}.privkey.pem`, content: key },
        ],
        config: [
          `ssl_certificate     /etc/nginx/ssl/${stem}.fullchain.pem;`,
          `ssl_certificate_key /etc/nginx/ssl/${stem}.privkey.pem;`,
          `ssl_password_file   /etc/nginx/ssl/${stem}.pass;`,
        ],
        steps: [
          `Copy both files to /etc/nginx/ssl/, and put the export password alone on the one line of /etc/nginx/ssl/${stem}.pass (chmod 600, owned by root).`,
          "Add the lines below to the server block, then run nginx -t and reload nginx.",
        ],
      };
    case "apache":
      return {
        files: [
          { name: `${stem}.crt.pem`, content: leaf },
          { name: `${stem}.chain.pem`, content: chain },
          { name: `${stem}.key.pem`, content: key },
        ],
        config: [
          `SSLCertificateFile      /etc/ssl/${stem}.crt.pem`,
          `SSLCertificateChainFile /etc/ssl/${stem}.chain.pem`,
          `SSLCertificateKeyFile   /etc/ssl/${stem}.key.pem`,
          `SSLPassPhraseDialog     exec:/etc/ssl/${stem}.pass.sh`,
        ],
        steps: [
          "Copy the three files to /etc/ssl/.",
          `Write /etc/ssl/${stem}.pass.sh (chmod 700, owned by root) to print the export password: #!/bin/sh, then echo 'the password'.`,
          "Add the lines below to the VirtualHost (SSLPassPhraseDialog in the server config), then run apachectl configtest and reload.",
        ],
      };
    case "haproxy":
      return {
        files: [{ name: `${stem}.haproxy.pem`, content: key + leaf + chain }],
        config: [`bind :443 ssl crt /etc/haproxy/certs/${stem}.pem`],
        steps: [
          `HAProxy cannot read an encrypted key, and this page never writes one in the clear: on the server, run openssl pkey -in ${stem}.haproxy.pem -out /etc/haproxy/certs/${stem}.pem (it asks for the export password), then sed -n '/BEGIN CERTIFICATE/,/END CERTIFICATE/p' ${stem}.haproxy.pem >> /etc/haproxy/certs/${stem}.pem, and chmod 600 it.`,
          "Point the frontend's bind line at it as below, then check with haproxy -c -f /etc/haproxy/haproxy.cfg and reload.",
        ],
      };
  }
}
