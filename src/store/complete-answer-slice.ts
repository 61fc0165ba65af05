/**
 * Complete the request's answer from the CA: the certificates loaded (files, pasted text, a .p7b; a .pfx or an
 * encrypted key file among the files becomes the key source), and the examination that matches them with the
 * chosen key. The x509 code is asked for it; the slice parses nothing itself.
 */
import type { StateCreator } from "zustand";
import { isPfxFileName } from "../pki/file-names";
import { inputTooLarge, readInputFile } from "../pki/input-limits";
import { isOneDerValue, textOrNull } from "../pki/pem";
import type { CompleteActions, LoadedCertificate } from "./complete-state";
import { keptRequestForKey, keyFingerprint } from "./selectors";
import type { WizardStore } from "./store";

/** Which examination is the latest: an older one that finishes later must not overwrite it. */
let examination = 0;

type AnswerActions = Pick<CompleteActions, "addFiles" | "addPasted" | "removeCertificate" | "examine">;

/** The answer's actions of Complete the request. */
export const createCompleteAnswerSlice: StateCreator<WizardStore, [], [], AnswerActions> = (set, get) => ({
  addFiles: async (files) => {
    // Why a dynamic import: the x509 code is needed once certificates arrive, not to show the first page.
    const { CertificateInputError, readCertificates } = await import("../pki/certificates");
    const added: LoadedCertificate[] = [];
    for (const file of files) {
      const read = await readInputFile(file);
      if (!read.ok) return set({ certificateError: read.error });
      const bytes = read.bytes;
      if (isPfxFileName(file.name)) {
        get().chooseKey({ kind: "pfx", name: file.name, der: bytes });
        continue;
      }
      // A key file is text; bytes that are one DER value are a certificate, whatever text they carry inside.
      const text = isOneDerValue(bytes) ? null : textOrNull(bytes);
      if (text?.includes("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
        get().chooseKey({ kind: "file", name: file.name, pem: text });
        continue;
      }
      try {
        const certificates = readCertificates({ bytes, name: file.name });
        added.push(
          ...certificates.map((c) => ({ name: file.name, der: new Uint8Array(c.rawData), subject: c.subject })),
        );
      } catch (e) {
        return set({
          certificateError: e instanceof CertificateInputError ? e.message : `"${file.name}" could not be read.`,
        });
      }
    }
    set((s) => ({ certificateError: null, certificates: [...s.certificates, ...added] }));
    if (added.length) await get().examine();
  },
  addPasted: async (text) => {
    const tooLarge = inputTooLarge(text.length, "The pasted text");
    if (tooLarge) {
      set({ certificateError: tooLarge });
      return false;
    }
    const { CertificateInputError, readCertificates } = await import("../pki/certificates");
    try {
      const certificates = readCertificates({ bytes: new TextEncoder().encode(text), name: "The pasted text" });
      set((s) => ({
        certificateError: null,
        certificates: [
          ...s.certificates,
          ...certificates.map((c) => ({ name: "pasted", der: new Uint8Array(c.rawData), subject: c.subject })),
        ],
      }));
      await get().examine();
      return true;
    } catch (e) {
      set({
        certificateError: e instanceof CertificateInputError ? e.message : "The pasted text could not be read.",
      });
      return false;
    }
  },
  removeCertificate: (index) => {
    set((s) => ({ certificates: s.certificates.filter((_, i) => i !== index) }));
    void get().examine();
  },
  examine: async () => {
    const run = ++examination;
    if (!get().keySource && get().certificates.length > 0 && get().pending.length > 0) {
      // The admin has not chosen a key: when exactly one kept request holds the certificate's key, it is the one.
      const { keptRequestOfCertificates } = await import("../pki/kept-match");
      const kept = await keptRequestOfCertificates({
        certificates: get().certificates.map((c) => c.der),
        kept: get().pending,
      });
      if (run !== examination) return;
      if (kept && !get().keySource) {
        get().chooseKey({ kind: "pending", id: kept.id });
        set({ keyChosenFor: kept.id });
        return;
      }
    }
    const s = get();
    // Nothing to match yet (as on Certificate Enrollment, which lists the kept requests): the answer is
    // "waiting", and the x509 code need not load for it.
    if (s.certificates.length === 0 || !keyFingerprint(s)) return set({ match: { state: "waiting" } });
    const { examineAnswer } = await import("../pki/certificates");
    const match = await examineAnswer({
      certificates: s.certificates.map((c) => c.der),
      keySpkiSha256: keyFingerprint(s),
      plan: keptRequestForKey(s)?.plan,
    });
    if (run !== examination) return;
    set({ match });
    // The .pfx gets its own password, generated, once there is something to export; not again after an export,
    // where a new password beside the confirmation would read as the one protecting the file just written.
    const { pfx, lastExport } = get();
    if (match.state === "matched" && !pfx.password && !pfx.useKeyPassphrase && !lastExport) get().generatePfxPassword();
  },
});
