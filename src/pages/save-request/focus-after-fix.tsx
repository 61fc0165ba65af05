import { useEffect, useRef, type ReactNode } from "react";
import { preflightOf } from "../../store/selectors";
import { useWizard } from "../../store/store";
import { fieldAnchor } from "../../ui/field-anchor";

/**
 * After a one-click fix in the preflight, the fix's button is gone with its finding: the focus goes to the fix
 * now in its place (the next finding's), or to Finish when none is left, never back to the page's top.
 */
export function FocusAfterFix(props: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const fixedAt = useRef<number | null>(null);
  const findings = useWizard((s) => preflightOf(s.plan, s.caTarget));
  const fixButtons = () => [...(box.current?.querySelectorAll<HTMLButtonElement>(".findings button") ?? [])];
  useEffect(() => {
    const at = fixedAt.current;
    fixedAt.current = null;
    if (at === null || (document.activeElement && document.activeElement !== document.body)) return;
    const buttons = fixButtons();
    (buttons[Math.min(at, buttons.length - 1)] ?? document.getElementById(fieldAnchor("finish")))?.focus();
  }, [findings]);
  return (
    <div
      ref={box}
      onClickCapture={(e) => {
        const button = (e.target as HTMLElement).closest<HTMLButtonElement>(".findings button");
        if (button) fixedAt.current = fixButtons().indexOf(button);
      }}
    >
      {props.children}
    </div>
  );
}
