import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import type { Account } from '@plume/contract/accounts/account-schemas';
import { type GenerateBody, type GenerateResponse, generateResponse } from '@plume/contract/content/content-schemas';
import type { Network } from '@plume/contract/networks/network-schemas';
import { postDetailSchema } from '@plume/contract/posts/post-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { api } from '../../lib/api.ts';
import { hasErrorCode } from '../../lib/field-errors.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { AiWriterBrief } from './ai-writer-brief.tsx';
import { draftsKey, type ShownDraft } from './ai-writer-drafts.ts';
import { AiWriterRecent } from './ai-writer-recent.tsx';
import { AiWriterVariants } from './ai-writer-variants.tsx';
import { postsKey } from './posts-query.ts';
import { fromGenerated, type ShownRevision } from './ai-writer-revisions.ts';

function toShown(answer: GenerateResponse): ShownDraft {
  return {
    draftId: answer.draftId,
    warnings: answer.warnings,
    variants: answer.variants.map(({ variant, perNetwork }) => ({
      variant,
      perNetwork: Object.fromEntries(
        Object.entries(perNetwork).map(([network, post]) => [network, fromGenerated(post)]),
      ),
    })),
  };
}

/** What to do when no model could write: the budget, or nothing running to ask. */
function ModelHelp({ workspaceId, error }: { workspaceId: string; error: unknown }) {
  const link = (
    <Link to="/w/$workspaceId/models" params={{ workspaceId }} className={textLinkClasses}>
      Models page
    </Link>
  );
  if (hasErrorCode(error, 'llm_budget_exceeded'))
    return <p className="mt-1">Raise the budget or wait for the next period on the {link}.</p>;
  if (hasErrorCode(error, 'llm_unavailable')) {
    return (
      <p className="mt-1">
        Start Ollama (<code>ollama serve</code>) and pull a model, or add a cloud provider, on the {link}.
      </p>
    );
  }
  return null;
}

interface AiWriterPanelProps {
  workspaceId: string;
  /** The accounts chosen in the composer: variants are written for their networks. */
  accounts: Account[];
  networks: Network[];
}

/**
 * "Write with AI" in the composer: a brief, variants per network with scores and rewrites.
 * "Use this" accepts the variant through the API (one text per network, each account gets its
 * network's text as its override) into a new draft post, and opens it.
 */
export function AiWriterPanel({ workspaceId, accounts, networks }: AiWriterPanelProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  const [shown, setShown] = useState<ShownDraft | null>(null);
  const base = `${workspacePath(workspaceId)}/content`;
  const generate = useMutation({
    mutationFn: (body: GenerateBody) => api.post(`${base}/generate`, body, generateResponse),
    onSuccess: async (answer) => {
      setShown(toShown(answer));
      await queryClient.invalidateQueries({ queryKey: draftsKey(workspaceId) });
    },
  });
  const accept = useMutation({
    mutationFn: ({ draftId, revisionIds }: { draftId: string; revisionIds: string[] }) =>
      api.post(
        `${base}/drafts/${draftId}/accept`,
        { revisionIds, accountIds: accounts.map((account) => account.id) },
        postDetailSchema,
      ),
    onSuccess: async (post) => {
      await queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) });
      await navigate({ to: '/w/$workspaceId/posts/$postId', params: { workspaceId, postId: post.id } });
    },
  });

  function handleRevised(variant: number, network: string, revision: ShownRevision) {
    setShown(
      (current) =>
        current && {
          ...current,
          variants: current.variants.map((v) =>
            v.variant === variant ? { ...v, perNetwork: { ...v.perNetwork, [network]: revision } } : v,
          ),
        },
    );
  }

  function handleUse(variant: number) {
    const chosen = shown?.variants.find((v) => v.variant === variant);
    if (!shown || !chosen) return;
    accept.mutate({
      draftId: shown.draftId,
      revisionIds: Object.values(chosen.perNetwork).map((revision) => revision.revisionId),
    });
  }

  const toggle = (
    <Button variant="secondary" aria-expanded={isOpen} onClick={() => setIsOpen(!isOpen)}>
      {isOpen ? 'Close AI writer' : 'Write with AI'}
    </Button>
  );
  return (
    <Card
      title="Write with AI"
      description="Variants for the networks of the chosen accounts, in the workspace’s voice."
      action={toggle}
    >
      {isOpen ? (
        <div className="space-y-4">
          <AiWriterBrief
            isPending={generate.isPending}
            error={generate.error}
            blockedReason={accounts.length === 0 ? 'Choose accounts in the Accounts card first.' : undefined}
            onGenerate={(brief, variants) =>
              generate.mutate({ brief, variants, targets: accounts.map((account) => ({ accountId: account.id })) })
            }
          />
          <FormAlert error={generate.error}>
            <ModelHelp workspaceId={workspaceId} error={generate.error} />
          </FormAlert>
          {generate.isPending ? <LoadingState label="Writing variants… a local model can take a while." /> : null}
          {shown && !generate.isPending ? (
            <div className="space-y-3">
              {shown.warnings.map((warning) => (
                <p key={warning} className="text-sm text-warning">
                  {warning}
                </p>
              ))}
              <FormAlert error={accept.error} />
              {accept.isPending ? (
                <p role="status" className="text-sm text-muted">
                  Creating the post…
                </p>
              ) : null}
              <AiWriterVariants
                workspaceId={workspaceId}
                draftId={shown.draftId}
                variants={shown.variants}
                networks={networks}
                onRevised={handleRevised}
                onUse={handleUse}
                isUsing={accept.isPending}
              />
              <p className="text-xs text-muted">
                “Use this” creates a draft post with each network’s text and opens it; media and schedule are set there.
              </p>
            </div>
          ) : null}
          <AiWriterRecent workspaceId={workspaceId} shownId={shown?.draftId} onOpen={setShown} />
        </div>
      ) : null}
    </Card>
  );
}
