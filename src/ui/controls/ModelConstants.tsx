import { actions, useApp } from '../../store/index.ts';
import { CALIBRATIONS, PARAMS, type ParamSpec } from '../../model/params.ts';
import { checkParam } from '../../model/validate.ts';
import { NumberField } from './NumberField.tsx';

const selectParams = (s: { settings: { params: Readonly<Record<string, number>> } }) => s.settings.params;

/** Every constant of the model: unit, range, default and source, editable, with reset. */
export function ModelConstants() {
  const params = useApp(selectParams);
  const groups = [...new Set(PARAMS.map((p) => p.group))];
  const changed = Object.keys(params).length;
  return (
    <details className="constants" data-testid="model-constants">
      <summary>
        Model constants <span className="badge">{changed > 0 ? `${changed} changed` : 'defaults'}</span>
      </summary>
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
                value={params[p.name] ?? p.default}
                changed={p.name in params}
              />
            ))}
        </section>
      ))}
    </details>
  );
}

function ConstantRow({ spec, value, changed }: { spec: ParamSpec; value: number; changed: boolean }) {
  return (
    <div className={`constant${changed ? ' constant-changed' : ''}`} data-param={spec.name}>
      <NumberField
        label={spec.name}
        unit={spec.unit}
        value={value}
        validate={(v) => checkParam(spec.name, v)}
        onCommit={(v) => actions.setParam(spec.name, v, spec.default)}
        hint={`${spec.min}–${spec.max} ${spec.unit}, default ${spec.default}`}
      />
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
