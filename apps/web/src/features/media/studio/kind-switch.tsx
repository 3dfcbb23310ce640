import { STUDIO_KINDS, type StudioKind } from './generate-draft.ts';

interface KindSwitchProps {
  value: StudioKind;
  onChange: (kind: StudioKind) => void;
}

/** Image / Video / Voice as one row of radio buttons drawn as a segmented control. */
export function KindSwitch({ value, onChange }: KindSwitchProps) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-ink">What to make</legend>
      <div className="inline-flex rounded-md border border-line-strong bg-surface p-0.5">
        {STUDIO_KINDS.map((kind) => (
          <label
            key={kind.value}
            className="cursor-pointer rounded px-3 py-1.5 text-sm font-medium text-muted has-checked:bg-accent has-checked:text-on-accent has-focus-visible:outline-2 has-focus-visible:outline-accent"
          >
            <input
              type="radio"
              name="studio-kind"
              value={kind.value}
              className="sr-only"
              checked={value === kind.value}
              onChange={() => onChange(kind.value)}
            />
            {kind.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
