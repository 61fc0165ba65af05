/** A file chooser that reads as a button, with an optional drop zone around it; the input itself stays keyboard-reachable. */
import { useId, type ReactNode } from "react";

export function FilePicker(props: {
  label: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void | Promise<void>;
  describedBy?: string;
  /** With a hint, the picker is also a drop zone and says so. */
  dropHint?: ReactNode;
}) {
  const id = useId();
  const picker = (
    <>
      <label className="button" htmlFor={id}>
        {props.label}
      </label>
      <input
        className="visually-hidden"
        id={id}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        aria-describedby={props.describedBy}
        onChange={async (e) => {
          const input = e.currentTarget;
          const files = [...(input.files ?? [])];
          // Cleared so that choosing the same file again is seen as a change.
          input.value = "";
          if (files.length) await props.onFiles(files);
        }}
      />
    </>
  );
  if (!props.dropHint) return picker;
  return (
    <div
      className="drop"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void props.onFiles([...e.dataTransfer.files]);
      }}
    >
      {picker}
      <span className="hint"> {props.dropHint}</span>
    </div>
  );
}
