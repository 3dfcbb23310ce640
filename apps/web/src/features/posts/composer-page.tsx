import { useId, useState, type KeyboardEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { fieldClasses } from '../../components/field-classes.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { TextField } from '../../components/text-field.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { api } from '../../lib/api.ts';
import { accountsQueryOptions } from '../accounts/accounts-query.ts';
import type { Account } from '../accounts/account-types.ts';
import { countForNetwork } from '../networks/count-for-network.ts';
import type { Network } from '../networks/network-types.ts';
import { networksQueryOptions } from '../networks/networks-query.ts';
import type { CreatePostBody, PostDetail } from './post-types.ts';
import { postsKey, postsPath } from './posts-query.ts';
import { parseHashtags, problemsByPath, resolvedText } from './resolve-text.ts';
import { localInputToIso } from './schedule-time.ts';

interface TargetTabsProps {
  accounts: Account[];
  networks: Network[];
  text: string;
  hashtags: string[];
  problems: Record<string, string>;
}

/** One tab per chosen account: a preview of what it publishes and the live counter. */
function TargetTabs({ accounts, networks, text, hashtags, problems }: TargetTabsProps) {
  const baseId = useId();
  const [selected, setSelected] = useState(0);
  const index = Math.min(selected, accounts.length - 1);
  const current = accounts[index];
  if (!current) return null;
  const network = networks.find((n) => n.id === current.network);
  const published = resolvedText(text, hashtags);
  const count = countForNetwork(published, network);
  const limit = network?.text.limit;
  const over = limit !== undefined && count > limit;
  const targetProblems = Object.entries(problems).filter(([path]) => path.startsWith(`targets/${index}/`) || path === `targets/${index}`);

  function handleKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = (index + (event.key === 'ArrowRight' ? 1 : accounts.length - 1)) % accounts.length;
    setSelected(next);
    document.getElementById(`${baseId}-tab-${next}`)?.focus();
  }

  return (
    <div>
      <div role="tablist" aria-label="Preview per account" className="flex flex-wrap gap-1 border-b border-line">
        {accounts.map((account, i) => {
          const n = networks.find((item) => item.id === account.network);
          const c = countForNetwork(published, n);
          const hasProblem = Object.keys(problems).some((path) => path.startsWith(`targets/${i}/`) || path === `targets/${i}`);
          return (
            <button key={account.id} id={`${baseId}-tab-${i}`} type="button" role="tab" aria-selected={i === index}
              aria-controls={`${baseId}-panel`} tabIndex={i === index ? 0 : -1} onClick={() => setSelected(i)} onKeyDown={handleKey}
              className="-mb-px rounded-t-md border border-transparent px-3 py-1.5 text-sm text-muted aria-selected:border-line aria-selected:border-b-surface aria-selected:bg-surface aria-selected:text-ink">
              {n?.name ?? account.network} · {account.handle}
              {(n && c > n.text.limit) || hasProblem ? <span className="ml-1 text-danger"><span aria-hidden="true">!</span><span className="sr-only"> (has problems)</span></span> : null}
            </button>
          );
        })}
      </div>
      <div id={`${baseId}-panel`} role="tabpanel" aria-labelledby={`${baseId}-tab-${index}`} className="space-y-2 pt-3">
        <div className="rounded-md border border-line bg-canvas p-3">
          <p className="text-xs font-medium text-muted">{current.displayName || current.handle}</p>
          <p className="mt-1 text-sm [overflow-wrap:anywhere] whitespace-pre-wrap text-ink">{published || <span className="text-muted">(empty)</span>}</p>
        </div>
        <p className={`text-sm ${over ? 'font-medium text-danger' : 'text-muted'}`} aria-live="polite">
          {limit === undefined ? `${count} characters` : `${count} / ${limit}`}
          {over ? ` — ${count - limit} over the ${network?.name ?? ''} limit` : ''}
        </p>
        {targetProblems.map(([path, message]) => (
          <p key={path} className="text-sm text-danger">{message}</p>
        ))}
      </div>
    </div>
  );
}

