import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useWorkspace } from '../../workspaces/use-workspace.ts';
import { MediaTabs } from '../media-tabs.tsx';
import { CharacterCard } from './character-card.tsx';
import { characterDraftOf, emptyCharacterDraft, searchCharacters, type CharacterDraft } from './character-draft.ts';
import { CharacterEditor } from './character-editor.tsx';
import { charactersQueryOptions } from './character-queries.ts';

type Editing = { draft: CharacterDraft; characterId?: string | undefined } | null;
type Layout = 'grid' | 'list';

/** /w/$workspaceId/media/characters: consistent looks and voices for generated media. */
export function CharactersPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const canEdit = workspace.role !== 'viewer';
  const characters = useQuery(charactersQueryOptions(workspace.id));
  const [editing, setEditing] = useState<Editing>(null);
  const [search, setSearch] = useState('');
  const [layout, setLayout] = useState<Layout>('grid');
  const [openId, setOpenId] = useState<string>();
  const header = (
    <>
      <PageHeader
        title="Characters"
        description="A character keeps the same face, look and voice in every image, video and voice-over. A reference photo of a real person is used only with their consent on record."
        action={
          canEdit && editing === null ? (
            <Button onClick={() => setEditing({ draft: emptyCharacterDraft() })}>New character</Button>
          ) : undefined
        }
      />
      <MediaTabs workspaceId={workspace.id} />
    </>
  );
  if (editing !== null)
    return (
      <>
        {header}
        <Card title={editing.characterId === undefined ? 'New character' : 'Edit character'}>
          <CharacterEditor
            workspaceId={workspace.id}
            characterId={editing.characterId}
            initial={editing.draft}
            onSaved={(character) => {
              setEditing(null);
              setOpenId(character.id);
            }}
            onCancel={() => setEditing(null)}
          />
        </Card>
      </>
    );
  if (characters.isPending)
    return (
      <>
        {header}
        <LoadingState label="Loading characters…" />
      </>
    );
  if (characters.isError)
    return (
      <>
        {header}
        <ErrorState error={characters.error} onRetry={() => void characters.refetch()} />
      </>
    );
  if (characters.data.length === 0)
    return (
      <>
        {header}
        <EmptyState
          title="No characters yet"
          action={
            canEdit ? (
              <Button onClick={() => setEditing({ draft: emptyCharacterDraft() })}>Create a character</Button>
            ) : undefined
          }
        >
          A character is a mascot, a spokesperson or you: describe the look once, add reference images and a voice, and
          every generation stays consistent.
        </EmptyState>
      </>
    );
  const shown = searchCharacters(characters.data, search);
  return (
    <>
      {header}
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <TextField
          label="Search by name"
          type="search"
          value={search}
          className="w-full max-w-xs"
          onChange={(e) => setSearch(e.target.value)}
        />
        <div role="group" aria-label="Layout" className="flex gap-1">
          {(['grid', 'list'] as const).map((value) => (
            <Button
              key={value}
              variant={layout === value ? 'primary' : 'secondary'}
              aria-pressed={layout === value}
              onClick={() => setLayout(value)}
            >
              {value === 'grid' ? 'Grid' : 'List'}
            </Button>
          ))}
        </div>
      </div>
      {shown.length === 0 ? (
        <EmptyState title={`No character's name holds “${search}”`} />
      ) : (
        <ul aria-label="Characters" className={layout === 'grid' ? 'grid gap-4 md:grid-cols-2' : 'space-y-3'}>
          {shown.map((character) => (
            <CharacterCard
              key={character.id}
              workspaceId={workspace.id}
              character={character}
              zone={workspace.timezone}
              canEdit={canEdit}
              expanded={openId === character.id}
              onToggle={() => setOpenId(openId === character.id ? undefined : character.id)}
              onEdit={() => setEditing({ draft: characterDraftOf(character), characterId: character.id })}
            />
          ))}
        </ul>
      )}
    </>
  );
}
