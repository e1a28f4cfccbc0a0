import { useState } from 'react';
import { actions, useApp } from '../../store/index.ts';
import { paramChangeProblem } from '../../store/settingsCheck.ts';
import { CALIBRATIONS, PARAMS, type ParamSpec } from '../../model/params.ts';
import { checkParam } from '../../model/validate.ts';
import { NumberField } from './NumberField.tsx';

const selectParams = (s: { settings: { params: Readonly<Record<string, number>> } }) => s.settings.params;

/** Every constant of the model: unit, range, default and source, editable, with reset. */
export function ModelConstants() {
  const params = useApp(selectParams);
  const changed = Object.keys(params).length;
  // The rows (about 700 elements) are built when the list is first opened, not with the page: they
  // were two fifths of the first render's DOM, for a list that starts closed.
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="constants"
      data-testid="model-constants"
      onToggle={(e) => e.currentTarget.open && setOpened(true)}
    >
      <summary onClick={() => setOpened(true)}>
        Model constants <span className="badge">{changed > 0 ? `${changed} changed` : 'defaults'}</span>
      </summary>
      {opened && <ConstantsBody params={params} changed={changed} />}
    </details>
  );
}

/** Reset, the calibrations, and every constant by group. */
function ConstantsBody({ params, changed }: { params: Readonly<Record<string, number>>; changed: number }) {
  const groups = [...new Set(PARAMS.map((p) => p.group))];
  return (
    <>
      <div className="constants-actions">
        <button type="button" onClick={actions.resetParams} disabled={changed === 0}>
          Reset all
        </button>
        {Object.entries(CALIBRATIONS).map(([name, c]) => (
          <button
            key={name}
            type="button"
            title={c.description}
            onClick={() => actions.applyParams({ ...c.params })}
          >
            Calibration {name}
          </button>
        ))}
      </div>
      {groups.map((g) => (
        <section key={g} className="constants-group">
          <h4>{g}</h4>
          {(PARAMS as readonly ParamSpec[])
            .filter((p) => p.group === g)
            .map((p) => (
              <ConstantRow
                key={p.name}
                spec={p}
                params={params}
                value={params[p.name] ?? p.default}
                changed={p.name in params}
              />
            ))}
        </section>
      ))}
    </>
  );
}

interface RowProps {
  spec: ParamSpec;
  params: Readonly<Record<string, number>>;
  value: number;
  changed: boolean;
}

function ConstantRow({ spec, params, value, changed }: RowProps) {
  // A change refused by the store (a calibration, a tour step): its message stays by this field.
  const refused = useApp((s) => s.fieldProblems[spec.name]);
  return (
    <div className={`constant${changed ? ' constant-changed' : ''}`} data-param={spec.name}>
      <NumberField
        label={spec.name}
        unit={spec.unit}
        value={value}
        // Its range, then the rules tying it to another constant (a wake's CPU part ≤ its latency).
        validate={(v) => checkParam(spec.name, v) ?? paramChangeProblem(params, spec.name, v)}
        onCommit={(v) => actions.setParam(spec.name, v, spec.default)}
        hint={`${spec.min}–${spec.max} ${spec.unit}, default ${spec.default}`}
      />
      {refused && (
        <p className="field-error" role="alert">
          {refused}
        </p>
      )}
      <p className="constant-doc">
        {spec.description}. <span className="source">Source: {spec.source}</span>
      </p>
      {changed && (
        <button
          type="button"
          className="link"
          onClick={() => actions.setParam(spec.name, null, spec.default)}
        >
          reset to {spec.default} {spec.unit}
        </button>
      )}
    </div>
  );
}
