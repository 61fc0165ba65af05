// Writes the .pfx vectors OpenSSL's command line cannot shape, with pfx-builder.mjs (node-forge). From
// test/vectors/:  node make-forge-pfx.mjs
//
// windows-container-name.pfx (password Test1234!): the fixed key and webext.crt as Windows exports a key made
//   by the Certificates snap-in: the KEY bag's friendlyName is the key container name
//   "te-WebServer-3f2a8c1e-5b7d-4e9a-9c61-0d2e4f6a8b10" with CSP name "Microsoft RSA SChannel Cryptographic
//   Provider", and the CERTIFICATE bag carries the name the admin sees, "webext.contoso.com 2026".
//   (`openssl pkcs12 -export -name` gives both bags the same name.) TripleDES-SHA1 bags, SHA-1 MAC, 2000 each.
//
// Hostile files for the reader's KDF caps; all use the password Test1234! and look valid to a parser:
//   hostile-mac-10m.pfx    MAC iteration count 10,000,000 and a WRONG (random) MAC; the key and certificate
//                          bags are real (2000 iterations). A reader must refuse before running 10M rounds.
//   hostile-3bags-1m.pfx   a correct MAC (2000 iterations), then three shrouded key bags at 1,000,000
//                          iterations each whose ciphertext is random bytes (3M rounds in total to find out).
//   hostile-20bags.pfx     a correct MAC (2000 iterations), then 20 shrouded key bags at 100,000 iterations
//                          each, random ciphertext (2M rounds in total), plus the real certificate bag.
// Making them is instant: the random bags derive nothing, and the 10M MAC is never computed.
import { readFileSync, writeFileSync } from "node:fs";
import { buildPfx, certificateBag, macPasswordForms, shroudedKeyBag } from "./pfx-builder.mjs";

const password = "Test1234!";
const privateKeyPem = readFileSync("rsa2048.pk8.pem", "utf8");
const certificatePem = readFileSync("webext.crt", "utf8");
const localKeyId = "\x01\x00\x00\x00";
const cspName = "Microsoft RSA SChannel Cryptographic Provider";

const realKeyBag = (friendlyName) =>
  shroudedKeyBag({ privateKeyPem, password, iterations: 2000, attributes: { friendlyName, localKeyId, cspName } });
const hostileKeyBag = (iterations, i) =>
  shroudedKeyBag({
    password,
    iterations,
    randomCiphertext: true,
    attributes: { friendlyName: `hostile bag ${i + 1}`, localKeyId: String.fromCharCode(i + 2, 0, 0, 0) },
  });
const certBag = (friendlyName) => certificateBag({ certificatePem, attributes: { friendlyName, localKeyId } });

const files = {
  "windows-container-name.pfx": buildPfx({
    password,
    keyBags: [realKeyBag("te-WebServer-3f2a8c1e-5b7d-4e9a-9c61-0d2e4f6a8b10")],
    certBags: [certBag("webext.contoso.com 2026")],
  }),
  "hostile-mac-10m.pfx": buildPfx({
    password,
    keyBags: [realKeyBag("hostile MAC")],
    certBags: [certBag("hostile MAC")],
    mac: { iterations: 10_000_000, wrong: true },
  }),
  "hostile-3bags-1m.pfx": buildPfx({
    password,
    keyBags: [0, 1, 2].map((i) => hostileKeyBag(1_000_000, i)),
    certBags: [],
  }),
  "hostile-20bags.pfx": buildPfx({
    password,
    keyBags: Array.from({ length: 20 }, (_, i) => hostileKeyBag(100_000, i)),
    certBags: [certBag("hostile 20 bags")],
  }),
};
for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(name, bytes);
  console.log(`${name}: ${bytes.length} bytes, MAC keyed with ${macPasswordForms(bytes, [password]).join(", ")}`);
}
