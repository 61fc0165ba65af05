/** OpenSSL command-line pieces the tests share. */

/** `openssl req` arguments for a new, unencrypted ECDSA P-256 key written to `keyout` (with -new or -x509). */
export const newP256Key = (keyout: string): string[] => [
  "-newkey",
  "ec",
  "-pkeyopt",
  "ec_paramgen_curve:P-256",
  "-nodes",
  "-keyout",
  keyout,
];
