/**
 * Why: a page left open on an admin's desk should not hold a passphrase or an opened key for long. `drop` runs
 * once nothing has been pressed, typed or clicked for `ms`; any of those starts the wait again.
 */
import { useEffect } from "react";

export const IDLE_MS = 10 * 60 * 1000;

export function useIdleDrop(drop: () => void, ms: number = IDLE_MS): void {
  useEffect(() => {
    let timer = setTimeout(drop, ms);
    const stillHere = () => {
      clearTimeout(timer);
      timer = setTimeout(drop, ms);
    };
    const events = ["pointerdown", "keydown", "input"] as const;
    for (const e of events) window.addEventListener(e, stillHere, true);
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, stillHere, true);
    };
  }, [drop, ms]);
}
