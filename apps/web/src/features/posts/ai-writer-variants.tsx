import type { Network } from '@plume/contract/networks/network-schemas';
import { AiWriterRevision } from './ai-writer-revision.tsx';
import type { ShownRevision } from './ai-writer-revisions.ts';

interface AiWriterVariantsProps {
  workspaceId: string;
  draftId: string;
  /** Variant number → network id → the revision shown now (the latest rewrite). */
  variants: { variant: number; perNetwork: Record<string, ShownRevision> }[];
  networks: Network[];
  onRevised: (variant: number, network: string, revision: ShownRevision) => void;
  onUse: (variant: number) => void;
  isUsing: boolean;
}

/** The variants side by side, each with a card per network and a "Use this" button. */
export function AiWriterVariants({
  workspaceId,
  draftId,
  variants,
  networks,
  onRevised,
  onUse,
  isUsing,
}: AiWriterVariantsProps) {
  const nameOf = (id: string) => networks.find((network) => network.id === id)?.name ?? id;
  return (
    <ul aria-label="Variants" className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {variants.map(({ variant, perNetwork }) => (
        <li
          key={variant}
          aria-label={`Variant ${variant}`}
          className="space-y-3 rounded-lg border border-line-strong bg-surface p-3"
        >
          <div className="flex items-center justify-between gap-2">
            <h3 className="text-sm font-semibold text-ink">Variant {variant}</h3>
            <button
              type="button"
              disabled={isUsing}
              onClick={() => onUse(variant)}
              className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong disabled:opacity-60"
            >
              Use this<span className="sr-only"> variant {variant}</span>
            </button>
          </div>
          {Object.entries(perNetwork).map(([network, revision]) => (
            <AiWriterRevision
              key={network}
              workspaceId={workspaceId}
              draftId={draftId}
              variant={variant}
              network={network}
              networkName={nameOf(network)}
              revision={revision}
              onRevised={(next) => onRevised(variant, network, next)}
            />
          ))}
        </li>
      ))}
    </ul>
  );
}
