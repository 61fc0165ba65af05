#!/usr/bin/env bash
# Requests shaped as Windows (certreq, the Certificates snap-in) writes them, made with OpenSSL alone:
# `asn1parse -genconf` writes the CertificationRequestInfo, `dgst -sign` signs it with the fixed key, and the
# three parts are joined into the CertificationRequest (RFC 2986). Besides the extensions they carry
# Microsoft's attributes: OS version (1.3.6.1.4.1.311.13.2.3), client information (1.3.6.1.4.1.311.21.20)
# and enrollment CSP (1.3.6.1.4.1.311.13.2.2). One puts the extensions under PKCS #9's extensionRequest
# (1.2.840.113549.1.9.14), the other under Microsoft's older 1.3.6.1.4.1.311.2.1.14, as Windows may.
# Each is checked with `openssl req -text -verify`. Run from this folder; OpenSSL 3.
#
# Then the files issue 18 found misread, each made by OpenSSL and described by OpenSSL in windows-requests.txt
# (subject, signature algorithm, as `openssl req|x509 -text` prints them):
# - windows-cmc.req: a CMC Full PKI Request (RFC 5272 3.2): CMS SignedData (RFC 5652) whose encapsulated content
#   is id-cct-PKIData (1.3.6.1.5.5.7.12.2) with the PKCS #10 in reqSequence as a TaggedCertificationRequest
#   (tcr [0]), signed by the request's own key as the Certificates snap-in does, armoured NEW CERTIFICATE REQUEST;
# - windows-pkcs7.p7b.der: a plain PKCS #7 SignedData whose id-data content is the PKCS #10;
# - md5.csr.der, sha1.csr.der, ecdsa-sha1.csr.der, dsa.csr.der: requests signed with md5WithRSAEncryption,
#   sha1WithRSAEncryption, ecdsa-with-SHA1 and dsa-with-sha256 (the DSA key is dsa2048.pem, made once);
# - subject-attributes.csr.der: street, postalCode, serialNumber, description, telephoneNumber,
#   businessCategory, postOfficeBox, jurisdiction*, organizationIdentifier, UID, DC, title, givenName;
# - windows-name-value.csr.der: Microsoft's name-value pairs attribute (1.3.6.1.4.1.311.13.2.1);
# - ms-template.crt.der: a certificate with Certificate Template Information (1.3.6.1.4.1.311.21.7),
#   Certificate Template Name (1.3.6.1.4.1.311.20.2) and Application Policies (1.3.6.1.4.1.311.21.10).
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
  local out=$1 extension_oid=$2 name_value=${3:-} work
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
${name_value:+name_value = SEQUENCE:name_value}
os_version = SEQUENCE:os_version
client_info = SEQUENCE:client_info
csp = SEQUENCE:csp
extensions = SEQUENCE:extension_request
[name_value]
type = OID:1.3.6.1.4.1.311.13.2.1
values = SET:name_value_values
[name_value_values]
template = SEQUENCE:pair_template
san = SEQUENCE:pair_san
[pair_template]
name = BMPSTRING:CertificateTemplate
value = BMPSTRING:WebServer
[pair_san]
name = BMPSTRING:SAN
value = BMPSTRING:dns=webext.contoso.com&dns=meet.contoso.com
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
make_request windows-name-value.csr.der 1.2.840.113549.1.9.14 yes