/** /w/$workspaceId/posts/new — write a post, pick accounts, preview, save or submit. */
export function ComposerPage({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const textId = useId();
  const accounts = useQuery(accountsQueryOptions(workspaceId));
  const networks = useQuery(networksQueryOptions).data ?? [];
  const [text, setText] = useState('');
  const [hashtagInput, setHashtagInput] = useState('');
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const [scheduleInput, setScheduleInput] = useState('');
  const create = useMutation({
    mutationFn: (body: CreatePostBody) => api.post<PostDetail>(postsPath(workspaceId), body),
    onSuccess: async (post) => {
      await queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) });
      await navigate({ to: '/w/$workspaceId/posts/$postId', params: { workspaceId, postId: post.id } });
    },
  });
  const problems = problemsByPath(create.error);
  const hashtags = parseHashtags(hashtagInput);
  const chosen = (accounts.data ?? []).filter((account) => accountIds.includes(account.id));
  const textError = problems['content/text'] ?? problems['content'];
  const shownPaths = new Set(['content/text', 'content', 'scheduledAt', 'targets']);
  const otherProblems = Object.entries(problems).filter(([path]) =>
    !shownPaths.has(path) && !path.startsWith('targets/') && !path.startsWith('content/hashtags'));

  function save(submit: boolean) {
    create.mutate({
      content: { text, hashtags, mediaIds: [], thread: [] },
      targets: accountIds.map((accountId) => ({ accountId, override: {}, settings: {} })),
      scheduledAt: localInputToIso(scheduleInput),
      submit,
    });
  }

  return (
    <>
      <PageHeader title="New post" description={<Link to="/w/$workspaceId/posts" params={{ workspaceId }} className={textLinkClasses}>Back to posts</Link>} />
      <form noValidate onSubmit={(e) => { e.preventDefault(); save(true); }} className="space-y-6">
        <FormAlert error={create.error}>
          {otherProblems.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {otherProblems.map(([path, message]) => <li key={path}>{path}: {message}</li>)}
            </ul>
          ) : null}
        </FormAlert>
        <Card title="Content">
          <div className="space-y-4">
            <div>
              <label htmlFor={textId} className="mb-1 block text-sm font-medium text-ink">Text</label>
              <textarea id={textId} name="text" rows={6} value={text} onChange={(e) => setText(e.target.value)}
                className={fieldClasses(Boolean(textError))} aria-invalid={textError ? true : undefined}
                aria-describedby={textError ? `${textId}-error` : undefined} />
              {textError ? <p id={`${textId}-error`} className="mt-1 text-sm text-danger">{textError}</p> : null}
            </div>
            <TextField label="Hashtags" name="hashtags" value={hashtagInput} autoComplete="off"
              hint="Separate with spaces or commas, e.g. #coffee morning." onChange={(e) => setHashtagInput(e.target.value)}
              error={Object.entries(problems).find(([path]) => path.startsWith('content/hashtags'))?.[1]} />
          </div>
        </Card>
        <Card title="Accounts">
          {accounts.isPending ? <LoadingState label="Loading accounts…" /> : null}
          {accounts.isSuccess && accounts.data.length === 0 ? (
            <EmptyState title="No accounts connected"
              action={<Link to="/w/$workspaceId/accounts" params={{ workspaceId }} className={textLinkClasses}>Connect an account</Link>}>
              Connect an account to publish to it. You can still save a draft.
            </EmptyState>
          ) : null}
          {accounts.isSuccess && accounts.data.length > 0 ? (
            <fieldset className="space-y-2">
              <legend className="mb-1 text-sm font-medium text-ink">Publish to</legend>
              {accounts.data.map((account) => (
                <CheckboxField key={account.id}
                  label={`${networks.find((n) => n.id === account.network)?.name ?? account.network} · ${account.handle}`}
                  description={account.status === 'connected' ? undefined : 'Disconnected — reconnect it before publishing.'}
                  checked={accountIds.includes(account.id)}
                  onChange={(e) => setAccountIds((current) => e.target.checked ? [...current, account.id] : current.filter((id) => id !== account.id))} />
              ))}
              {problems.targets ? <p className="text-sm text-danger">{problems.targets}</p> : null}
            </fieldset>
          ) : null}
          {chosen.length > 0 ? (
            <div className="mt-4">
              <TargetTabs accounts={chosen} networks={networks} text={text} hashtags={hashtags} problems={problems} />
            </div>
          ) : null}
        </Card>
        <Card title="Schedule">
          <TextField label="Publish at" name="scheduledAt" type="datetime-local" value={scheduleInput}
            hint={`Your time (${Intl.DateTimeFormat().resolvedOptions().timeZone}). Leave empty to decide later.`}
            onChange={(e) => setScheduleInput(e.target.value)} error={problems.scheduledAt} />
        </Card>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => save(false)} isPending={create.isPending && create.variables.submit === false} pendingLabel="Saving…"
            disabled={create.isPending}>
            Save draft
          </Button>
          <Button type="submit" isPending={create.isPending && create.variables.submit === true} pendingLabel="Submitting…"
            disabled={create.isPending}>
            Submit
          </Button>
        </div>
      </form>
    </>
  );
}
