import type { WireAgentRun } from '@plume/contract/agents/agent-run-schemas';
import { Link, useParams } from '@tanstack/react-router';
import { Card } from '../../components/card.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';

type Content = NonNullable<NonNullable<WireAgentRun['output']>['content']>;

/** What a Content agent run left on its plan: briefs per week, drafts written, drafts that failed. */
export function ContentRunOutput({ content }: { content: Content }) {
  const { workspaceId } = useParams({ strict: false });
  const total = content.weeks.reduce((sum, week) => sum + week.briefs, 0);
  return (
    <Card
      title="Briefs and drafts"
      description={`${total} brief(s) written on the plan, ${content.drafted} with a draft post.`}
    >
      <ul className="space-y-1 text-sm">
        {content.weeks.map((week) => (
          <li key={week.week}>
            Week of {week.week}: {week.briefs} brief(s)
          </li>
        ))}
      </ul>
      {content.failed.length > 0 ? (
        <div className="mt-3 text-sm text-danger">
          <p>{content.failed.length} draft(s) could not be written; “Generate drafts” on the plan tries them again:</p>
          <ul className="list-disc pl-5">
            {content.failed.map((item) => (
              <li key={item.briefId}>{item.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {workspaceId ? (
        <p className="mt-3 text-sm">
          <Link
            to="/w/$workspaceId/plans/$planId"
            params={{ workspaceId, planId: content.planId }}
            className={textLinkClasses}
          >
            Open the plan’s week board
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
