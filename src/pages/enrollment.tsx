/** Certificate Enrollment: "Before You Begin", and where the request starts from. */
import { useId } from "react";
import { INPUT_LIMIT_HINT } from "../pki/input-limits";
import type { ProfileId } from "../pki/profiles/framework";
import { DEFAULT_PROFILE, isProfileId, PROFILES } from "../pki/profiles/registry";
import { useWizard, type StartFrom } from "../store/store";
import { ErrorText } from "../ui/field";
import { FilePicker } from "../ui/file-picker";
import { RadioChoices, type RadioOption } from "../ui/radio-choices";
import { CaTargetChoice } from "./ca-target";
import { RenewStart } from "./renew-start";

type Start = StartFrom | ProfileId;

/**
 * One choice per planner profile other than the reverse proxy, after the reverse-proxy ones (words from the
 * registry): the Lync start and its article's example stay together, first.
 */
const PROFILE_STARTS: RadioOption<Start>[] = PROFILES.filter((p) => p.id !== DEFAULT_PROFILE).map((p) => ({
  value: p.id,
  label: p.start.label,
  hint: p.start.hint,
}));

const STARTS: RadioOption<Start>[] = [
  { value: "reverse-proxy", ...PROFILES.find((p) => p.id === DEFAULT_PROFILE)!.start },
  {
    value: "article-example",
    label: "Fill in the article's example (contoso.com)",
    hint: "Fills in the article's webext, meet, dialin and lyncdiscover.contoso.com. A public CA cannot validate these names: for a real request, use the start above.",
  },
  ...PROFILE_STARTS,
  {
    value: "web-server",
    label: "Web server (IIS, IIS ARR, other)",
    hint: "Server Authentication with Digital signature and Key encipherment; you add the names. Exchange and the other servers above have their own start, which plans the names.",
  },
  { value: "blank", label: "Blank request", hint: "Nothing filled in: every choice is yours." },
];

export function EnrollmentPage() {
  const id = useId();
  // A planner profile's start is the reverse-proxy start with another profile: its choice is the profile.
  const start = useWizard((s): Start =>
    s.startFrom === "reverse-proxy" && s.profile !== DEFAULT_PROFILE ? s.profile : s.startFrom,
  );
  const chooseStart = useWizard((s) => s.chooseStart);
  const chooseProfile = useWizard((s) => s.chooseProfile);
  const openSettingsFile = useWizard((s) => s.openSettingsFile);
  const settingsError = useWizard((s) => s.settingsError);
  const next = useWizard((s) => s.next);
  const goTo = useWizard((s) => s.goTo);
  return (
    <>
      <section aria-labelledby={`${id}-before`}>
        <h3 id={`${id}-before`}>Before You Begin</h3>
        <ul className="promises">
          <li>The key pair and the certificate request are created in this browser.</li>
          <li>Nothing is sent anywhere: this page makes no network connection.</li>
          <li>You keep the private key as a file encrypted under your passphrase.</li>
        </ul>
      </section>
      <RadioChoices
        legend="Start from"
        options={STARTS}
        value={start}
        onChange={(chosen) => {
          if (isProfileId(chosen)) chooseProfile(chosen);
          else if (chosen !== "settings") chooseStart(chosen);
        }}
      >
        <div className="choice">
          <FilePicker
            label="Open saved request settings…"
            accept=".json,application/json"
            describedBy={`${id}-open-error`}
            onFiles={async ([file]) => {
              if (await openSettingsFile(file!)) next();
            }}
          />
          <p className="hint">A .json file this tool wrote earlier. It holds no secret. {INPUT_LIMIT_HINT}</p>
          <ErrorText id={`${id}-open-error`} error={settingsError} />
        </div>
        <RenewStart />
        <div className="choice">
          <button type="button" onClick={() => goTo("inspect")}>
            Open a request or certificate…
          </button>
          <p className="hint">See everything in a request or certificate, check it, or renew from it.</p>
        </div>
        <div className="choice">
          <button type="button" onClick={() => goTo("complete-request")}>
            Complete a pending request…
          </button>
          <p className="hint">The CA has answered: match its certificate to your key and export a .pfx.</p>
        </div>
      </RadioChoices>
      <CaTargetChoice />
    </>
  );
}
