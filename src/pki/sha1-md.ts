/**
 * @noble/hashes' SHA-1 behind node-forge's MessageDigest interface, for the `md` argument of node-forge's
 * PKCS #12 key derivation (`forge.pbe.generatePkcs12Key`, RFC 7292 Appendix B.2). Why: that derivation hashes
 * a 20-byte value 2,048 times per block, seven blocks per TripleDES-SHA1 .pfx, and node-forge's own SHA-1
 * (binary strings, a new buffer for every digest) costs about 1.5 times noble's there; the derivation stays
 * node-forge's, the hash is noble's (audited), and this module only carries bytes between the two.
 */
import forge from "node-forge/lib/forge";
import "node-forge/lib/util";
import { sha1 } from "@noble/hashes/legacy.js";
import type { md as forgeMd } from "node-forge";

/** A SHA-1 MessageDigest for node-forge: start, update with a binary string, digest. One instance, reused. */
export function nobleSha1Md(): forgeMd.MessageDigest & { start(): forgeMd.MessageDigest } {
  // Why two instances: `_cloneInto` (noble's Hash interface) resets `state` to the initial value without allocating.
  const initial = sha1.create();
  const state = sha1.create();
  const out = new Uint8Array(state.outputLen);
  let input = new Uint8Array(2 * state.blockLen);
  const md = {
    algorithm: "sha1",
    blockLength: 64,
    digestLength: 20,
    messageLength: 0,
    fullMessageLength: null,
    messageLengthSize: 8,
    start() {
      initial._cloneInto(state);
      return md;
    },
    // node-forge hands bytes as a binary string: one character per byte.
    update(msg: string) {
      if (input.length < msg.length) input = new Uint8Array(msg.length);
      for (let i = 0; i < msg.length; i++) input[i] = msg.charCodeAt(i);
      state.update(input.subarray(0, msg.length));
      return md;
    },
    digest() {
      state.digestInto(out);
      // Why apply and not a spread: a spread walks the array's iterator, many times slower for 20 bytes.
      return forge.util.createBuffer(String.fromCharCode.apply(null, out as unknown as number[]));
    },
  };
  return md as forgeMd.MessageDigest & { start(): forgeMd.MessageDigest };
}
