/** A throwaway two-level CA made with the openssl command line, for tests that need an issued certificate. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestCa {
  dir: string;
  root: string;
  intermediate: string;
  intermediateKey: string;
}

const run = (...args: string[]) => execFileSync("openssl", args, { stdio: ["ignore", "pipe", "pipe"] });

export function makeCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), "test-ca-"));
  const p = (name: string) => join(dir, name);
  writeFileSync(
    p("ca.ext"),
    "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n",
  );
  run(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    p("root.key"),
    "-subj",
    "/CN=Contoso Test Root CA",
    "-days",
    "3650",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
    "-out",
    p("root.crt"),
  );
  run(
    "req",
    "-new",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    p("issuing.key"),
    "-subj",
    "/CN=Contoso Test Issuing CA",
    "-out",
    p("issuing.csr"),
  );
  run(
    "x509",
    "-req",
    "-in",
    p("issuing.csr"),
    "-CA",
    p("root.crt"),
    "-CAkey",
    p("root.key"),
    "-CAcreateserial",
    "-days",
    "3650",
    "-extfile",
    p("ca.ext"),
    "-out",
    p("issuing.crt"),
  );
  return { dir, root: p("root.crt"), intermediate: p("issuing.crt"), intermediateKey: p("issuing.key") };
}

/**
 * Signs a request with the issuing CA, copying its extensions (`-copy_extensions copy`), or with the
 * extensions in `extensions` instead (to play a CA that drops or adds names). Returns the PEM path.
 */
export function issue(
  ca: TestCa,
  params: {
    request: string;
    inform?: "PEM" | "DER";
    out: string;
    extensions?: string;
    days?: number;
    notBefore?: string;
  },
): string {
  const csr = params.inform === "DER" ? `${params.request}.pem` : params.request;
  if (params.inform === "DER") run("req", "-in", params.request, "-inform", "DER", "-out", csr);
  const extra = params.extensions
    ? (writeFileSync(`${params.out}.ext`, params.extensions), ["-extfile", `${params.out}.ext`])
    : ["-copy_extensions", "copy"];
  run(
    "x509",
    "-req",
    "-in",
    csr,
    "-CA",
    ca.intermediate,
    "-CAkey",
    ca.intermediateKey,
    "-CAcreateserial",
    "-days",
    String(params.days ?? 90),
    ...extra,
    "-out",
    params.out,
  );
  return params.out;
}

/** A PKCS #7 (.p7b) bundle of the given certificates, as Windows CAs hand out chains. */
export function p7b(certificates: string[], out: string, outform: "PEM" | "DER" = "DER"): string {
  run("crl2pkcs7", "-nocrl", ...certificates.flatMap((c) => ["-certfile", c]), "-outform", outform, "-out", out);
  return out;
}
