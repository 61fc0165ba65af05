/**
 * Text from outside (a certificate, a request, a stored record) shown as data: control, direction and
 * invisible characters written out as ⟨U+XXXX⟩, in an isolated left-to-right run, so that a name can neither
 * reorder the page around it nor pass for another name.
 */
import { hasHiddenCharacters, showHiddenCharacters } from "../pki/visible-text";
import { HostName } from "./host-name";

export function ShownText({ text }: { text: string }) {
  return (
    <bdi dir="ltr" className={hasHiddenCharacters(text) ? "shown-text hidden-characters" : "shown-text"}>
      <HostName name={showHiddenCharacters(text)} />
    </bdi>
  );
}
