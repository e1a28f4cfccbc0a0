import { useId } from 'react';
import { formatBytes } from '../../lib/format.ts';
import { formatSizeShort } from '../../lib/size.ts';
import { parseField, sizeFieldWithin } from '../../store/link/fields.ts';
import { NumberField } from './NumberField.tsx';

const MIN_EXP = 6; // 64 B
const MAX_EXP = 22; // 4 MiB

interface Props {
  sizeBytes: number;
  min: number;
  max: number;
  label: string;
  onChange: (bytes: number) => void;
}

/** Message size: a log slider from 64 B to 4 MiB, and a typed field that takes units (64K, 1MiB). */
export function SizeControl({ sizeBytes, min, max, label, onChange }: Props) {
  const id = useId();
  const exp = Math.min(MAX_EXP, Math.max(MIN_EXP, Math.round(Math.log2(Math.max(1, sizeBytes)))));
  return (
    <div className="size-control">
      <label htmlFor={id} className="slider-label">
        {label}: <strong data-testid="size-readout">{formatBytes(sizeBytes)}</strong>
      </label>
      <input
        id={id}
        type="range"
        min={MIN_EXP}
        max={MAX_EXP}
        step={1}
        value={exp}
        aria-valuetext={formatBytes(2 ** exp)}
        data-testid="size-slider"
        onChange={(e) => {
          const bytes = 2 ** Number(e.target.value);
          onChange(Math.min(max, Math.max(min, bytes)));
        }}
      />
      <NumberField
        label="exact size"
        unit="B"
        testId="size-input"
        value={sizeBytes}
        format={formatSizeShort}
        parse={(t) => {
          // The link's reader: the same units, range and words (store/link/fields.ts).
          const p = parseField(sizeFieldWithin(min, max), t);
          return p.ok ? p : { ok: false, error: p.error };
        }}
        validate={(v) =>
          v < min || v > max ? `${formatBytes(v)} is outside ${formatBytes(min)}–${formatBytes(max)}` : null
        }
        onCommit={onChange}
        hint="e.g. 64, 4K, 1MiB"
      />
    </div>
  );
}
