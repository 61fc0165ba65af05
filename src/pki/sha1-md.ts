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
  // Why fixed views: in the derivation's loop every message is the last 20-byte digest; a new view (subarray)
  // for each would cost about as much as the conversion itself.
  const digestSized = new Uint8Array(state.outputLen);
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
      const length = msg.length;
      let bytes = digestSized;
      if (length !== digestSized.length) {
        if (input.length < length) input = new Uint8Array(length);
        bytes = input.subarray(0, length);
      }
      for (let i = 0; i < length; i++) bytes[i] = msg.charCodeAt(i);
      state.update(bytes);
      return md;
    },
    digest() {
      state.digestInto(out);
      // Why the 20 bytes spelled out: faster than apply() or a spread for a string this short.
      const text = String.fromCharCode(
        out[0]!,
        out[1]!,
        out[2]!,
        out[3]!,
        out[4]!,
        out[5]!,
        out[6]!,
        out[7]!,
        out[8]!,
        out[9]!,
        out[10]!,
        out[11]!,
        out[12]!,
        out[13]!,
        out[14]!,
        out[15]!,
        out[16]!,
        out[17]!,
        out[18]!,
        out[19]!,
      );
      return forge.util.createBuffer(text);
    },
  };
  return md as forgeMd.MessageDigest & { start(): forgeMd.MessageDigest };
}
