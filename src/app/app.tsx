/** The wizard inside the static shell of index.html: the list of pages, the current page, Back / Next, and the Properties dialog. */
import { lazy, Suspense, useEffect, useLayoutEffect, useRef } from "react";
import { CustomRequestPage } from "../pages/custom-request";
import { EnrollmentPage } from "../pages/enrollment";
import { EnrollmentPolicyPage } from "../pages/enrollment-policy";
import { PAGES, useWizard, visiblePages, type PageId } from "../store/store";
import { refusedBlockers } from "../store/selectors";
import { ErrorSummary } from "../ui/error-summary";
import { useIdleDrop } from "../ui/use-idle-drop";
import { KeyGuard } from "./key-guard";
import { PageBoundary } from "./page-boundary";

// Why lazy: this page brings the PKCS #12 code (node-forge's 3DES and KDF), which the wizard itself never needs.
const CompleteRequestPage = lazy(() =>
  import("../pages/complete-request").then((m) => ({ default: m.CompleteRequestPage })),
);
// Why lazy: the four tabs (and the application policies' catalogue) are wanted once the admin clicks Properties.
const PropertiesDialog = lazy(() =>
  import("../pages/properties/properties-dialog").then((m) => ({ default: m.PropertiesDialog })),
);
const InspectPage = lazy(() => import("../pages/inspect").then((m) => ({ default: m.InspectPage })));
// Why lazy: the first page is what every visit waits for; the later pages' code is fetched (or, in the single
// file, compiled) once the first page is usable and the browser is idle, so Next does not wait for it.
const laterPages = {
  planNames: () => import("../pages/plan-names").then((m) => ({ default: m.PlanNamesPage })),
  certificateInformation: () =>
    import("../pages/certificate-information").then((m) => ({ default: m.CertificateInformationPage })),
  saveRequest: () => import("../pages/save-request").then((m) => ({ default: m.SaveRequestPage })),
};
const PlanNamesPage = lazy(laterPages.planNames);
const CertificateInformationPage = lazy(laterPages.certificateInformation);
const SaveRequestPage = lazy(laterPages.saveRequest);

const PAGE_COMPONENTS: Record<PageId, React.ComponentType> = {
  enrollment: EnrollmentPage,
  "enrollment-policy": EnrollmentPolicyPage,
  "custom-request": CustomRequestPage,
  "plan-names": PlanNamesPage,
  "certificate-information": CertificateInformationPage,
  "save-request": SaveRequestPage,
  "complete-request": CompleteRequestPage,
  inspect: InspectPage,
};

/**
 * Calls `run` as the page is committed (a layout effect: before React handles any event that made it hydrate).
 * Beside the page, inside its Suspense boundary when it has one.
 */
function Ready({ run }: { run?: () => void }) {
  useLayoutEffect(() => run?.(), [run]);
  return null;
}

/**
 * The pages whose code loads when they open, and so render inside Suspense. Why not every page: React hydrates a
 * Suspense boundary's content in a later pass, and a click in between would reach the buttons before the first
 * page's choices; the first pages are in the app's start chunk, hydrated in one pass with the rest.
 */
const LAZY_PAGES = new Set<PageId>([
  "plan-names",
  "certificate-information",
  "save-request",
  "complete-request",
  "inspect",
]);

/** `onReady`: called once the first page is on screen and React handles it (hydrated, or rendered afresh). */
export function App({ onReady }: { onReady?: () => void } = {}) {
  const page = useWizard((s) => s.page);
  const startFrom = useWizard((s) => s.startFrom);
  const pages = visiblePages(startFrom);
  const propertiesOpen = useWizard((s) => s.properties !== null);
  const next = useWizard((s) => s.next);
  const back = useWizard((s) => s.back);
  const reset = useWizard((s) => s.reset);
  const draftError = useWizard((s) => s.draftError);
  // The reasons are worked out again on every change, so one the admin fixed goes from the summary at once.
  const nextRefused = useWizard(refusedBlockers);
  const summary = useRef<HTMLDivElement>(null);
  const refusedAt = useWizard((s) => s.nextRefused);
  useEffect(() => {
    // Next never does nothing: the focus moves to the reasons it stayed, which a screen reader then reads.
    if (refusedAt) summary.current?.focus();
  }, [refusedAt]);
  const dropSecrets = useWizard((s) => s.dropSecrets);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const index = pages.findIndex((p) => p.id === page);
  const current = PAGES.find((p) => p.id === page) ?? pages[0]!;
  const Page = PAGE_COMPONENTS[page];
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
    // A page whose code cannot be fetched now says so when it opens (PageBoundary), not here.
    idle(() => void Promise.all(Object.values(laterPages).map((load) => load())).catch(() => undefined), {
      timeout: 3000,
    });
  }, []);
  // Ten minutes without a key press or a click, and every passphrase, password and opened key is dropped.
  useIdleDrop(dropSecrets);
  useEffect(() => {
    document.title = `${current.title} - Certificate request wizard`;
    // Why focus the heading: a keyboard or screen-reader user hears where Next or Back took them.
    if (!firstRender.current) heading.current?.focus();
    firstRender.current = false;
  }, [current.id, current.title]);
  return (
    // The title and tagline are static in index.html, so they show before any script has run.
    <>
      <nav aria-label="Wizard pages">
        {/* On a phone the list of seven steps would push every page down: one line says where the admin is. */}
        {index >= 0 && (
          <p className="step-compact">
            Step {index + 1} of {pages.length}: {current.title}
          </p>
        )}
        <ol>
          {pages.map((p, i) => (
            <li key={p.id} aria-current={p.id === page ? "step" : undefined} className={i < index ? "done" : undefined}>
              {p.title}
            </li>
          ))}
        </ol>
      </nav>
      <main>
        {/* elementtiming: `npm run bench` reads when this heading was painted (src/boot/early-input.js). */}
        <h2 ref={heading} tabIndex={-1} {...{ elementtiming: "page-heading" }}>
          {current.title}
        </h2>
        {nextRefused && nextRefused.length > 0 && (
          <ErrorSummary ref={summary} title="Next cannot go on yet:" blockers={nextRefused} />
        )}
        {draftError && (
          <p className="warning" role="alert">
            {draftError}
          </p>
        )}
        <PageBoundary key={page} onError={onReady}>
          {LAZY_PAGES.has(page) ? (
            <Suspense fallback={<p role="status">Loading…</p>}>
              <Page />
              <Ready run={onReady} />
            </Suspense>
          ) : (
            <>
              <Page />
              <Ready run={onReady} />
            </>
          )}
        </PageBoundary>
        <div className="wizard-buttons">
          <button type="button" onClick={reset} className="link">
            Start over
          </button>
          <span className="spacer" />
          <button
            type="button"
            onClick={back}
            disabled={page === "enrollment"}
            aria-describedby={page === "enrollment" ? "back-why" : undefined}
          >
            Back
          </button>
          {/* A disabled control says why. */}
          {page === "enrollment" && (
            <span id="back-why" className="visually-hidden">
              This is the first page.
            </span>
          )}
          {index >= 0 && index < pages.length - 1 && (
            // On the save page Finish, then the downloads, are the primary actions: Next is not.
            <button type="button" className={page === "save-request" ? undefined : "primary"} onClick={next}>
              Next
            </button>
          )}
        </div>
      </main>
      {propertiesOpen && (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <PropertiesDialog />
        </Suspense>
      )}
      <KeyGuard />
    </>
  );
}
