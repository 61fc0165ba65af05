/**
 * The element id of the input a blocker or finding belongs beside, so that the error summary at the top of a
 * page links to it. One function, so the page that renders the input and the summary cannot disagree.
 */
export const fieldAnchor = (field: string) => `field-${field}`;

/** Moves the focus to a field's input (and scrolls it into view); false when the page has no such input. */
export function focusField(field: string): boolean {
  const target = document.getElementById(fieldAnchor(field));
  if (!target) return false;
  target.scrollIntoView({ block: "center" });
  target.focus();
  return true;
}
