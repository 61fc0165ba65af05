/** MMC's Subject tab block: Type, Value, Add >, < Remove and the list of what was added. */
import { useId, useState } from "react";
import { ErrorText } from "./field";

export interface ListEntry {
  key: string;
  text: string;
  /** Shown but not removable here: it is there because of another choice. */
  implied?: boolean;
}

export function TypeValueList<T extends string>(props: {
  legend: string;
  types: readonly { type: T; label: string }[];
  entries: readonly ListEntry[];
  /** Adds the value, or returns what is wrong with it. */
  onAdd: (type: T, value: string) => string | null;
  /** The one value that fixes a refused one (a pasted URL's host), offered as "Use …"; null when there is none. */
  fixFor?: (type: T, value: string) => string | null;
  onRemove: (keys: string[]) => void;
  placeholder: (type: T) => string;
  note?: React.ReactNode;
}) {
  const id = useId();
  const first = props.types[0]?.type as T;
  const [type, setType] = useState<T>(first);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const add = (text = value) => {
    const problem = props.onAdd(type, text);
    setError(problem);
    setValue(problem ? text : "");
  };
  const fixed = error ? (props.fixFor?.(type, value) ?? null) : null;
  return (
    <fieldset className="type-value">
      <legend>{props.legend}</legend>
      <div className="type-value-grid">
        <div className="type-value-input">
          <label htmlFor={`${id}-type`}>Type</label>
          <select
            id={`${id}-type`}
            value={type}
            onChange={(e) => {
              setType(e.target.value as T);
              setError(null);
            }}
          >
            {props.types.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-value`}>Value</label>
          <input
            id={`${id}-value`}
            value={value}
            // Why "e.g.": a grey example that reads like a value makes an empty field look filled in.
            placeholder={`e.g. ${props.placeholder(type)}`}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-error`}
            onChange={(e) => {
              setValue(e.target.value);
              // An error speaks of what was typed: once the value changes, it no longer applies.
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
          />
          <ErrorText
            id={`${id}-error`}
            error={error}
            fix={fixed === null ? null : { label: `Use ${fixed}`, onFix: () => add(fixed) }}
          />
        </div>
        <div className="picker-buttons">
          <button type="button" aria-label={`Add > ${props.legend}`} onClick={() => add()}>
            Add &gt;
          </button>
          <button
            type="button"
            aria-label={`< Remove ${props.legend}`}
            disabled={chosen.length === 0}
            aria-describedby={chosen.length === 0 ? `${id}-remove-why` : undefined}
            onClick={() => {
              props.onRemove(chosen);
              setChosen([]);
            }}
          >
            &lt; Remove
          </button>
          {/* A disabled control says why. */}
          <span id={`${id}-remove-why`} className="visually-hidden">
            Select entries in the list first.
          </span>
        </div>
        <div className="picker-list">
          <label htmlFor={`${id}-list`}>{`${props.legend} in the request`}</label>
          <select
            id={`${id}-list`}
            multiple
            size={6}
            value={chosen}
            onChange={(e) => setChosen(Array.from(e.target.selectedOptions, (o) => o.value))}
          >
            {props.entries.map((entry) => (
              <option key={entry.key} value={entry.key} disabled={entry.implied}>
                {entry.text}
              </option>
            ))}
          </select>
        </div>
      </div>
      {props.note}
    </fieldset>
  );
}
