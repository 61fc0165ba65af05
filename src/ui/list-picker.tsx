/** MMC's two-list picker: Available options, Add >, < Remove, Selected options. */
import { useId, useState } from "react";

export interface PickerOption {
  value: string;
  label: string;
  /** Shown as the option's tooltip and matched by the search, such as an OID. */
  detail?: string;
}

export function ListPicker(props: {
  name: string;
  options: readonly PickerOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** The label of a search box over Available options, for a long list. */
  search?: string;
}) {
  const id = useId();
  const [toAdd, setToAdd] = useState<string[]>([]);
  const [toRemove, setToRemove] = useState<string[]>([]);
  const [query, setQuery] = useState("");
  const wanted = query.trim().toLowerCase();
  const available = props.options.filter(
    (o) =>
      !props.selected.includes(o.value) &&
      (!wanted || o.label.toLowerCase().includes(wanted) || (o.detail ?? "").includes(wanted)),
  );
  const label = (value: string) => props.options.find((o) => o.value === value)?.label ?? value;
  const picked = (e: React.ChangeEvent<HTMLSelectElement>) => Array.from(e.target.selectedOptions, (o) => o.value);
  return (
    <>
      {props.search && (
        <div className="field">
          <label htmlFor={`${id}-search`}>{props.search}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            placeholder="e.g. Smart Card or 1.3.6.1.5.5.7"
            aria-describedby={`${id}-count`}
            onChange={(e) => {
              setQuery(e.target.value);
              setToAdd([]);
            }}
          />
          <p className="hint" id={`${id}-count`} aria-live="polite">
            {wanted ? `${available.length} of ${props.options.length} shown.` : "By name or object identifier."}
          </p>
        </div>
      )}
      <div className="picker">
        <div className="picker-list">
          <label htmlFor={`${id}-available`}>Available options</label>
          <select
            id={`${id}-available`}
            multiple
            size={Math.max(4, Math.min(props.options.length, 9))}
            value={toAdd}
            onChange={(e) => setToAdd(picked(e))}
            aria-description={`${props.name}: not in the request`}
          >
            {available.map((o) => (
              <option key={o.value} value={o.value} title={o.detail}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="picker-buttons">
          <button
            type="button"
            aria-label={`Add > ${props.name}`}
            disabled={toAdd.length === 0}
            aria-describedby={toAdd.length === 0 ? `${id}-add-why` : undefined}
            onClick={() => {
              props.onChange([...props.selected, ...toAdd.filter((v) => !props.selected.includes(v))]);
              setToAdd([]);
            }}
          >
            Add &gt;
          </button>
          <button
            type="button"
            aria-label={`< Remove ${props.name}`}
            disabled={toRemove.length === 0}
            aria-describedby={toRemove.length === 0 ? `${id}-remove-why` : undefined}
            onClick={() => {
              props.onChange(props.selected.filter((v) => !toRemove.includes(v)));
              setToRemove([]);
            }}
          >
            &lt; Remove
          </button>
          {/* A disabled control says why. */}
          <span id={`${id}-add-why`} className="visually-hidden">
            Select options under Available options first.
          </span>
          <span id={`${id}-remove-why`} className="visually-hidden">
            Select options under Selected options first.
          </span>
        </div>
        <div className="picker-list">
          <label htmlFor={`${id}-selected`}>Selected options</label>
          <select
            id={`${id}-selected`}
            multiple
            size={Math.max(4, Math.min(props.options.length, 9))}
            value={toRemove}
            onChange={(e) => setToRemove(picked(e))}
            aria-description={`${props.name}: in the request`}
          >
            {props.selected.map((v) => (
              <option key={v} value={v} title={props.options.find((o) => o.value === v)?.detail}>
                {label(v)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {props.search && props.selected.length > 0 && (
        <p className="hint">
          In the request:{" "}
          {props.selected
            .map((v) => {
              const detail = props.options.find((o) => o.value === v)?.detail;
              return detail && detail !== label(v) ? `${label(v)} (${detail})` : label(v);
            })
            .join(", ")}
          .
        </p>
      )}
    </>
  );
}
