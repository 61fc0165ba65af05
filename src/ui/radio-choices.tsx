/** A fieldset of radio buttons, each with its label and an optional hint, as MMC groups its choices. */
import { useId, type ReactNode } from "react";

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
  /** Show the hint as a warning (for a choice that works but is usually wrong). */
  warn?: boolean;
  disabled?: boolean;
}

export function RadioChoices<T extends string>(props: {
  legend: string;
  options: readonly RadioOption<T>[];
  value: T;
  onChange: (value: T) => void;
  description?: ReactNode;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.description}
      {props.options.map((o) => (
        <div className="choice" key={o.value}>
          <input
            type="radio"
            name={id}
            id={`${id}-${o.value}`}
            checked={props.value === o.value}
            disabled={o.disabled}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
            onChange={() => props.onChange(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          {o.hint && (
            <p className={o.warn ? "warning" : "hint"} id={`${id}-${o.value}-hint`}>
              {o.hint}
            </p>
          )}
        </div>
      ))}
      {props.children}
    </fieldset>
  );
}
