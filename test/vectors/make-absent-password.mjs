// Writes windows-absent-password.pfx: the fixed key (rsa2048.pk8.pem) and certificate (webext.crt) in the
// layout Windows' export wizard writes when its password box is left EMPTY: the MAC and both encryptions are
// keyed with the ABSENT password, a zero-length input to the PKCS #12 KDF, not with the two zero bytes of an
// empty BMPString (which is what `openssl pkcs12 -export -passout pass:` writes; see windows-empty-password.pfx).
// TripleDES-SHA1 key and certificate bags at 2000 iterations, SHA-1 MAC at 2000 iterations, 20-byte salts,
// localKeyId 01 00 00 00, CSP name "Microsoft RSA SChannel Cryptographic Provider" on the key bag and friendly
// name "webext.contoso.com" on the certificate bag. Password: none (type nothing; OpenSSL: -passin pass:).
//
// Usage, from test/vectors/:  node make-absent-password.mjs
//                             node make-absent-password.mjs --check FILE [PASSWORD...]
// The second form prints which password form keys FILE's MAC: absent, empty (00 00) or a given password.
import { readFileSync, writeFileSync } from "node:fs";
import { buildPfx, certificateBag, macPasswordForms, shroudedKeyBag } from "./pfx-builder.mjs";

const args = process.argv.slice(2);
if (args[0] === "--check") {
  const [file, ...passwords] = args.slice(1);
  const forms = macPasswordForms(readFileSync(file), passwords);
  console.log(`${file}: MAC keyed with ${forms.length ? forms.join(", ") : "none of the forms tried"}`);
  process.exit(forms.length && !forms[0].startsWith("not checked") ? 0 : 1);
}

const localKeyId = "\x01\x00\x00\x00";
const password = null; // absent
const pfx = buildPfx({
  password,
  keyBags: [
    shroudedKeyBag({
      privateKeyPem: readFileSync("rsa2048.pk8.pem", "utf8"),
      password,
      iterations: 2000,
      attributes: { localKeyId, cspName: "Microsoft RSA SChannel Cryptographic Provider" },
    }),
  ],
  certBags: [
    certificateBag({
      certificatePem: readFileSync("webext.crt", "utf8"),
      attributes: { localKeyId, friendlyName: "webext.contoso.com" },
    }),
  ],
});
writeFileSync("windows-absent-password.pfx", pfx);
console.log(`windows-absent-password.pfx: MAC keyed with ${macPasswordForms(pfx).join(", ")}`);
