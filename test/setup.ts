// @peculiar/x509 and asn1-schema decorators read type metadata at class definition: load the polyfill first.
import "reflect-metadata";
