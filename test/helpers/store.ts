/** Start over in a store test, answering "go on" if the key guard asks (a test's key is never needed again). */
import { initialCompleteState } from "../../src/store/complete-slice";
import { useWizard } from "../../src/store/store";

export function resetStore(): void {
  useWizard.getState().reset();
  useWizard.getState().answerExit(true);
}

/** Start over on the article's example (contoso.com): a complete request without typing a name. */
export function resetToArticleExample(): void {
  resetStore();
  useWizard.getState().chooseStart("article-example");
}

/** Complete the request as a test starts it: no certificate, no key source, no key, the Export form as new. */
export function clearComplete(): void {
  useWizard.setState({
    certificates: [],
    keySource: null,
    openedKey: null,
    keyPassphrase: "",
    exportError: null,
    pfx: initialCompleteState().pfx,
    lastExport: null,
    exportedPassword: null,
    keyChosenFor: null,
  });
}