# DER of tag $1 (hex) around the hex contents $2 (short or long definite length, X.690 8.1.3).
der() {
  local tag=$1 body=$2 n=$((${#2} / 2))
  if ((n < 128)); then printf '%s%02x%s' "$tag" "$n" "$body"
  elif ((n < 256)); then printf '%s81%02x%s' "$tag" "$n" "$body"
  else printf '%s82%04x%s' "$tag" "$n" "$body"; fi
}
unhex() { xxd -r -p; }
SUBJ="/CN=webext.contoso.com/O=Contoso Ltd/C=US"
describe() { # what OpenSSL says of each file, kept beside it
  local file=$1 kind=$2
  printf '%s\n' "$file"
  openssl "$kind" -inform DER -in "$file" -noout -subject -nameopt RFC2253 | sed 's/^/  /'
  openssl "$kind" -inform DER -in "$file" -noout -text | grep -m1 'Signature Algorithm' | sed 's/^ */  /'
}

# Signed with old hashes and algorithms, as old tools and old Windows templates still do.
openssl req -new -key "$KEY" -md5 -subj "$SUBJ" -outform DER -out md5.csr.der
openssl req -new -key "$KEY" -sha1 -subj "$SUBJ" -outform DER -out sha1.csr.der
openssl req -new -key p256.pk8.pem -sha1 -subj "$SUBJ" -outform DER -out ecdsa-sha1.csr.der
if [[ ! -f dsa2048.pem ]]; then
  openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -out dsa2048.params.pem
  openssl genpkey -paramfile dsa2048.params.pem -out dsa2048.pem && rm dsa2048.params.pem
fi
openssl req -new -key dsa2048.pem -sha256 -subj "$SUBJ" -outform DER -out dsa.csr.der

# Subject attributes beyond the wizard's own, by OpenSSL's names.
work=$(mktemp -d)
cat >"$work/subject.cnf" <<'CNF'
[req]
prompt = no
distinguished_name = dn
[dn]
CN = webext.contoso.com
O = Contoso Ltd
street = 1 Microsoft Way
postalCode = 98052
serialNumber = 42
description = Reverse proxy
telephoneNumber = +1 425 555 0100
businessCategory = Private Organization
postOfficeBox = PO Box 7
jurisdictionC = US
jurisdictionST = Washington
jurisdictionL = Redmond
organizationIdentifier = NTRUS-1234
UID = proxy01
DC = contoso
title = Web server
GN = Proxy
CNF
openssl req -new -key "$KEY" -sha256 -config "$work/subject.cnf" -outform DER -out subject-attributes.csr.der

# A certificate carrying the extensions an enterprise CA adds from its template (Microsoft's formats:
# CertificateTemplate SEQUENCE { templateID OID, templateMajorVersion INTEGER, templateMinorVersion INTEGER },
# the template name as a BMPString, and Application Policies as a SEQUENCE OF SEQUENCE { policy OID }).
cat >"$work/ms.cnf" <<'CNF'
[req]
prompt = no
distinguished_name = dn
x509_extensions = ext
[dn]
CN = webext.contoso.com
[ext]
1.3.6.1.4.1.311.21.7 = ASN1:SEQUENCE:template
1.3.6.1.4.1.311.20.2 = ASN1:BMPSTRING:WebServer
1.3.6.1.4.1.311.21.10 = ASN1:SEQUENCE:policies
[template]
id = OID:1.3.6.1.4.1.311.21.8.8620144.13291137.2117830.9043856.15434148.150.11111.4242
major = INTEGER:100
minor = INTEGER:4
[policies]
server = SEQUENCE:server_auth
client = SEQUENCE:client_auth
[server_auth]
policy = OID:serverAuth
[client_auth]
policy = OID:clientAuth
CNF
openssl req -x509 -key "$KEY" -sha256 -days 3650 -set_serial 0x1812 -config "$work/ms.cnf" -outform DER -out ms-template.crt.der

# CMC (RFC 5272): PKIData { controlSequence, reqSequence { tcr [0] { bodyPartID 1, the PKCS #10 } },
# cmsSequence, otherMsgSequence }, signed in CMS SignedData by the request's key (subjectKeyIdentifier, as Windows).
csr=$(hexof <windows-pkcs9.csr.der)
tcr=$(der a0 "$(der 02 01)$csr")
pkidata=$(der 30 "3000$(der 30 "$tcr")30003000")
printf '%s' "$pkidata" | unhex >"$work/pkidata.der"
openssl req -x509 -key "$KEY" -subj "$SUBJ" -days 3650 -set_serial 1 -out "$work/signer.crt"
openssl cms -sign -nodetach -binary -keyid -nocerts -noattr -md sha256 -econtent_type 1.3.6.1.5.5.7.12.2 \
  -in "$work/pkidata.der" -signer "$work/signer.crt" -inkey "$KEY" -outform DER -out "$work/cmc.der"
openssl base64 -in "$work/cmc.der" | { printf -- '-----BEGIN NEW CERTIFICATE REQUEST-----\r\n'; sed 's/$/\r/'; printf -- '-----END NEW CERTIFICATE REQUEST-----\r\n'; } >windows-cmc.req
openssl cms -sign -nodetach -binary -nocerts -noattr -md sha256 -in windows-pkcs9.csr.der \
  -signer "$work/signer.crt" -inkey "$KEY" -outform DER -out windows-pkcs7.p7b.der
openssl cms -cmsout -inform DER -in "$work/cmc.der" -print -noout | grep -q 'id-cct-PKIData'
rm -r "$work"

{
  echo "# What OpenSSL 3 says of each vector (made by make-windows-requests.sh)."
  for f in windows-pkcs9.csr.der windows-name-value.csr.der md5.csr.der sha1.csr.der ecdsa-sha1.csr.der dsa.csr.der \
    subject-attributes.csr.der; do describe "$f" req; done
  describe ms-template.crt.der x509
  echo "windows-cmc.req, windows-pkcs7.p7b.der: CMS SignedData around windows-pkcs9.csr.der"
} >windows-requests.txt
