import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import type { Account } from '@plume/contract/accounts/account-schemas';
import type { CreatePostBody } from '@plume/contract/posts/post-input';
import { postDetailSchema } from '@plume/contract/posts/post-schemas';
import { composePost, parseHashtags } from '@plume/contract/posts/compose-post';
import { checkMedia } from '@plume/contract/posts/media-rules';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { fieldClasses } from '../../components/field-classes.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { TextField } from '../../components/text-field.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { api } from '../../lib/api.ts';
import { accountsQueryOptions } from '../accounts/accounts-query.ts';
import { networksQueryOptions } from '../networks/networks-query.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { AiWriterPanel } from './ai-writer-panel.tsx';
import { ComposerAccounts } from './composer-accounts.tsx';
import { useMediaFromIds } from './media-from-ids.ts';
import { MediaPicker, type AttachedMedia } from './media-picker.tsx';
import { BestTimes } from '../insights/best-times.tsx';
import { ExpectedEngagement } from '../insights/expected-engagement.tsx';
import { NextSlotButton } from './next-slot-button.tsx';
import { postsKey, postsPath } from './posts-query.ts';
import { problemsByPath } from './problems-by-path.ts';
import { isoToZonedInput, zonedInputToIso } from './schedule-time.ts';
import { TargetTabs } from './target-tabs.tsx';
import { ThreadEditor } from './thread-editor.tsx';

const contentLabels: Readonly<Record<string, string>> = {
  content: 'Text',
  'content/text': 'Text',
  'content/hashtags': 'Hashtags',
  'content/thread': 'Thread',
  targets: 'Accounts',
};

interface ComposerPageProps {
  workspaceId: string;
  /** Library items attached when the composer opens (`?media=`), e.g. a rendered design's images. */
  initialMediaIds?: readonly string[];
}

