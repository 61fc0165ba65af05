// node-forge's submodules register themselves on the one `forge` object; the package's types describe that object.
declare module "node-forge/lib/forge" {
  import forge from "node-forge";
  const lib: typeof forge & {
    pbe: {
      /** RFC 7292 Appendix B.2 key derivation. */
      generatePkcs12Key(
        password: string,
        salt: forge.util.ByteStringBuffer,
        id: number,
        iter: number,
        n: number,
        md?: forge.md.MessageDigest,
      ): forge.util.ByteStringBuffer;
    };
  };
  export default lib;
}
declare module "node-forge/lib/des";
declare module "node-forge/lib/pbe";
declare module "node-forge/lib/sha1";
declare module "node-forge/lib/sha256";
declare module "node-forge/lib/util";
declare module "node-forge/lib/rc2";
