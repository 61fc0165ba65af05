/**
 * Complete the request's exports: the Export form's choices, the .pfx (PKCS #12) and the PEM files of a Linux
 * proxy, written from the matched certificate, its chain and the opened key. After each export the key and the
 * passwords are dropped; only a password generated here stays shown, until the admin forgets it.
 */
import type { StateCreator, StoreApi } from "zustand";
import type { AnswerMatch } from "../pki/certificates";
import { exportRefusal, protectedBy, shownPassword } from "../pki/export-choices";
import { takesPfx } from "../pki/export-targets";
import { safeFileStem } from "../pki/file-names";
import { generatePassphrase } from "../pki/passphrase";
import type { Bundle } from "../pki/pem-bundles";
import type { OpenedKey } from "../pki/private-key";
import type { CompleteActions } from "./complete-state";
import type { PfxDerivations } from "../pki/pfx";
import { dropSecrets, opening, pfxAhead } from "./complete-secrets";
import { errorText } from "./error-text";
import { keptRequestForKey } from "./selectors";
import type { WizardStore } from "./store";
import { measureSince } from "./user-timing";

/** The name every Complete download starts with: the friendly name, else the certificate's common name. */
export function exportStem(s: WizardStore): string {
  const commonName = s.match.state === "matched" ? s.match.view.commonName : "";
  return safeFileStem(s.pfx.friendlyName || commonName, "certificate");
}

/**
 * Starts the .pfx export's key derivations in Workers as soon as a password is generated: the admin then stores
 * it (and says so) before Export, time the derivations use. They need only the password and fresh salts, not
 * the key or the certificates, so Export then waits only for the ASN.1 and the ciphers. Why not for a typed
 * password: Export follows its confirmation at once, and Workers started then only compete with the page for
 * the processor (the bench's conversion: 2.0x OpenSSL without, 3.5x with). Why it is safe: the password is in
 * the page already; the Workers hold it and its keys no longer than the page does (dropSecrets ends them), and
 * each start draws new salts and serves one export. A new password, or another profile, starts them again.
 */
function prepareDerivations(s: WizardStore): void {
  const { pfx } = s;
  const final = pfx.password !== "" && pfx.generated;
  if (typeof Worker === "undefined" || !takesPfx(pfx.target) || pfx.useKeyPassphrase || !final) return pfxAhead.drop();
  const ahead = pfxAhead.current;
  if (ahead && ahead.profile === pfx.profile && ahead.password === pfx.password) return;
  pfxAhead.drop();
  const controller = new AbortController();
  const derivations = Promise.all([import("../pki/pfx"), import("../pki/pfx-off-thread")]).then(
    ([pfxCode, offThread]) =>
      pfxCode.startPfxDerivations({
        profile: pfx.profile,
        password: pfx.password,
        derive: (jobs) => offThread.derivePkcs12KeysOffThread(jobs, controller.signal),
      }),
  );
  // Why a handler: a cancelled start rejects with nobody waiting; Export awaits it and still sees the failure.
  derivations.catch(() => undefined);
  pfxAhead.current = { profile: pfx.profile, password: pfx.password, derivations, stop: () => controller.abort() };
}

/**
 * Takes the derivations started for this export if they are done: each serves one export. Why not wait for
 * unfinished ones: a Worker started moments ago is still cold and slower than the page itself (the bench's
 * conversion, Export clicked right after the password: 2.0x OpenSSL deriving in the page, 3.9x waiting), so
 * they are stopped and Export derives in the page, as it did before (about 20 ms, no long task).
 */
async function takeDerivations(profile: string, password: string): Promise<PfxDerivations | undefined> {
  const ahead = pfxAhead.current;
  pfxAhead.current = null;
  if (ahead?.profile !== profile || ahead.password !== password) return void ahead?.stop();
  const derivations = ahead.derivations as Promise<PfxDerivations>;
  const done = await Promise.race([
    derivations.catch(() => undefined),
    new Promise<undefined>((resolve) => setTimeout(resolve, 0, undefined)),
  ]);
  if (!done) ahead.stop();
  return done;
}

/** Exports made by this page since it loaded, across Start over: each confirmation is told apart by it. */
let exportsMade = 0;

type ExportActions = Pick<
  CompleteActions,
  "updatePfx" | "generatePfxPassword" | "forgetExportedPassword" | "startAnotherExport" | "exportPfx" | "exportPem"
>;

