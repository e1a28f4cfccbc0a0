import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import { PARAM_BY_NAME, type ParamName } from '../../model/params.ts';
import { MODES, OPS, WORKLOADS, type Mode, type Op, type Workload } from '../../model/types.ts';
import { checkParam } from '../../model/validate.ts';
import { actions, useApp } from '../../store/index.ts';
import {
  FRAME_FIELD,
  SEED_FIELD,
  SIZE_FIELD,
  VMS_FIELD,
  WINDOW_FIELD,
  fieldValidator,
} from '../../store/link/fields.ts';
import { paramValue } from '../../store/settings.ts';
import { Choice } from './Choice.tsx';
import { OP_LABELS, WORKLOAD_LABELS } from './labels.ts';
import { ModelConstants } from './ModelConstants.tsx';
import { NumberField } from './NumberField.tsx';
import { SizeControl } from './SizeControl.tsx';

const selectSettings = (s: { settings: import('../../store/index.ts').Settings }) => s.settings;

/** The choices a lecturer makes most: the path, the operation, the workload and the size. */
export function QuickControls() {
  const s = useApp(selectSettings);
  const pktgen = s.workload === 'pktgen';
  // The link's limits (store/link/fields.ts): a typed size and a linked one agree.
  const limits = pktgen ? FRAME_FIELD : SIZE_FIELD;
  return (
    <div className="quick-controls">
      <Choice<Mode>
        legend="I/O path (? = what-if from the poster's open challenges)"
        name="mode"
        value={s.mode}
        options={MODES.map((m) => ({
          value: m,
          label: MODE_DESCRIPTORS[m].label,
          title: MODE_DESCRIPTORS[m].explanation,
        }))}
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
        options={WORKLOADS.filter((w) => w !== 'pktgen' || MODE_DESCRIPTORS[s.mode].pktgen).map((w) => ({
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
  const vmsAllowed = MODE_DESCRIPTORS[s.mode].hasVms;
  const setConst = (name: ParamName) => (v: number) =>
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
            validate={fieldValidator(VMS_FIELD)}
            onCommit={actions.setVms}
          />
        )}
        {s.workload === 'stream' && (
          <NumberField
            label="In flight per pair"
            unit="msgs"
            value={s.window}
            validate={fieldValidator(WINDOW_FIELD)}
            onCommit={actions.setWindow}
          />
        )}
      </div>
      <div className="field-row">
        <NumberField
          label="Dom0 vCPUs"
          unit="vCPUs"
          value={paramValue(s.params, 'dom0Vcpus')}
          validate={(v) => checkParam('dom0Vcpus', v)}
          onCommit={setConst('dom0Vcpus')}
        />
        <NumberField
          label="MTU (TCP)"
          unit="B"
          testId="mtu-input"
          value={paramValue(s.params, 'mtuBytes')}
          validate={(v) => checkParam('mtuBytes', v)}
          onCommit={setConst('mtuBytes')}
        />
      </div>
      <div className="field-row">
        <NumberField
          label="IRQ coalescing"
          unit="µs"
          testId="coal-input"
          value={paramValue(s.params, 'coalUs')}
          validate={(v) => checkParam('coalUs', v)}
          onCommit={setConst('coalUs')}
        />
        <NumberField
          label="Seed"
          unit=""
          value={s.seed}
          validate={fieldValidator(SEED_FIELD)}
          onCommit={actions.setSeed}
        />
      </div>
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="iotlb-toggle"
          checked={paramValue(s.params, 'iotlbCache') === 1}
          onChange={(e) => actions.setParam('iotlbCache', e.target.checked ? 1 : 0, 1)}
        />
        Registration cache (IOTLB) keeps buffers mapped
      </label>
      <ModelConstants />
    </div>
  );
}
