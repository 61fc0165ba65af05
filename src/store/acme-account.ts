/**
 * The CA's directory and the ACME account: contacting the CA, a new account (its key made here, kept only in
 * the encrypted account file the admin saves) or one opened from that file, and letting the secrets go.
 */
import {
  generateAccountKey,
  lockAccountKey,
  openAccountKey,
  readAccountFile,
  writeAccountFile,
} from "../pki/acme/account-file";
import { acmeClient } from "../pki/acme/client";
import { eabKey } from "../pki/acme/checks";
import { externalAccountBinding, jwkThumbprint, publicJwk } from "../pki/acme/jws";
import { problemSentence } from "../pki/acme/problem";
import { readInputFile } from "../pki/input-limits";
import { keyFileError } from "../pki/private-key";
import { accountBlocker, chosenDirectoryUrl, type AcmeActions, type AcmeState } from "./acme-state";
import { connection, type AcmeSteps } from "./acme-steps";

type AccountActions = Pick<
  AcmeActions,
  | "chooseDirectory"
  | "setCustomUrl"
  | "contact"
  | "update"
  | "createAccount"
  | "setAccountFile"
  | "openAccount"
  | "markAccountFileSaved"
  | "dropSecrets"
>;

/** The directory's and the account's actions; `loadOrder` resumes the order kept for this account. */
export function accountActions(steps: AcmeSteps, loadOrder: (url: string) => Promise<void>): AccountActions {
  const { set, get, step, withLocation } = steps;

  async function takeAccount(account: AcmeState["account"]) {
    set({ account, passphrase: "", confirm: "" });
    const r = get().resume;
    if (r && account && r.kid === account.kid && r.directoryUrl === get().directoryUrl) await loadOrder(r.orderUrl);
  }

  return {
    chooseDirectory: (directoryChoice) => set({ directoryChoice }),
    setCustomUrl: (customUrl) => set({ customUrl }),
    contact: async () => {
      const chosen = chosenDirectoryUrl(get());
      if ("error" in chosen) return set({ error: chosen.error });
      // A new directory is a new CA: nothing of the previous one is kept.
      if (chosen.url !== get().directoryUrl) {
        connection.client = acmeClient({ directoryUrl: chosen.url });
        set({ directory: null, account: null, accountFileOut: null, order: null, authorizations: [], chainPem: null });
      }
      set({ directoryUrl: chosen.url });
      const directory = await step("Contacting the CA…", () => connection.client!.directory());
      if (!directory) return;
      set({ directory, error: null, unreachable: false });
    },
    update: (change) => set(change),
    createAccount: async () => {
      const blocker = accountBlocker(get());
      if (blocker) return set({ error: blocker });
      const directory = get().directory;
      if (!directory || !connection.client) return;
      try {
        set({ busy: "Making the account key…", error: null });
        const pair = await generateAccountKey();
        const jwk = await publicJwk({ key: pair.publicKey });
        const s = get();
        const binding = directory.meta?.externalAccountRequired
          ? await externalAccountBinding({
              keyId: s.eabKeyId.trim(),
              hmacKey: eabKey(s.eabHmacKey)!,
              url: directory.newAccount,
              jwk,
            })
          : undefined;
        const r = await withLocation("Creating the account…", () =>
          connection.client!.post<{ status: string }>({
            url: directory.newAccount,
            payload: { termsOfServiceAgreed: true, ...(binding ? { externalAccountBinding: binding } : {}) },
            key: { privateKey: pair.privateKey, jwk },
          }),
        );
        // The HMAC key has done its job: it is not kept.
        set({ eabHmacKey: "" });
        if (!r.ok) {
          if (r.problem) set({ error: problemSentence(r.problem, r.problem.status, "account") });
          return;
        }
        if (!r.location) return set({ error: "The CA did not say the account's URL (no Location header)." });
        set({ busy: "Encrypting the account file…" });
        const accountFileOut = await writeAccountFile({
          privateKey: pair.privateKey,
          kid: r.location,
          directory: connection.client.directoryUrl,
          passphrase: get().passphrase,
        });
        // Why lock: the file holds the key, encrypted; the page's own copy need never be exported again.
        const privateKey = await lockAccountKey({ privateKey: pair.privateKey });
        set({ busy: null, accountFileOut, accountFileSaved: false });
        await takeAccount({ privateKey, jwk, kid: r.location, thumbprint: await jwkThumbprint({ jwk: { ...jwk } }) });
      } catch {
        // Why a sentence of ours: a WebCrypto or encoding failure has no message meant for the admin.
        set({ error: "The account could not be made in this browser: nothing was saved. Try again." });
      } finally {
        // The HMAC key has done its job (or failed): it is not kept, and the page is never left busy.
        set({ busy: null, eabHmacKey: "" });
      }
    },
    setAccountFile: async (file) => {
      const read = await readInputFile(file);
      if (!read.ok) return set({ error: read.error });
      set({ accountFileIn: { name: file.name, text: new TextDecoder().decode(read.bytes) }, error: null });
    },
    openAccount: async () => {
      const inFile = get().accountFileIn;
      if (!inFile) return set({ error: "Choose the account file this page gave you." });
      const read = readAccountFile(inFile.text);
      if (!read.ok) return set({ error: read.error });
      if (read.file.directory !== get().directoryUrl)
        return set({ error: `This account file is for ${read.file.directory}, not the directory chosen here.` });
      set({ busy: "Opening the account file…", error: null });
      let opened: Awaited<ReturnType<typeof openAccountKey>>;
      try {
        opened = await openAccountKey({ pem: read.file.key, passphrase: get().passphrase });
      } catch (e) {
        return set({ busy: null, error: keyFileError(e) });
      }
      // The CA confirms the account (RFC 8555 section 7.3.1, onlyReturnExisting): the same URL, not a new one.
      const r = await withLocation("Asking the CA for the account…", () =>
        connection.client!.post<{ status: string }>({
          url: get().directory!.newAccount,
          payload: { onlyReturnExisting: true },
          key: { privateKey: opened.privateKey, jwk: opened.jwk },
        }),
      );
      if (!r.ok) return;
      const kid = r.location ?? read.file.kid;
      await takeAccount({ ...opened, kid, thumbprint: await jwkThumbprint({ jwk: { ...opened.jwk } }) });
    },
    markAccountFileSaved: () => set({ accountFileSaved: true }),
    dropSecrets: () => {
      const s = get();
      const had = s.passphrase !== "" || s.confirm !== "" || s.eabHmacKey !== "" || s.account !== null;
      if (!had) return;
      // The order stays (its URL is no secret, kept as `resume`): opening the account file again picks it up.
      connection.polling?.abort();
      set({
        passphrase: "",
        confirm: "",
        eabHmacKey: "",
        account: null,
        accountMode: s.account ? "file" : s.accountMode,
        busy: null,
        waiting: false,
        error: s.account
          ? "The page was left idle for 10 minutes: the account key and the passphrases were let go. Open the account file again to go on."
          : "The page was left idle for 10 minutes: the passphrases and the HMAC key were let go. Type them again to go on.",
      });
    },
  };
}