/** The Export form's actions of Complete the request. */
export const createCompleteExportSlice: StateCreator<WizardStore, [], [], ExportActions> = (set, get) => ({
  updatePfx: (change) => {
    set((s) => ({ pfx: { ...s.pfx, ...change }, exportError: null }));
    prepareDerivations(get());
  },
  generatePfxPassword: () => {
    const password = generatePassphrase();
    set((s) => ({ pfx: { ...s.pfx, password, confirm: password, generated: true, passwordStored: false } }));
    prepareDerivations(get());
  },
  // The generation too: the component that showed the password is remounted, and lets go of it.
  forgetExportedPassword: () => set((s) => ({ exportedPassword: null, secretsGeneration: s.secretsGeneration + 1 })),
  startAnotherExport: () => {
    set({ exportError: null });
    if (!get().pfx.useKeyPassphrase) get().generatePfxPassword();
  },
  exportPfx: async () => {
    const ready = await readyToExport(get, set);
    if (!ready) return null;
    const { s, openedKey, match } = ready;
    const { pfx, keyPassphrase } = s;
    try {
      // Why a dynamic import: the PKCS #12 code (and node-forge's 3DES) is needed here only, not by the wizard.
      const [{ createPfx, SCHANNEL_CSP }, { exportChain }] = await Promise.all([
        import("../pki/pfx"),
        import("../pki/certificates"),
      ]);
      const password = pfx.useKeyPassphrase ? keyPassphrase : pfx.password;
      const started = performance.now();
      const derivations = await takeDerivations(pfx.profile, password);
      const der = await createPfx({
        profile: pfx.profile,
        privateKeyInfo: openedKey.pkcs8,
        certificates: [match.leaf, ...exportChain(match, pfx.includeRoot)].map((c) => new Uint8Array(c.rawData)),
        password,
        friendlyName: pfx.friendlyName.trim() || undefined,
        provider: pfx.provider === "legacy" ? { name: SCHANNEL_CSP, keySpec: pfx.keySpec } : null,
        derivations,
      });
      measureSince(`export ${pfx.profile}`, started);
      const fileName = `${exportStem(s)}.pfx`;
      const certificates = 1 + exportChain(match, pfx.includeRoot).length;
      recordExport(s, set, { fileName, certificates });
      return { fileName, der: new Uint8Array(der) };
    } catch (e) {
      set({ exportError: `The .pfx could not be written: ${errorText(e)}` });
      return null;
    }
  },
  exportPem: async () => {
    const ready = await readyToExport(get, set);
    if (!ready) return null;
    const { s, openedKey, match } = ready;
    const { pfx, keyPassphrase } = s;
    if (takesPfx(pfx.target)) return null; // a .pfx: exportPfx writes it
    try {
      const [{ pemBundle }, { exportChain }, { encryptPrivateKeyInfo, encryptedKeyPem }] = await Promise.all([
        import("../pki/pem-bundles"),
        import("../pki/certificates"),
        import("../pki/private-key"),
      ]);
      // The key leaves the page only encrypted: PBES2 with AES-256 under the export password (RFC 8018).
      const encrypted = await encryptPrivateKeyInfo({
        pkcs8: openedKey.pkcs8,
        passphrase: pfx.useKeyPassphrase ? keyPassphrase : pfx.password,
      });
      const chain = exportChain(match, pfx.includeRoot);
      const bundle = pemBundle({
        target: pfx.target,
        stem: exportStem(s),
        leaf: new Uint8Array(match.leaf.rawData),
        chain: chain.map((c) => new Uint8Array(c.rawData)),
        encryptedKeyPem: encryptedKeyPem(encrypted),
      });
      recordExport(s, set, {
        fileName: bundle.files.map((f) => f.name).join(", "),
        certificates: 1 + chain.length,
        bundle,
      });
      return bundle;
    } catch (e) {
      set({ exportError: `The files could not be written: ${errorText(e)}` });
      return null;
    }
  },
});

/**
 * What every export needs, checked in one place: Export pressed while the key is still being opened waits
 * for it; then the matched certificate, the opened key and a stored, confirmed password (exportRefusal). Null
 * (with the sentence in exportError) when one is missing.
 */
async function readyToExport(
  get: () => WizardStore,
  set: (partial: Partial<WizardStore>) => void,
): Promise<{
  s: WizardStore;
  openedKey: OpenedKey;
  match: Extract<AnswerMatch, { state: "matched" }>;
} | null> {
  if (!get().openedKey && opening.promise) await opening.promise;
  const s = get();
  const { openedKey, pfx, match } = s;
  const refusal = exportRefusal({ match, keyOpened: openedKey !== null, pfx });
  if (refusal || match.state !== "matched" || !openedKey) {
    set({ exportError: refusal });
    return null;
  }
  return { s, openedKey, match };
}

/**
 * Records what an export wrote, for its confirmation. Why the secrets go now: the key and the passwords have
 * done their job; another export opens the key again. The match stays: the certificate and the key source have
 * not changed, only the opened key has gone.
 */
function recordExport(
  s: WizardStore,
  set: StoreApi<WizardStore>["setState"],
  written: { fileName: string; certificates: number; bundle?: Bundle },
): void {
  const { pfx } = s;
  const keptId = keptRequestForKey(s)?.id;
  dropSecrets(set);
  set({
    exportError: null,
    exportedPassword: shownPassword(pfx),
    lastExport: {
      count: ++exportsMade,
      fileName: written.fileName,
      protectedBy: protectedBy(pfx),
      profile: pfx.profile,
      certificates: written.certificates,
      keptId,
      target: pfx.target,
      ...(written.bundle ? { bundle: written.bundle } : {}),
    },
  });
}
