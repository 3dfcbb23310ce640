import type { StrategyView } from '@plume/contract/planning/strategy-schemas';

type Pillar = NonNullable<StrategyView['strategy']>['pillars'][number];

const shades = [
  'bg-accent',
  'bg-accent/75',
  'bg-accent/55',
  'bg-accent/40',
  'bg-accent/25',
  'bg-ink/40',
  'bg-ink/25',
  'bg-ink/15',
];

/** The pillars' share of the mix as one stacked bar, with a legend that says each share in numbers. */
export function PillarMix({ pillars }: { pillars: Pillar[] }) {
  return (
    <div>
      <div className="flex h-4 w-full overflow-hidden rounded-full bg-subtle" aria-hidden="true">
        {pillars.map((pillar, index) => (
          <div key={pillar.key} className={shades[index % shades.length]} style={{ width: `${pillar.share}%` }} />
        ))}
      </div>
      <ul className="mt-3 space-y-2" aria-label="Content pillars and their share of the posts">
        {pillars.map((pillar, index) => (
          <li key={pillar.key} className="flex items-start gap-2 text-sm">
            <span
              className={`mt-1 inline-block size-3 shrink-0 rounded-sm ${shades[index % shades.length]}`}
              aria-hidden="true"
            />
            <span>
              <span className="font-medium text-ink">
                {pillar.name}: {pillar.share} %
              </span>
              <span className="block text-xs text-muted">{pillar.description}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
