/**
 * An error boundary around each page: a page that fails to render shows a message and a way on, not a blank
 * window. The draft is kept in the store, so nothing typed is lost.
 */
import { Component, type ReactNode } from "react";
import { CODE_NOT_LOADED, isCodeNotLoaded } from "../store/error-text";

export class PageBoundary extends Component<{ children: ReactNode; onError?: () => void }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  // Why tell: the page that failed is then the page shown, and whatever waited for it (a prerendered page hidden
  // until a draft's page is drawn, input kept until the app takes over) must stop waiting.
  componentDidCatch() {
    this.props.onError?.();
  }

  render() {
    if (!this.state.error) return this.props.children;
    // Why Reload and not Try again here: the browser keeps a failed import failed for the life of the page, and
    // after the site was updated the old file is gone for good; a reload brings the new version (the draft comes
    // back, and the key guard asks first while a key is not saved).
    if (isCodeNotLoaded(this.state.error))
      return (
        <div className="error" role="alert">
          <p>This page could not be shown: {CODE_NOT_LOADED}.</p>
          <button type="button" onClick={() => location.reload()}>
            Reload the page
          </button>
        </div>
      );
    return (
      <div className="error" role="alert">
        <p>This page could not be shown: {this.state.error.message}</p>
        <p>What you entered is kept. Go Back, or try the page again.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
