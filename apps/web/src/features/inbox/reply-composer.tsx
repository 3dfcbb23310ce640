import { useEffect, useId, useState, type RefObject } from 'react';
import type { ConversationDetail, InboxReply } from '@plume/contract/inbox/inbox-schemas';
import { Button } from '../../components/button.tsx';
import { fieldClasses } from '../../components/field-classes.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { Chip } from './inbox-chips.tsx';
import { replyableItems, itemSummary } from './reply-targets.ts';
import { SavedReplyPicker } from './saved-reply-picker.tsx';
import { useElapsedSeconds } from './use-elapsed-seconds.ts';
import { useReplyActions } from './use-reply-actions.ts';

interface ComposerProps {
  workspaceId: string;
  conversation: ConversationDetail;
  replyToId: string | undefined;
  onReplyToChange: (itemId: string) => void;
  /** The draft being edited in the composer, or null for a new reply. */
  editing: InboxReply | null;
  onEditingChange: (reply: InboxReply | null) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  onManageSaved: () => void;
}

/** Writes a reply to one item: by hand, from a saved reply or drafted by the AI; saved as a draft or sent. */
export function ReplyComposer(props: ComposerProps) {
  const { workspaceId, conversation, editing, textareaRef } = props;
  const fieldId = useId();
  const actions = useReplyActions(workspaceId, conversation.id);
  const [text, setText] = useState('');
  const [instructions, setInstructions] = useState('');
  const [ownError, setOwnError] = useState<string | undefined>();
  const targets = replyableItems(conversation.items);
  const itemId = editing?.itemId ?? props.replyToId ?? targets.at(-1)?.id;
  const elapsed = useElapsedSeconds(actions.draft.isPending);
  const busy = actions.create.isPending || actions.edit.isPending || actions.act.isPending;
  const failure = actions.create.error ?? actions.edit.error ?? actions.act.error;
  const textError = ownError ?? fieldErrorsOf(failure).text;

  useEffect(() => setText(editing?.text ?? ''), [editing]);

  if (targets.length === 0)
    return <p className="text-sm text-muted">Nothing in this conversation can be answered on its network.</p>;

  function finish() {
    setText('');
    props.onEditingChange(null);
  }

  async function save(send: boolean) {
    if (itemId === undefined) return;
    if (text.trim().length === 0) return setOwnError('Write the reply');
    setOwnError(undefined);
    if (editing === null) {
      await actions.create.mutateAsync({ itemId, text: text.trim(), send });
    } else {
      if (text.trim() !== editing.text) await actions.edit.mutateAsync({ replyId: editing.id, text: text.trim() });
      if (send) await actions.act.mutateAsync({ replyId: editing.id, verb: 'approve' });
    }
    finish();
  }

  function askAi() {
    actions.draft.mutate(
      { itemId, instructions: instructions.trim() || undefined },
      { onSuccess: (reply) => props.onEditingChange(reply) },
    );
  }

  return (
    <section aria-label="Reply" className="space-y-3 rounded-lg border border-line p-3">
      <SelectField
        label="Replying to"
        options={targets.map((item) => ({ value: item.id, label: itemSummary(item) }))}
        value={itemId ?? ''}
        disabled={editing !== null}
        onChange={(e) => props.onReplyToChange(e.target.value)}
      />
      {editing ? (
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
          <Chip tone={editing.origin === 'ai' ? 'accent' : 'plain'}>
            {editing.origin === 'ai' ? 'AI draft: read it before sending' : 'Editing a draft'}
          </Chip>
          {editing.disclosure ? <span>Sent with the disclosure “{editing.disclosure}”.</span> : null}
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => props.onEditingChange(null)}>
            Start over
          </Button>
        </div>
      ) : null}
      <div>
        <label htmlFor={fieldId} className="mb-1 block text-sm font-medium text-ink">
          Your reply
        </label>
        <textarea
          id={fieldId}
          ref={textareaRef}
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? `${fieldId}-error` : undefined}
          className={fieldClasses(Boolean(textError))}
        />
        {textError ? (
          <p id={`${fieldId}-error`} className="mt-1 text-sm text-danger">
            {textError}
          </p>
        ) : null}
      </div>
      <SavedReplyPicker
        workspaceId={workspaceId}
        disabled={busy}
        onInsert={(saved) => setText((current) => (current.trim() ? `${current.trimEnd()}\n\n${saved}` : saved))}
        onManage={props.onManageSaved}
      />
      <div className="flex flex-wrap items-end gap-2 border-t border-line pt-3">
        <TextField
          label="What should the AI say? (optional)"
          value={instructions}
          maxLength={500}
          onChange={(e) => setInstructions(e.target.value)}
          error={fieldErrorsOf(actions.draft.error).instructions}
        />
        <Button variant="secondary" isPending={actions.draft.isPending} pendingLabel="Drafting…" onClick={askAi}>
          Draft with AI
        </Button>
      </div>
      {actions.draft.isPending ? (
        <p role="status" className="text-sm text-muted">
          The AI is writing a draft in your voice, with the post and the thread as context… {elapsed} s
        </p>
      ) : null}
      {actions.draft.isError && !fieldErrorsOf(actions.draft.error).instructions ? (
        <FormAlert error={actions.draft.error} />
      ) : null}
      {failure && !fieldErrorsOf(failure).text ? <FormAlert error={failure} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button isPending={busy} pendingLabel="Saving…" onClick={() => void save(true).catch(() => undefined)}>
          Approve & send
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void save(false).catch(() => undefined)}>
          Save draft
        </Button>
      </div>
    </section>
  );
}
