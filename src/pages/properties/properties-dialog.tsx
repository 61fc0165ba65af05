/** Certificate Properties: a modal dialog with the General, Subject, Extensions and Private Key tabs, OK and Cancel. */
import { useEffect, useId, useRef, useState } from "react";
import { useWizard, type PropertiesTab } from "../../store/store";
import { ExtensionsTab } from "./extensions";
import { GeneralTab } from "./general";
import { PrivateKeyTab } from "./private-key";
import { SubjectTab } from "./subject";

const TABS: { id: PropertiesTab; label: string; Panel: () => React.JSX.Element }[] = [
  { id: "general", label: "General", Panel: GeneralTab },
  { id: "subject", label: "Subject", Panel: SubjectTab },
  { id: "extensions", label: "Extensions", Panel: ExtensionsTab },
  { id: "private-key", label: "Private Key", Panel: PrivateKeyTab },
];

export function PropertiesDialog() {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const tab = useWizard((s) => s.properties?.tab ?? "general");
  const selectTab = useWizard((s) => s.selectTab);
  const close = useWizard((s) => s.closeProperties);
  // The button that opened the dialog (Properties, or a problem's "Fix it in Properties"), as the first render
  // finds it: the dialog leaves the page when OK, Cancel or Escape closes it, and the focus goes back there rather
  // than to the page's body (to Properties when that button is gone, its problem fixed).
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    // Why showModal: the browser then keeps focus inside the dialog and closes it on Escape, as MMC's does.
    ref.current?.showModal();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      else document.querySelector<HTMLElement>("[data-opens-properties]")?.focus();
    };
  }, [opener]);
  const index = TABS.findIndex((t) => t.id === tab);
  const { Panel } = TABS[index] ?? TABS[0]!;
  const moveTab = (step: number) => {
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    selectTab(next.id);
    document.getElementById(`${id}-tab-${next.id}`)?.focus();
  };
  return (
    <dialog
      ref={ref}
      className="properties"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        close(false);
      }}
    >
      <h2 id={`${id}-title`}>Certificate Properties</h2>
      <div role="tablist" aria-label="Certificate Properties">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${id}-tab-${t.id}`}
            aria-selected={t.id === tab}
            aria-controls={`${id}-panel`}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => selectTab(t.id)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") moveTab(1);
              if (e.key === "ArrowLeft") moveTab(-1);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      {/* The panel scrolls inside the dialog; every tab has fields, so moving the focus through them scrolls it. */}
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`} className="tab-panel">
        <Panel key={tab} />
      </div>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => close(true)}>
          OK
        </button>
        <button type="button" onClick={() => close(false)}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
