/** Start over in a store test, answering "go on" if the key guard asks (a test's key is never needed again). */
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
