/** "This request goes to": chosen once, on Certificate Enrollment, before any name is planned; every check reads it. */
import type { CaTarget } from "../pki/lint";
import { DEFAULT_PROFILE, usualCaTarget } from "../pki/profiles/registry";
import { plansNames } from "../store/plan-slice";
import { useWizard } from "../store/store";
import { RadioChoices, type RadioOption } from "../ui/radio-choices";

/** The choices, as the preflight names them ("Checked for: A public CA."). */
export const CA_TARGETS: RadioOption<CaTarget>[] = [
  {
    value: "public",
    label: "A public CA",
    hint: "The CA/Browser Forum rules apply: public names only, and the request asks for Server Authentication only.",
  },
  {
    value: "internal",
    label: "My own (internal) CA",
    hint: "Internal names, private addresses and Client Authentication are fine there.",
  },
];

/** The Lync reverse-proxy starts' words: the article they follow asks for a public certificate. */
const ARTICLE_PUBLIC_HINT =
  "The article asks for a public certificate: the CA/Browser Forum rules apply, and the request asks for Server Authentication only.";

/**
 * The choices with hints for the chosen start: the article's words only for the Lync reverse-proxy starts, and
 * "usually" beside the CA a profile's certificate usually comes from (Edge internal: your own CA).
 */
export function caTargetOptions(lync: boolean, usual: CaTarget | null): RadioOption<CaTarget>[] {
  return CA_TARGETS.map((o) => {
    const hint = lync && o.value === "public" ? ARTICLE_PUBLIC_HINT : o.hint;
    return {
      ...o,
      hint:
        usual === o.value && o.value !== "public" ? `${hint} This start's certificate usually comes from here.` : hint,
    };
  });
}

export function CaTargetChoice() {
  const caTarget = useWizard((s) => s.caTarget);
  const setCaTarget = useWizard((s) => s.setCaTarget);
  const lync = useWizard((s) => s.profile === DEFAULT_PROFILE && plansNames(s.startFrom));
  const usual = useWizard((s) => (s.startFrom === "reverse-proxy" ? usualCaTarget(s.profile) : null));
  return (
    <RadioChoices
      legend="This request goes to"
      options={caTargetOptions(lync, usual)}
      value={caTarget}
      onChange={setCaTarget}
    />
  );
}
