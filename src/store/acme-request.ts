/**
 * The request the ACME page asks a certificate for: a request kept in this browser (chosen by the link's id,
 * else the newest) or a dropped file, its DNS names, and the order kept from before a reload.
 */
import { requestDnsNames } from "../pki/acme/request-names";
import { readInputFile } from "../pki/input-limits";
import { base64OrNull, isOneDerValue, readPemBlocks, textOrNull } from "../pki/pem";
import { loadResume } from "./acme-resume";
import { DIRECTORIES, requestDer, type AcmeActions, type RequestSource } from "./acme-state";
import type { AcmeSteps } from "./acme-steps";
import { listPendingRequests, type PendingRequest } from "./pending-requests";
import { errorText } from "./error-text";

/** The request's actions, and init, which reads the link and the kept order. */
export function requestActions({ set, get }: AcmeSteps): Pick<AcmeActions, "init" | "chooseSource" | "addRequestFile"> {
  return {
    init: async (hash) => {
      const resume = loadResume();
      const wanted = /(?:^#|&)request=([^&]+)/.exec(hash)?.[1];
      let kept: PendingRequest[] = [];
      try {
        kept = await listPendingRequests();
      } catch {
        // Why not the error's own text: a library's message is not a sentence for the admin.
        set({
          keptError:
            "The requests kept in this browser could not be read (this browser's storage refused): drop the request file on the page instead.",
        });
      }
      set({ kept });
      if (resume) {
        const { request } = resume;
        const source: RequestSource | null =
          request.kind === "kept"
            ? kept.some((k) => k.id === request.id)
              ? { kind: "kept", id: request.id }
              : null
            : (() => {
                const der = base64OrNull(request.csr);
                return der ? { kind: "file" as const, name: request.name, der } : null;
              })();
        const le = (Object.keys(DIRECTORIES) as (keyof typeof DIRECTORIES)[]).find(
          (k) => DIRECTORIES[k] === resume.directoryUrl,
        );
        set({
          resume,
          directoryChoice: le ?? "custom",
          customUrl: le ? "" : resume.directoryUrl,
          accountMode: "file",
        });
        if (source) get().chooseSource(source);
        return;
      }
      // Without an id in the link, the newest kept request (the one Finish just made); the list shows which.
      let id: string | undefined = kept[0]?.id;
      if (wanted) {
        try {
          id = decodeURIComponent(wanted);
        } catch {
          // A damaged link (e.g. %E0): no request is chosen from it; the list is there to choose one.
          id = undefined;
          set({ requestError: "The link's request id is damaged: choose the request below." });
        }
      }
      if (id && kept.some((k) => k.id === id)) get().chooseSource({ kind: "kept", id });
    },
    chooseSource: (source) => {
      set({ source, requestError: null, names: [] });
      const der = requestDer(get());
      if (!der) return;
      try {
        set({ names: requestDnsNames(der) });
      } catch (e) {
        set({ requestError: errorText(e), names: [] });
      }
    },
    addRequestFile: async (file) => {
      const read = await readInputFile(file);
      if (!read.ok) return set({ requestError: read.error });
      const text = isOneDerValue(read.bytes) ? null : textOrNull(read.bytes);
      const block = text ? readPemBlocks(text).find((b) => /CERTIFICATE REQUEST/.test(b.label)) : null;
      const der = block ? block.der : read.bytes;
      get().chooseSource({ kind: "file", name: file.name, der: new Uint8Array(der) });
    },
  };
}
