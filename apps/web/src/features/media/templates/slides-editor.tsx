import { carouselSlide } from '@plume/contract/media/template-fields';
import { Button } from '../../../components/button.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextAreaField } from '../../brand/text-area-field.tsx';
import { addSlide, moveSlide, removeSlide, type SlideValues } from './design-form.ts';

// The slide's own limits, from the schema the API checks with.
const titleMax = carouselSlide.shape.title.maxLength ?? undefined;
const bodyMax = carouselSlide.shape.body.unwrap().maxLength ?? undefined;

interface SlidesEditorProps {
  slides: readonly SlideValues[];
  max: number;
  /** Problems by form path (`slides`, `slides/1/title`). */
  problems: Record<string, string>;
  onChange: (slides: SlideValues[]) => void;
}

/** A carousel's slides: each a title and text, added, removed and moved with buttons (no dragging needed). */
export function SlidesEditor({ slides, max, problems, onChange }: SlidesEditorProps) {
  const listProblem = problems['slides'];
  /** Adds a slide and puts the cursor in its title. */
  function add() {
    const next = addSlide(slides, max);
    onChange(next);
    const added = next.at(-1);
    if (added) setTimeout(() => document.getElementById(`${added.key}-title`)?.focus(), 0);
  }
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-ink">
        Slides{' '}
        <span className="font-normal text-muted">
          ({slides.length} of at most {max})
        </span>
      </legend>
      <ol className="space-y-3">
        {slides.map((slide, index) => {
          const number = index + 1;
          const patch = (changes: Partial<SlideValues>) =>
            onChange(slides.map((other, at) => (at === index ? { ...other, ...changes } : other)));
          return (
            <li key={slide.key} className="rounded-md border border-line p-3">
              <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm font-semibold text-ink">Slide {number}</p>
                <div className="flex gap-1">
                  <Button
                    variant="ghost"
                    className="px-2 py-1 text-xs"
                    disabled={index === 0}
                    onClick={() => onChange(moveSlide(slides, index, -1))}
                  >
                    Move up<span className="sr-only"> slide {number}</span>
                  </Button>
                  <Button
                    variant="ghost"
                    className="px-2 py-1 text-xs"
                    disabled={index === slides.length - 1}
                    onClick={() => onChange(moveSlide(slides, index, 1))}
                  >
                    Move down<span className="sr-only"> slide {number}</span>
                  </Button>
                  <Button
                    variant="ghost"
                    className="px-2 py-1 text-xs text-danger"
                    disabled={slides.length <= 1}
                    onClick={() => onChange(removeSlide(slides, index))}
                  >
                    Remove<span className="sr-only"> slide {number}</span>
                  </Button>
                </div>
              </div>
              <div className="space-y-2">
                <TextField
                  id={`${slide.key}-title`}
                  label={`Slide ${number} title`}
                  value={slide.title}
                  maxLength={titleMax}
                  autoComplete="off"
                  error={problems[`slides/${index}/title`]}
                  onChange={(e) => patch({ title: e.target.value })}
                />
                <TextAreaField
                  label={`Slide ${number} text`}
                  rows={2}
                  value={slide.body}
                  maxLength={bodyMax}
                  error={problems[`slides/${index}/body`]}
                  onChange={(e) => patch({ body: e.target.value })}
                />
              </div>
            </li>
          );
        })}
      </ol>
      {listProblem ? <p className="text-sm text-danger">{listProblem}</p> : null}
      <Button variant="secondary" disabled={slides.length >= max} onClick={() => add()}>
        Add slide
      </Button>
      {slides.length >= max ? <p className="text-xs text-muted">A carousel has at most {max} slides.</p> : null}
    </fieldset>
  );
}