/** /w/$workspaceId/posts/new — write a post, pick accounts, preview per network, save or submit. */
export function ComposerPage({ workspaceId, initialMediaIds = [] }: ComposerPageProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const workspace = useWorkspace(workspaceId);
  const textId = useId();
  const accounts = useQuery(accountsQueryOptions(workspaceId));
  const networks = useQuery(networksQueryOptions).data ?? [];
  const networkName = useNetworkName();
  const [text, setText] = useState('');
  const [hashtagInput, setHashtagInput] = useState('');
  const [thread, setThread] = useState<string[]>([]);
  const [media, setMedia] = useState<AttachedMedia[]>([]);
  useMediaFromIds(workspaceId, initialMediaIds, setMedia);
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const [scheduleInput, setScheduleInput] = useState('');
  const create = useMutation({
    mutationFn: (body: CreatePostBody) => api.post(postsPath(workspaceId), body, postDetailSchema),
    onSuccess: async (post) => {
      await queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) });
      await navigate({ to: '/w/$workspaceId/posts/$postId', params: { workspaceId, postId: post.id } });
    },
  });
  const problems = problemsByPath(create.error);
  const hashtags = parseHashtags(hashtagInput);
  const chosen = (accounts.data ?? []).filter((account) => accountIds.includes(account.id));
  /** A target's problem is named by its account, as the person chose it ("Bluesky · ada.test"). */
  const accountLabel = (path: string) => {
    const index = /^targets\/(\d+)/.exec(path)?.[1];
    const accountId = index === undefined ? undefined : create.variables?.targets?.[Number(index)]?.accountId;
    const account = accounts.data?.find((candidate) => candidate.id === accountId);
    return account === undefined ? undefined : `${networkName(account.network)} · ${account.handle}`;
  };
  const labelOf = (path: string) => accountLabel(path) ?? contentLabels[path];
  // A text too long for one network belongs under the text too, named by the account it is for.
  const targetTextErrors = Object.entries(problems)
    .filter(([path]) => /^targets\/\d+\/text$/.test(path))
    .map(([path, message]) => `${accountLabel(path) ?? 'One account'}: ${message}`);
  const textError =
    [problems['content/text'] ?? problems['content'], ...targetTextErrors].filter(Boolean).join(' ') || undefined;
  const scheduledIso = zonedInputToIso(scheduleInput, workspace.timezone);
  const uploading = media.some((item) => item.status === 'uploading');

  function mediaProblemsFor(account: Account): string[] {
    const network = networks.find((n) => n.id === account.network);
    if (!network) return [];
    // The server's own check, run before upload; a problem with one file names it.
    return checkMedia(
      media.map((item) => item.facts),
      network.media,
      network.name,
    ).map((problem) =>
      problem.item === undefined
        ? problem.message
        : `${media[problem.item]?.facts.name ?? 'A file'}: ${problem.message}`,
    );
  }

  function problemsFor(account: Account, index: number): string[] {
    const server = Object.entries(problems)
      .filter(([path]) => path === `targets/${index}` || path.startsWith(`targets/${index}/`))
      .map(([, message]) => message);
    return [...server, ...mediaProblemsFor(account)];
  }

  function save(submit: boolean) {
    create.mutate({
      content: {
        text,
        hashtags,
        mediaIds: media.flatMap((item) => (item.mediaId ? [item.mediaId] : [])),
        thread: thread.filter((part) => part.trim() !== '').map((part) => ({ text: part, mediaIds: [] })),
      },
      targets: accountIds.map((accountId) => ({ accountId, override: {}, settings: {} })),
      scheduledAt: scheduledIso,
      submit,
    });
  }

  const allMediaProblems = [...new Set(chosen.flatMap(mediaProblemsFor))];
  return (
    <>
      <PageHeader
        title="New post"
        description={
          <Link to="/w/$workspaceId/posts" params={{ workspaceId }} className={textLinkClasses}>
            Back to posts
          </Link>
        }
      />
      <div className="mb-6">
        <AiWriterPanel workspaceId={workspaceId} accounts={chosen} networks={networks} />
      </div>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save(true);
        }}
        className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]"
      >
        <div className="space-y-6">
          <FormAlert error={create.error} labels={labelOf} />
          <Card title="Content">
            <div className="space-y-4">
              <div>
                <label htmlFor={textId} className="mb-1 block text-sm font-medium text-ink">
                  Text
                </label>
                <textarea
                  id={textId}
                  name="text"
                  rows={6}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  className={fieldClasses(Boolean(textError))}
                  aria-invalid={textError ? true : undefined}
                  aria-describedby={textError ? `${textId}-error` : undefined}
                />
                {textError ? (
                  <p id={`${textId}-error`} className="mt-1 text-sm text-danger">
                    {textError}
                  </p>
                ) : null}
              </div>
              <TextField
                label="Hashtags"
                name="hashtags"
                value={hashtagInput}
                autoComplete="off"
                hint="Separate with spaces or commas, e.g. #coffee morning."
                onChange={(e) => setHashtagInput(e.target.value)}
                error={Object.entries(problems).find(([path]) => path.startsWith('content/hashtags'))?.[1]}
              />
              <MediaPicker workspaceId={workspaceId} items={media} onChange={setMedia} problems={allMediaProblems} />
              <ThreadEditor parts={thread} onChange={setThread} />
            </div>
          </Card>
          <Card title="Accounts">
            <ComposerAccounts
              workspaceId={workspaceId}
              accounts={accounts}
              networks={networks}
              chosenIds={accountIds}
              onChange={setAccountIds}
              error={problems.targets}
            />
          </Card>
          <Card title="Schedule">
            <TextField
              label="Publish at"
              name="scheduledAt"
              type="datetime-local"
              value={scheduleInput}
              hint={`Workspace time (${workspace.timezone}). Leave empty to decide later.`}
              onChange={(e) => setScheduleInput(e.target.value)}
              error={problems.scheduledAt}
            />
            <div className="mt-3">
              <NextSlotButton
                workspaceId={workspaceId}
                accountIds={accountIds}
                onPick={(at) => setScheduleInput(isoToZonedInput(at, workspace.timezone))}
              />
            </div>
            {chosen.slice(0, 3).map((account) => (
              <div key={account.id} className="mt-4">
                <BestTimes
                  workspaceId={workspaceId}
                  account={account}
                  timezone={workspace.timezone}
                  onPick={(at) => setScheduleInput(isoToZonedInput(at, workspace.timezone))}
                />
              </div>
            ))}
          </Card>
          <div className="flex flex-wrap items-center gap-2">
            <Button
              variant="secondary"
              onClick={() => save(false)}
              isPending={create.isPending && create.variables.submit === false}
              pendingLabel="Saving…"
              disabled={create.isPending || uploading}
            >
              Save draft
            </Button>
            <Button
              type="submit"
              isPending={create.isPending && create.variables.submit === true}
              pendingLabel="Submitting…"
              disabled={create.isPending || uploading}
            >
              Submit
            </Button>
            {uploading ? <span className="text-sm text-muted">Waiting for uploads…</span> : null}
          </div>
        </div>
        <div className="space-y-6 lg:sticky lg:top-4">
          <Card title="Expected engagement">
            <ExpectedEngagement
              workspaceId={workspaceId}
              accounts={chosen}
              draft={{
                text: composePost(text, hashtags),
                mediaCount: media.length,
                hasLink: false,
                hashtags: [],
                isThread: thread.some((part) => part.trim() !== ''),
                ...(scheduledIso === null ? {} : { scheduledAt: scheduledIso }),
              }}
            />
          </Card>
          <Card title="Preview">
            {chosen.length === 0 ? (
              <p className="text-sm text-muted">Choose accounts to see how the post looks on each network.</p>
            ) : (
              <TargetTabs
                accounts={chosen}
                networks={networks}
                text={composePost(text, hashtags)}
                thread={thread.filter((part) => part.trim() !== '')}
                media={media.map((item) => ({
                  id: item.localId,
                  url: item.url,
                  kind: item.kind,
                  altText: item.altText,
                }))}
                problemsFor={problemsFor}
              />
            )}
          </Card>
        </div>
      </form>
    </>
  );
}
