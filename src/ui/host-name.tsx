/**
 * A host name, URL or e-mail address that may wrap on a narrow screen: the line breaks after a dot, "/" or
 * "@" (a <wbr>), so "lyncweb.fabrikam.com" wraps as "lyncweb." / "fabrikam.com", never mid-label.
 */
import { Fragment } from "react";

export function HostName({ name }: { name: string }) {
  const parts = name.split(/(?<=[.@/])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
