/** The tests read .pfx files with the product's own reader (src/pki/pfx-reader.ts). */
export { readPfx, type PfxBag } from "../../src/pki/pfx-reader";
