import { Link } from '@tanstack/react-router';
import { textLinkClasses } from '../../../components/text-link-classes.ts';

interface ModelsPageNoteProps {
  workspaceId: string;
  reason: 'budget' | 'no_provider';
}

/** The way out of a budget that ran out or a studio with no provider: the Models page. */
export function ModelsPageNote({ workspaceId, reason }: ModelsPageNoteProps) {
  return (
    <p className="mt-1">
      {reason === 'budget'
        ? 'Raise the monthly budget or wait for next month on the '
        : 'Add or check a provider on the '}
      <Link to="/w/$workspaceId/models" params={{ workspaceId }} className={textLinkClasses}>
        Models page
      </Link>
      .
    </p>
  );
}
