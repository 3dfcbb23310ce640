import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { sessionQueryOptions } from '../auth/session-query.ts';
import { canManage } from '../workspaces/roles.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { rulesQueryOptions } from './automation-query.ts';
import { RuleCard } from './rule-card.tsx';
import { emptyDraft, fromRule, suggestedRules, type RuleDraft } from './rule-draft.ts';
import { RuleEditor } from './rule-editor.tsx';

type Editing = { draft: RuleDraft; ruleId?: string | undefined } | null;

/** /w/$workspaceId/automation */
export function AutomationPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const session = useQuery(sessionQueryOptions);
  const me = session.data?.user.id ?? '';
  const rules = useQuery(rulesQueryOptions(workspace.id));
  const [editing, setEditing] = useState<Editing>(null);
  const canEdit = canManage(workspace.role);
  const header = (
    <PageHeader
      title="Automation"
      description="Rules that act when something happens: a new comment, a failed post, a schedule. Try a rule on the last 7 days before you save it; every run is kept with what it did."
      action={
        canEdit && editing === null ? (
          <Button onClick={() => setEditing({ draft: emptyDraft() })}>New rule</Button>
        ) : undefined
      }
    />
  );
  if (editing !== null)
    return (
      <>
        {header}
        <Card title={editing.ruleId === undefined ? 'New rule' : 'Change the rule'}>
          <RuleEditor
            workspaceId={workspace.id}
            zone={workspace.timezone}
            me={me}
            initial={editing.draft}
            ruleId={editing.ruleId}
            onDone={() => setEditing(null)}
          />
        </Card>
      </>
    );
  if (rules.isPending)
    return (
      <>
        {header}
        <LoadingState label="Loading rules…" />
      </>
    );
  if (rules.isError)
    return (
      <>
        {header}
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      </>
    );
  if (rules.data.length === 0)
    return (
      <>
        {header}
        <EmptyState title="No automation rules yet">
          {canEdit ? (
            <div className="space-y-3">
              <p>Start from one of these, then adjust it and try it on the last 7 days:</p>
              <ul className="flex flex-wrap justify-center gap-2">
                {suggestedRules(me).map((suggestion) => (
                  <li key={suggestion.title}>
                    <Button variant="secondary" onClick={() => setEditing({ draft: suggestion.draft })}>
                      {suggestion.title}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            `Admins of ${workspace.name} can add rules here.`
          )}
        </EmptyState>
      </>
    );
  return (
    <>
      {header}
      <div className="space-y-4">
        {rules.data.map((rule) => (
          <RuleCard
            key={rule.id}
            workspaceId={workspace.id}
            zone={workspace.timezone}
            rule={rule}
            canEdit={canEdit}
            onEdit={() => setEditing({ draft: fromRule(rule), ruleId: rule.id })}
          />
        ))}
      </div>
    </>
  );
}
