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
  steps: BundleStep[];
}

/** One step on the server: what to do, and the shell commands that do it (shown apart, each block with Copy). */
export interface BundleStep {
  say: string;
  /** Lines to run in a shell on the server, in order; file names in them need no quoting (commandFileStem). */
  run?: string[];
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
          {
            say: `Copy both files to /etc/nginx/ssl/, and put the export password alone on the one line of ${stem}.pass there, readable by root only:`,
            run: [`cd /etc/nginx/ssl && (umask 077 && cat > ${stem}.pass)`, `chmod 600 ${stem}.privkey.pem`],
          },
          {
            say: "Add the configuration lines below to the server block, then check them and reload:",
            run: ["nginx -t && nginx -s reload"],
          },
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
          { say: "Copy the three files to /etc/ssl/." },
          {
            say: `Write ${stem}.pass.sh there, owned by root and runnable by root only, to print the export password: its lines are #!/bin/sh, then echo 'the password'.`,
            run: [`chmod 700 /etc/ssl/${stem}.pass.sh`, `chmod 600 /etc/ssl/${stem}.key.pem`],
          },
          {
            say: "Add the configuration lines below to the VirtualHost (SSLPassPhraseDialog in the server config), then check them and reload:",
            run: ["apachectl configtest && apachectl graceful"],
          },
        ],
      };
    case "haproxy":
      return {
        files: [{ name: `${stem}.haproxy.pem`, content: key + leaf + chain }],
        config: [`bind :443 ssl crt /etc/haproxy/certs/${stem}.pem`],
        steps: [
          {
            say: "HAProxy cannot read an encrypted key, and this page never writes one in the clear: on the server, in the folder holding the file, decrypt the key into HAProxy's file (openssl asks for the export password), readable by root only, then add the certificates after it:",
            run: [
              `(umask 077 && openssl pkey -in ${stem}.haproxy.pem -out /etc/haproxy/certs/${stem}.pem)`,
              `sed -n '/BEGIN CERTIFICATE/,/END CERTIFICATE/p' ${stem}.haproxy.pem >> /etc/haproxy/certs/${stem}.pem`,
            ],
          },
          {
            say: "Point the frontend's bind line at it as below, then check the configuration and reload:",
            run: ["haproxy -c -f /etc/haproxy/haproxy.cfg && systemctl reload haproxy"],
          },
        ],
      };
  }
}
