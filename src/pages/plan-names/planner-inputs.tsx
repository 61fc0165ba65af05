/** Plan names' inputs, rendered from the profile's description (PlannerInput): one component for every profile. */
import type { Finding } from "../../pki/finding";
import type { NamesPlan, PlannerInput } from "../../pki/profiles/framework";
import type { AnyTopology } from "../../pki/profiles/registry";
import { Checkbox } from "../../ui/checkbox";
import { RadioChoices } from "../../ui/radio-choices";
import { LooseFindings, PlanField, UseDefault } from "./plan-field";

type Input = PlannerInput<AnyTopology, NamesPlan>;

/** What every input reads: the topology, its plan, the change action and the findings by anchor. */
export interface InputContext {
  topology: AnyTopology;
  plan: NamesPlan;
  update: (change: (t: AnyTopology) => AnyTopology) => void;
  /** The findings shown beside the input with this anchor (its field). */
  at: (anchor: string) => Finding[];
}

const text = <T,>(value: string | ((t: AnyTopology, p: NamesPlan) => T) | undefined, c: InputContext) =>
  typeof value === "function" ? value(c.topology, c.plan) : value;
const lines = (value: string) => value.split("\n");

/** The inputs in order, each shown when its condition holds. */
export function PlannerInputs({ inputs, context }: { inputs: readonly Input[]; context: InputContext }) {
  return inputs
    .filter((input) => !input.shownWhen || input.shownWhen(context.topology, context.plan))
    .map((input) => <PlannerInputView key={input.field} input={input} context={context} />);
}

function PlannerInputView({ input, context: c }: { input: Input; context: InputContext }) {
  const { topology: t, update } = c;
  switch (input.kind) {
    case "lines":
      return (
        <PlanField
          label={text(input.label, c)!}
          anchor={input.field}
          hint={text(input.hint, c)}
          findings={c.at(input.field)}
        >
          {(control) => (
            <textarea
              {...control}
              rows={input.rows}
              placeholder={text(input.placeholder, c)}
              value={input.get(t).join("\n")}
              onChange={(e) => {
                const value = lines(e.target.value);
                update((now) => input.set(now, value));
              }}
            />
          )}
        </PlanField>
      );
    case "text": {
      const fallback = input.fallback;
      const typed = !fallback || fallback.isTyped(t);
      const shown = fallback?.value(t, c.plan) ?? "";
      return (
        <PlanField
          label={text(input.label, c)!}
          anchor={input.field}
          hint={
            typed && fallback ? (
              <UseDefault value={shown} onClick={() => update((now) => fallback.reset(now))} />
            ) : (
              text(input.hint, c)
            )
          }
          findings={c.at(input.field)}
        >
          {(control) => (
            <input
              {...control}
              value={typed ? input.get(t) : shown}
              placeholder={text(input.placeholder, c)}
              onChange={(e) => {
                const value = e.target.value;
                update((now) => input.set(now, value));
              }}
            />
          )}
        </PlanField>
      );
    }
    case "choice":
      return (
        <RadioChoices
          legend={text(input.label, c)!}
          description={input.hint && <p className="hint">{text(input.hint, c)}</p>}
          options={input.options}
          value={input.get(t)}
          onChange={(value) => update((now) => input.set(now, value))}
        >
          {input.inside && <PlannerInputs inputs={input.inside} context={c} />}
          <LooseFindings findings={c.at(input.field)} />
        </RadioChoices>
      );
    case "flag":
      return (
        <>
          <Checkbox
            label={text(input.label, c)!}
            checked={input.get(t)}
            onChange={(checked) => update((now) => input.set(now, checked))}
            hint={text(input.hint, c)}
          />
          {input.get(t) && input.inside && <PlannerInputs inputs={input.inside} context={c} />}
          <LooseFindings findings={c.at(input.field)} />
        </>
      );
    case "group":
      return (
        <fieldset>
          <legend>{text(input.label, c)}</legend>
          {input.hint && <p className="hint">{text(input.hint, c)}</p>}
          <PlannerInputs inputs={input.inside} context={c} />
          <LooseFindings findings={c.at(input.field)} />
        </fieldset>
      );
    case "each":
      return (
        <>
          <PlannerInputs inputs={input.items(t, c.plan).map((item, i) => input.input(item, i))} context={c} />
          <LooseFindings findings={c.at(input.field)} />
        </>
      );
  }
}
