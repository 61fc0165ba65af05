#!/usr/bin/env bash
# Requests shaped as Windows (certreq, the Certificates snap-in) writes them, made with OpenSSL alone:
# `asn1parse -genconf` writes the CertificationRequestInfo, `dgst -sign` signs it with the fixed key, and the
# three parts are joined into the CertificationRequest (RFC 2986). Besides the extensions they carry
# Microsoft's attributes: OS version (1.3.6.1.4.1.311.13.2.3), client information (1.3.6.1.4.1.311.21.20)
# and enrollment CSP (1.3.6.1.4.1.311.13.2.2). One puts the extensions under PKCS #9's extensionRequest
# (1.2.840.113549.1.9.14), the other under Microsoft's older 1.3.6.1.4.1.311.2.1.14, as Windows may.
# Each is checked with `openssl req -text -verify`. Run from this folder; OpenSSL 3.
set -euo pipefail
KEY=rsa2048.pk8.pem
hexof() { od -An -v -tx1 | tr -d ' \n'; }
RSAPUB=$(openssl rsa -in "$KEY" -RSAPublicKey_out -outform DER 2>/dev/null | hexof)

# A DER length and its header for a SEQUENCE of $1 bytes.
sequence_header() {
  local n=$1
  if ((n < 128)); then printf '30%02x' "$n"
  elif ((n < 256)); then printf '3081%02x' "$n"
  else printf '3082%04x' "$n"; fi
}

make_request() {
  local out=$1 extension_oid=$2 work
  work=$(mktemp -d)
  cat >"$work/info.cnf" <<CNF
asn1 = SEQUENCE:info
[info]
version = INTEGER:0
subject = SEQUENCE:subject
spki = SEQUENCE:spki
attributes = IMPLICIT:0,SET:attributes
[subject]
cn = SET:rdn_cn
o = SET:rdn_o
c = SET:rdn_c
[rdn_cn]
atv = SEQUENCE:atv_cn
[atv_cn]
type = OID:commonName
value = PRINTABLESTRING:webext.contoso.com
[rdn_o]
atv = SEQUENCE:atv_o
[atv_o]
type = OID:organizationName
value = PRINTABLESTRING:Contoso Ltd
[rdn_c]
atv = SEQUENCE:atv_c
[atv_c]
type = OID:countryName
value = PRINTABLESTRING:US
[spki]
algorithm = SEQUENCE:rsa_encryption
key = FORMAT:HEX,BITSTRING:$RSAPUB
[rsa_encryption]
oid = OID:rsaEncryption
parameters = NULL
[attributes]
os_version = SEQUENCE:os_version
client_info = SEQUENCE:client_info
csp = SEQUENCE:csp
extensions = SEQUENCE:extension_request
[os_version]
type = OID:1.3.6.1.4.1.311.13.2.3
values = SET:os_version_values
[os_version_values]
value = IA5STRING:10.0.17763.2
[client_info]
type = OID:1.3.6.1.4.1.311.21.20
values = SET:client_info_values
[client_info_values]
value = SEQUENCE:client_info_value
[client_info_value]
client_id = INTEGER:5
machine = UTF8String:PROXY01.contoso.local
user = UTF8String:CONTOSO\\\\pkiadmin
process = UTF8String:certreq.exe
[csp]
type = OID:1.3.6.1.4.1.311.13.2.2
values = SET:csp_values
[csp_values]
value = SEQUENCE:csp_value
[csp_value]
key_spec = INTEGER:1
name = BMPSTRING:Microsoft RSA SChannel Cryptographic Provider
signature = BITSTRING:
[extension_request]
type = OID:$extension_oid
values = SET:extension_values
[extension_values]
value = SEQUENCE:extensions
[extensions]
san = SEQUENCE:san
key_usage = SEQUENCE:key_usage
eku = SEQUENCE:eku
[san]
oid = OID:subjectAltName
value = OCTWRAP,SEQUENCE:san_names
[san_names]
n1 = IMPLICIT:2,IA5STRING:webext.contoso.com
n2 = IMPLICIT:2,IA5STRING:meet.contoso.com
n3 = IMPLICIT:2,IA5STRING:dialin.contoso.com
n4 = IMPLICIT:2,IA5STRING:lyncdiscover.contoso.com
[key_usage]
oid = OID:keyUsage
critical = BOOLEAN:true
value = OCTWRAP,FORMAT:BITLIST,BITSTRING:0,2
[eku]
oid = OID:extendedKeyUsage
value = OCTWRAP,SEQUENCE:eku_oids
[eku_oids]
server = OID:serverAuth
client = OID:clientAuth
CNF
  cat >"$work/alg.cnf" <<CNF
asn1 = SEQUENCE:alg
[alg]
oid = OID:sha256WithRSAEncryption
parameters = NULL
CNF
  openssl asn1parse -genconf "$work/info.cnf" -out "$work/info.der" -noout
  openssl asn1parse -genconf "$work/alg.cnf" -out "$work/alg.der" -noout
  openssl dgst -sha256 -sign "$KEY" -out "$work/sig.bin" "$work/info.der"
  printf 'asn1 = FORMAT:HEX,BITSTRING:%s\n' "$(hexof <"$work/sig.bin")" >"$work/sig.cnf"
  openssl asn1parse -genconf "$work/sig.cnf" -out "$work/sig.der" -noout
  local body
  body=$(cat "$work/info.der" "$work/alg.der" "$work/sig.der" | hexof)
  { sequence_header $((${#body} / 2)); printf '%s' "$body"; } | xxd -r -p >"$out" 2>/dev/null ||
    { sequence_header $((${#body} / 2)); printf '%s' "$body"; } | sed 's/../\\x&/g' | xargs -0 printf '%b' >"$out"
  openssl req -inform DER -in "$out" -verify -noout -text >/dev/null
  rm -r "$work"
}

make_request windows-pkcs9.csr.der 1.2.840.113549.1.9.14
make_request windows-ms-extensions.csr.der 1.3.6.1.4.1.311.2.1.14
