#!/usr/bin/env bash
# .pfx files shaped as Windows writes them, and hostile ones for the reader's KDF caps, from the fixed key
# (rsa2048.pk8.pem) and certificate (webext.crt) that make.sh wrote. Run from this folder; OpenSSL 3 and node
# (node-forge from the project's node_modules). Every file is checked with openssl below.
#
#   windows-empty-password.pfx   password: empty, encoded as an empty BMPString (the two bytes 00 00), which is
#                                what `openssl pkcs12 -export -passout pass:` writes. TripleDES-SHA1 key and
#                                certificate bags, SHA-1 MAC, 2000 iterations (as Windows' TripleDES-SHA1 profile).
#   windows-absent-password.pfx  password: none, the ABSENT password (zero-length input to the PKCS #12 KDF) for
#                                the MAC and both encryptions, as Windows writes when the password is left empty.
#                                OpenSSL cannot write this; make-absent-password.mjs does (node-forge).
#   windows-container-name.pfx   password: Test1234!. Key bag friendlyName = key container name
#                                te-WebServer-3f2a8c1e-5b7d-4e9a-9c61-0d2e4f6a8b10 plus CSP name "Microsoft RSA
#                                SChannel Cryptographic Provider"; certificate bag friendlyName
#                                "webext.contoso.com 2026" (make-forge-pfx.mjs).
#   hostile-mac-10m.pfx          password: Test1234!. MAC iterations 10,000,000 and a wrong MAC.
#   hostile-3bags-1m.pfx         password: Test1234!. Valid MAC (2000); three shrouded key bags at 1,000,000
#                                iterations each, random ciphertext.
#   hostile-20bags.pfx           password: Test1234!. Valid MAC (2000); 20 shrouded key bags at 100,000
#                                iterations each, random ciphertext, plus the real certificate bag.
#
# OpenSSL opens an empty-password file by trying the ABSENT password first and then the empty BMPString
# (apps/pkcs12.c: "If we enter empty password try no password first"), so `-passin pass:` opens both
# windows-*-password.pfx files; `node make-absent-password.mjs --check FILE` tells which form keys the MAC.
set -euo pipefail
KEY=rsa2048.pk8.pem
CERT=webext.crt
fail() { echo "make-windows-pfx.sh: $*" >&2; exit 1; }
modulus_of_pfx() { openssl pkcs12 -nocerts -nodes -passin "pass:$2" -in "$1" 2>/dev/null | openssl rsa -noout -modulus; }
CERT_MODULUS=$(openssl x509 -in "$CERT" -noout -modulus)

# 1. Empty password as an empty BMPString (00 00).
openssl pkcs12 -export -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 -iter 2000 \
  -inkey "$KEY" -in "$CERT" -name 'webext.contoso.com' -CSP 'Microsoft RSA SChannel Cryptographic Provider' -keyex \
  -passout pass: -out windows-empty-password.pfx
info=$(openssl pkcs12 -info -noout -passin pass: -in windows-empty-password.pfx 2>&1)
grep -q 'MAC: sha1, Iteration 2000' <<<"$info" || fail "windows-empty-password.pfx: MAC is not SHA-1 / 2000"
[ "$(grep -c 'pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2000' <<<"$info")" = 2 ] ||
  fail "windows-empty-password.pfx: bags are not TripleDES-SHA1 / 2000"
node make-absent-password.mjs --check windows-empty-password.pfx | grep -q 'MAC keyed with empty$' ||
  fail "windows-empty-password.pfx: MAC is not keyed with the empty BMPString"
[ "$(modulus_of_pfx windows-empty-password.pfx '')" = "$CERT_MODULUS" ] || fail "windows-empty-password.pfx: key"

# 2. Absent password (node-forge).
node make-absent-password.mjs
info=$(openssl pkcs12 -info -noout -passin pass: -in windows-absent-password.pfx 2>&1)
grep -q 'MAC: sha1, Iteration 2000' <<<"$info" || fail "windows-absent-password.pfx: MAC is not SHA-1 / 2000"
[ "$(grep -c 'pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2000' <<<"$info")" = 2 ] ||
  fail "windows-absent-password.pfx: bags are not TripleDES-SHA1 / 2000"
node make-absent-password.mjs --check windows-absent-password.pfx | grep -q 'MAC keyed with absent$' ||
  fail "windows-absent-password.pfx: MAC is not keyed with the absent password"
[ "$(modulus_of_pfx windows-absent-password.pfx '')" = "$CERT_MODULUS" ] || fail "windows-absent-password.pfx: key"

# 3 and 4. Container name, and the hostile files (node-forge).
node make-forge-pfx.mjs
info=$(openssl pkcs12 -info -nodes -passin 'pass:Test1234!' -in windows-container-name.pfx 2>&1)
grep -q 'friendlyName: te-WebServer-3f2a8c1e-5b7d-4e9a-9c61-0d2e4f6a8b10' <<<"$info" || fail "container name"
grep -q 'friendlyName: webext.contoso.com 2026' <<<"$info" || fail "certificate friendly name"
grep -q 'Microsoft CSP Name: Microsoft RSA SChannel Cryptographic Provider' <<<"$info" || fail "CSP name"
[ "$(modulus_of_pfx windows-container-name.pfx 'Test1234!')" = "$CERT_MODULUS" ] || fail "windows-container-name.pfx: key"

# The hostile files are checked without running their KDFs: the structure with asn1parse, the iteration counts
# by their DER encodings (INTEGER 10,000,000 = 02 03 98 96 80, 1,000,000 = 02 03 0f 42 40, 100,000 =
# 02 03 01 86 a0; the bags sit inside OCTET STRINGs, which asn1parse does not open), the MAC of the other two
# at its 2000 iterations with node, and hostile-mac-10m.pfx's real bags with `-nomacver`.
count_int() { od -An -v -tx1 "$1" | tr -d ' \n' | grep -o "$2" | wc -l; }
for f in hostile-mac-10m.pfx hostile-3bags-1m.pfx hostile-20bags.pfx; do
  openssl asn1parse -inform DER -in "$f" >/dev/null || fail "$f: not DER"
done
[ "$(openssl asn1parse -inform DER -in hostile-mac-10m.pfx | grep -c 'INTEGER *:989680$')" = 1 ] ||
  fail "hostile-mac-10m.pfx: MAC count"
openssl pkcs12 -info -noout -nomacver -passin 'pass:Test1234!' -in hostile-mac-10m.pfx >/dev/null 2>&1 ||
  fail "hostile-mac-10m.pfx: bags do not open"
[ "$(count_int hostile-3bags-1m.pfx 02030f4240)" = 3 ] || fail "hostile-3bags-1m.pfx: bag counts"
[ "$(count_int hostile-20bags.pfx 02030186a0)" = 20 ] || fail "hostile-20bags.pfx: bag counts"
for f in hostile-3bags-1m.pfx hostile-20bags.pfx; do
  node make-absent-password.mjs --check "$f" 'Test1234!' | grep -q 'MAC keyed with "Test1234!"$' || fail "$f: MAC"
done
echo "make-windows-pfx.sh: all files written and checked"
