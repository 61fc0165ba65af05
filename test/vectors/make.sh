#!/usr/bin/env bash
# Remakes the OpenSSL vectors the unit tests read. Run from this folder; OpenSSL 3.
# The committed files were made by exactly these commands (OpenSSL 3.0.19); rerunning makes new keys,
# after which the golden request must be remade too (it is derived from rsa2048.pk8.pem).
set -euo pipefail
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa2048.pk8.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out p256.pk8.pem
# The article's reverse-proxy request, made by OpenSSL from the fixed key: our builder must match it byte for byte.
openssl req -new -key rsa2048.pk8.pem -config reverse-proxy.cnf -sha256 -outform DER -out reverse-proxy.openssl.csr.der
# Encrypted keys as OpenSSL writes them, under the passphrase "correct horse battery staple".
openssl pkcs8 -topk8 -in p256.pk8.pem -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter 2048 \
  -passout pass:'correct horse battery staple' -out p256.aes256-sha256.key.pem
openssl pkcs8 -topk8 -in rsa2048.pk8.pem -v2 aes-128-cbc -v2prf hmacWithSHA1 -iter 1000 \
  -passout pass:'correct horse battery staple' -out rsa2048.aes128-sha1.key.pem
# 3DES, as `openssl pkcs8 -v2 des3` (and older `openssl req -newkey`) writes a key: Complete the request opens it too.
openssl pkcs8 -topk8 -in rsa2048.pk8.pem -v2 des3 -v2prf hmacWithSHA256 -iter 2048 \
  -passout pass:'correct horse battery staple' -out rsa2048.des3-sha256.key.pem
# A certificate for the fixed key, and .pfx files OpenSSL writes from them in both Windows profiles.
openssl req -x509 -new -key rsa2048.pk8.pem -subj /CN=webext.contoso.com -days 36500 -sha256 -out webext.crt
openssl pkcs12 -export -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 -inkey rsa2048.pk8.pem -in webext.crt \
  -name 'Reverse Proxy Listener for Lync Server' -CSP 'Microsoft RSA SChannel Cryptographic Provider' -keyex \
  -passout pass:'correct horse battery staple' -out webext.tripledes-sha1.pfx
openssl pkcs12 -export -inkey rsa2048.pk8.pem -in webext.crt -name 'Reverse Proxy Listener for Lync Server' \
  -passout pass:'correct horse battery staple' -out webext.aes256-sha256.pfx
# Requests shaped as Windows writes them (Microsoft's attributes; extensions under either attribute).
bash make-windows-requests.sh
# A .pfx as OpenSSL 1.1 wrote one by default (RC2-40 around the certificates, 3DES around the key): opened to convert.
openssl pkcs12 -export -legacy -inkey rsa2048.pk8.pem -in webext.crt -name 'Reverse Proxy Listener for Lync Server' \
  -passout pass:'correct horse battery staple' -out webext.openssl11-legacy.pfx
# The same key and certificate as Java 17's keytool writes a PKCS #12 (PBES2 AES-256, 10,000 iterations, HMAC-SHA-256).
keytool -importkeystore -srckeystore webext.aes256-sha256.pfx -srcstoretype PKCS12 \
  -srcstorepass 'correct horse battery staple' -destkeystore webext.java17.p12 -deststoretype PKCS12 \
  -deststorepass 'correct horse battery staple' -noprompt
