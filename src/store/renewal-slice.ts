/**
 * Renew a certificate: one drop of what the admin has (the certificate, its chain, last time's request, the
 * .pfx with its password, or a settings file) fills the plan with the same subject, names, usages, key choice,
 * template and friendly name, and leads straight to the save page, where Finish makes a new key. Why always a
 * new key: reusing the old one is what a renewal should not do, and the page has no way to (the old key stays
 * in its .pfx or file). The files are input from outside: they go through the same decoder and checks as the
 * Open page's.
 */
import type { StateCreator } from "zustand";
import { isPfxFileName } from "../pki/file-names";
import { openPfxOffThread, warmPfxOpening } from "./pfx-opening";
import { readInputFile, type InputFile } from "../pki/input-limits";
import type { KeySpec } from "../pki/request";
import type { WizardStore } from "./store";
import { loadSettingsProfile } from "./plan-profile";
import { errorText, isCodeNotLoaded } from "./error-text";

export interface Renewal {
  /** The file the renewal was made from. */
  from: string;
  /** The certificate or request renewed, as its subject reads. */
  subject: string;
  names: number;
  /** What could not be carried over, said rather than dropped. */
  notes: string[];
  /** Where the friendly name came from (the .pfx, a kept request with the same key), or null when none knew it. */
  friendlyNameFrom: string | null;
  /** What changed since last time: the old certificate's lifetime beside today's public maximum. */
  changes: string[];
}

export interface RenewalState {
  renewal: Renewal | null;
  renewalError: string | null;
  /** A dropped .pfx waiting for its password (not a secret: it is still encrypted). */
  renewalPfx: { name: string; bytes: Uint8Array<ArrayBuffer> } | null;
  /** True while that .pfx opens (in a Worker): the page offers Cancel. */
  renewalOpening: boolean;
}

export interface RenewalActions {
  /** The dropped file; a .pfx waits for its password (renewFromPfx). */
  renewFrom: (file: InputFile) => Promise<void>;
  renewFromPfx: (password: string) => Promise<void>;
  /** Stops opening the dropped .pfx. */
  cancelRenewalPfx: () => void;
  /** A request kept in this browser (completed or not): its plan as it was, for a new key. */
  renewFromKept: (id: string) => void;
}

export type RenewalSlice = RenewalState & RenewalActions;

export const initialRenewalState = (): RenewalState => ({
  renewal: null,
  renewalError: null,
  renewalPfx: null,
  renewalOpening: false,
});

/** Stops the .pfx opening under way, if any. */
let cancelRenewalOpening: (() => void) | null = null;

const isSettings = (name: string) => /\.json$/i.test(name);

