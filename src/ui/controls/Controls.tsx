import type { Mode, Op, Workload } from '../../model/types.ts';
import { actions, useApp } from '../../store/index.ts';
import {
  LIMITS,
  MODES,
  OPS,
  PARAM_BY_NAME,
  PKTGEN_MODES,
  WORKLOADS,
  checkParam,
} from '../../store/schema.ts';
import { Choice } from './Choice.tsx';
import { MODE_LABELS, OP_LABELS, WORKLOAD_LABELS } from './labels.ts';
import { ModelConstants } from './ModelConstants.tsx';
import { NumberField } from './NumberField.tsx';
import { SizeControl } from './SizeControl.tsx';

const selectSettings = (s: { settings: import('../../store/index.ts').Settings }) => s.settings;

/** A constant's current value (changed or default). */
function param(params: Readonly<Record<string, number>>, name: string): number {
  return params[name] ?? PARAM_BY_NAME.get(name)!.default;
}

/** The choices a lecturer makes most: the path, the operation, the workload and the size. */
export function QuickControls() {
  const s = useApp(selectSettings);
  const pktgen = s.workload === 'pktgen';
  const limits = pktgen ? { min: 60, max: 9014 } : LIMITS.sizeBytes;
  return (
    <div className="quick-controls">
      <Choice<Mode>
        legend="I/O path (? = what-if from the poster's open challenges)"
        name="mode"
        value={s.mode}
        options={MODES.map((m) => ({ value: m, ...MODE_LABELS[m] }))}
        onChange={actions.setMode}
      />
      <Choice<Op>
        legend="RDMA op"
        name="op"
        value={s.op}
        options={OPS.map((o) => ({ value: o, label: OP_LABELS[o] }))}
        onChange={actions.setOp}
      />
      <Choice<Workload>
        legend="Workload"
        name="workload"
        value={s.workload}
        options={WORKLOADS.filter((w) => w !== 'pktgen' || PKTGEN_MODES.includes(s.mode)).map((w) => ({
          value: w,
          label: WORKLOAD_LABELS[w],
        }))}
        onChange={actions.setWorkload}
      />
      <SizeControl
        label={pktgen ? 'Frame' : 'Message'}
        sizeBytes={s.sizeBytes}
        min={limits.min}
        max={limits.max}
        onChange={actions.setSize}
      />
    </div>
  );
}

/** The rest of the settings: VMs, vCPUs, MTU, coalescing, the registration cache, the seed, every constant. */
export function SettingsPanel() {
  const s = useApp(selectSettings);
  const vmsAllowed = s.mode !== 'native' && s.mode !== 'dom0';
  const setConst = (name: string) => (v: number) =>
    actions.setParam(name, v, PARAM_BY_NAME.get(name)!.default);
  return (
    <div className="controls">
      <div className="field-row">
        {vmsAllowed && (
          <NumberField
            label="VMs per host"
            unit="VMs"
            testId="vms-input"
            value={s.vms}
            validate={(v) =>
              Number.isInteger(v) && v >= 1 && v <= 16 ? null : 'a whole number of VMs, 1–16'
            }
            onCommit={actions.setVms}
          />
        )}
        {s.workload === 'stream' && (
          <NumberField
            label="In flight per pair"
            unit="msgs"
            value={s.window}
            validate={(v) => (Number.isInteger(v) && v >= 1 && v <= 256 ? null : 'a whole number, 1–256')}
            onCommit={actions.setWindow}
          />
        )}
      </div>
      <div className="field-row">
        <NumberField
          label="Dom0 vCPUs"
          unit="vCPUs"
          value={param(s.params, 'dom0Vcpus')}
          validate={(v) => checkParam('dom0Vcpus', v)}
          onCommit={setConst('dom0Vcpus')}
        />
        <NumberField
          label="MTU (TCP)"
          unit="B"
          testId="mtu-input"
          value={param(s.params, 'mtuBytes')}
          validate={(v) => checkParam('mtuBytes', v)}
          onCommit={setConst('mtuBytes')}
        />
      </div>
      <div className="field-row">
        <NumberField
          label="IRQ coalescing"
          unit="µs"
          testId="coal-input"
          value={param(s.params, 'coalUs')}
          validate={(v) => checkParam('coalUs', v)}
          onCommit={setConst('coalUs')}
        />
        <NumberField
          label="Seed"
          unit=""
          value={s.seed}
          validate={(v) => (Number.isInteger(v) && v >= 0 && v < 2 ** 32 ? null : 'a whole number ≥ 0')}
          onCommit={actions.setSeed}
        />
      </div>
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="iotlb-toggle"
          checked={param(s.params, 'iotlbCache') === 1}
          onChange={(e) => actions.setParam('iotlbCache', e.target.checked ? 1 : 0, 1)}
        />
        Registration cache (IOTLB) keeps buffers mapped
      </label>
      <ModelConstants />
    </div>
  );
}
