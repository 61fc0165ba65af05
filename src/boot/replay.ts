/**
 * Hands the app what the admin did on the prerendered page before the app's script took it over
 * (src/boot/early-input.js kept it). Hydration keeps the DOM as the admin left it, but the store never heard of
 * it: each changed input is set back to what was rendered, then each click is made again, in order, so the
 * store sees them as if they had happened now. Typed text is put back through the input's own events.
 */
interface EarlyInput {
  events: { type: string; target: HTMLButtonElement | HTMLInputElement }[];
  stop: () => void;
}

declare global {
  interface Window {
    __earlyInput?: EarlyInput;
  }
}

/** Stops keeping early input: from now on React handles it (it queues what comes while it hydrates). */
export function takeEarlyInput(): EarlyInput | undefined {
  const early = window.__earlyInput;
  early?.stop();
  delete window.__earlyInput;
  return early;
}

/** The value setter of the element's prototype, which React's change tracking does not see. */
function setUntracked(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), "value")?.set?.call(element, value);
}

/** Replays early input on the hydrated page under `container`. */
export function replayEarlyInput(container: HTMLElement, early: EarlyInput | undefined): void {
  if (!early) return;
  const inputs = [...container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")];
  const checkable = inputs.filter(
    (i): i is HTMLInputElement => i instanceof HTMLInputElement && (i.type === "radio" || i.type === "checkbox"),
  );
  // Through each element's own property, so React's tracker of that element sees the rendered state again: first
  // off what the admin turned on, then on what was rendered on (checking a radio turns its group's others off
  // without their own property being set, which would leave their trackers behind).
  for (const input of checkable) if (input.checked && !input.defaultChecked) input.checked = false;
  for (const input of checkable) if (!input.checked && input.defaultChecked) input.checked = true;
  const typed: [HTMLInputElement | HTMLTextAreaElement, string][] = [];
  for (const input of inputs) {
    // Never a password: an autofilled or restored one is not the admin's typing, and secrets stay where typed.
    if (checkable.includes(input as HTMLInputElement) || input.type === "file" || input.type === "password") continue;
    if (input.value !== input.defaultValue) {
      typed.push([input, input.value]);
      input.value = input.defaultValue;
    }
  }
  for (const [input, value] of typed) {
    setUntracked(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
  for (const { type, target } of early.events) {
    if (!target.isConnected) continue;
    // A file input's click (from its label) would open the file chooser again: its change carries the file.
    if (type === "click" && !(target instanceof HTMLInputElement && target.type === "file")) target.click();
    else if (type === "change" && target instanceof HTMLInputElement && target.type === "file" && target.files?.length)
      target.dispatchEvent(new Event("change", { bubbles: true }));
  }
}