export const createRenewalSlice: StateCreator<WizardStore, [], [], RenewalActions> = (set, get) => {
  /** The plan from a certificate or request's DER or PEM, and the page that makes its new key. */
  async function renewFromBytes(
    name: string,
    bytes: Uint8Array<ArrayBuffer>,
    fromPfx?: { friendlyName?: string; legacyCsp: boolean; keySpec?: KeySpec },
  ) {
    const friendlyName = fromPfx?.friendlyName;
    // Why dynamic imports: the decoders are needed once a file is dropped, not to show the first page.
    const [{ inspect, planFromInspection, InspectError }, { readCertificates, CertificateInputError }] =
      await Promise.all([import("../pki/inspect"), import("../pki/certificates")]);
    try {
      // A .p7b is a chain, or a request in PKCS #7 (CertEnroll's renewal format): the request is read first.
      let seen = /\.p7[bc]$/i.test(name) ? await inspect({ bytes }).catch(() => null) : null;
      if (!seen && /\.p7[bc]$/i.test(name)) {
        // A chain: the certificate renewed is the one no other certificate in it was issued by.
        const certificates = readCertificates({ bytes, name });
        const leaf = certificates.find((c) => !certificates.some((o) => o !== c && o.issuer === c.subject));
        seen = await inspect({ bytes: new Uint8Array((leaf ?? certificates[0]!).rawData) });
      }
      seen ??= await inspect({ bytes });
      const { plan, notes } = planFromInspection(seen);
      const { lifetimeDays, publicLifetime } = await import("../pki/lifetimes");
      // How the file was read (a CMC wrapping, the block opened of several) is said here as on the Open page.
      const changes: string[] = [...seen.notes];
      if (seen.validity) {
        const days = lifetimeDays(seen.validity.notBefore, seen.validity.notAfter);
        const today = publicLifetime(new Date());
        changes.push(
          `Last time: issued by ${seen.issuer}, valid ${days} days, until ${seen.validity.notAfter.toISOString().slice(0, 10)}.`,
          `Today a public CA issues at most ${today.days} days${today.next ? `, and from ${today.next.from} at most ${today.next.days}` : ""} (CA/Browser Forum SC-081v3).`,
        );
      }
      // A request kept here with the certificate's key knows what the certificate does not say.
      const keptForKey = get().pending.find((p) => p.spkiSha256 === seen.key.spkiSha256);
      const named = friendlyName || keptForKey?.plan.friendlyName || plan.friendlyName;
      const friendlyNameFrom = friendlyName
        ? `the .pfx ${name}`
        : keptForKey?.plan.friendlyName
          ? `the request kept in this browser on ${keptForKey.created.slice(0, 10)}`
          : null;
      // The template and key type: from a kept request with this key, else from the .pfx's Windows attributes.
      const renewed = keptForKey
        ? {
            ...plan,
            friendlyName: named,
            template: keptForKey.plan.template,
            key: { ...plan.key, keySpec: keptForKey.plan.key.keySpec },
          }
        : fromPfx
          ? {
              ...plan,
              friendlyName: named,
              template: fromPfx.legacyCsp ? plan.template : ("cng" as const),
              key: { ...plan.key, keySpec: fromPfx.keySpec ?? plan.key.keySpec },
            }
          : { ...plan, friendlyName: named };
      const { notCarriedOver } = await import("../pki/renewal-notes");
      notes.push(
        ...notCarriedOver({
          kind: seen.kind,
          friendlyName: named,
          kept: keptForKey !== undefined || fromPfx !== undefined,
          plan: renewed,
        }),
      );
      const refused = get().startFromPlan(renewed);
      if (refused) return set({ renewalError: refused });
      set({
        page: "save-request",
        renewal: {
          from: name,
          subject: seen.subject.map((s) => `${s.type}=${s.value}`).join(", "),
          names: plan.altNames.length,
          notes,
          friendlyNameFrom,
          changes,
        },
        renewalError: null,
        renewalPfx: null,
      });
    } catch (e) {
      const known = e instanceof InspectError || e instanceof CertificateInputError;
      set({ renewalError: known ? e.message : isCodeNotLoaded(e) ? errorText(e) : `"${name}" could not be read.` });
    }
  }

  return {
    renewFrom: async (file) => {
      const read = await readInputFile(file);
      if (!read.ok) return set({ renewalError: read.error });
      set({ renewalError: null, renewalPfx: null });
      if (isPfxFileName(file.name)) {
        warmPfxOpening();
        return set({ renewalPfx: { name: file.name, bytes: read.bytes } });
      }
      if (isSettings(file.name)) {
        const text = new TextDecoder().decode(read.bytes);
        // The planner the file names is loaded first, so its topology is checked and the renewal keeps it.
        const notLoaded = await loadSettingsProfile(text);
        if (notLoaded) return set({ renewalError: notLoaded });
        if (!get().openSettings(text)) return set({ renewalError: get().settingsError });
        const plan = get().plan;
        return set({
          page: "save-request",
          renewal: {
            from: file.name,
            subject: plan.subject.map((p) => `${p.type}=${p.value}`).join(", "),
            names: plan.altNames.length,
            notes: [],
            friendlyNameFrom: plan.friendlyName ? `the settings file ${file.name}` : null,
            changes: [],
          },
        });
      }
      await renewFromBytes(file.name, read.bytes);
    },
    renewFromKept: (id) => {
      const kept = get().pending.find((p) => p.id === id);
      if (!kept) return set({ renewalError: "That kept request is no longer in this browser." });
      const refused = get().startFromPlan(kept.plan);
      if (refused) return set({ renewalError: refused });
      set({
        page: "save-request",
        renewal: {
          from: `the request kept in this browser on ${kept.created.slice(0, 10)}`,
          subject: kept.subject,
          names: kept.plan.altNames.length,
          notes: [],
          friendlyNameFrom: kept.plan.friendlyName ? "the kept request" : null,
          changes: [],
        },
        renewalError: null,
        renewalPfx: null,
      });
    },
    renewFromPfx: async (password) => {
      const pending = get().renewalPfx;
      if (!pending) return;
      const { pfxOpenError } = await import("../pki/pfx-reader");
      const abort = new AbortController();
      cancelRenewalOpening = () => abort.abort();
      set({ renewalOpening: true, renewalError: null });
      try {
        const opened = await openPfxOffThread({ der: pending.bytes, password, signal: abort.signal });
        const index = opened.contents.items.filter((i) => i.kind === "certificate").findIndex((i) => i.matchesKey);
        const leaf = opened.certificates[index >= 0 ? index : 0];
        if (!leaf) return set({ renewalError: "This .pfx holds no certificate to renew." });
        // Only the certificate is used: the old key is not reused, and leaves memory with this function.
        await renewFromBytes(pending.name, leaf.der, {
          friendlyName: opened.friendlyName,
          legacyCsp: Boolean(opened.cspName),
          keySpec: opened.keySpec,
        });
      } catch (e) {
        set({
          renewalError: abort.signal.aborted
            ? "Opening the .pfx was cancelled: nothing was read from it."
            : pfxOpenError(e),
        });
      } finally {
        cancelRenewalOpening = null;
        set({ renewalOpening: false });
      }
    },
    cancelRenewalPfx: () => cancelRenewalOpening?.(),
  };
};
