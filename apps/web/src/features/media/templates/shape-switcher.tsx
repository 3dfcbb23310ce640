import { ASPECT_SIZES, type AspectRatio } from '@plume/contract/media/media-enums';

interface ShapeSwitcherProps {
  shapes: readonly AspectRatio[];
  value: AspectRatio;
  onChange: (shape: AspectRatio) => void;
}

/** The shapes a template renders at, as a radio group: each says its size and where it is used. */
export function ShapeSwitcher({ shapes, value, onChange }: ShapeSwitcherProps) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-ink">Shape</legend>
      <div className="flex flex-wrap gap-2">
        {shapes.map((shape) => {
          const size = ASPECT_SIZES[shape];
          return (
            <label
              key={shape}
              title={size.label}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm text-ink has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:outline-2 has-focus-visible:outline-accent"
            >
              <input
                type="radio"
                name="shape"
                value={shape}
                checked={value === shape}
                onChange={() => onChange(shape)}
                className="sr-only"
              />
              <span aria-hidden="true" className="inline-block border border-current" style={shapeBox(size)} />
              <span>
                {shape}
                <span className="sr-only">
                  {' '}
                  {size.label}, {size.width}×{size.height}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      <p className="mt-1 text-xs text-muted">
        {ASPECT_SIZES[value].label}: {ASPECT_SIZES[value].width}×{ASPECT_SIZES[value].height} pixels.
      </p>
    </fieldset>
  );
}

/** A small box with the shape's proportions, at most 16 pixels on its long side. */
function shapeBox(size: { width: number; height: number }) {
  const scale = 16 / Math.max(size.width, size.height);
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}
