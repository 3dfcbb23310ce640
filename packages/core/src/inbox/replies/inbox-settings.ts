/**
 * A workspace's inbox settings: what the AI does with new items, and whether automation may hide spam
 * or send replies. Sending by automation is the owner's decision alone, and every such reply carries
 * the disclosure line.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { DEFAULT_REPLY_DISCLOSURE, inboxSettings } from '@plume/db/schema/inbox-settings';
import type { WorkspaceRole } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts';

export type InboxSettings = {
  classify: boolean;
  draftReplies: boolean;
  autoHideSpam: boolean;
  disclosedAutomation: boolean;
  disclosure: string;
};
export type InboxSettingsPatch = Partial<InboxSettings>;

export const DEFAULT_INBOX_SETTINGS: InboxSettings = {
  classify: true,
  draftReplies: true,
  autoHideSpam: false,
  disclosedAutomation: false,
  disclosure: DEFAULT_REPLY_DISCLOSURE,
};

export async function readInboxSettings(db: Pick<Database, 'select'>, workspaceId: string): Promise<InboxSettings> {
  const [row] = await db.select().from(inboxSettings).where(eq(inboxSettings.workspaceId, workspaceId));
  if (row === undefined) return DEFAULT_INBOX_SETTINGS;
  const { classify, draftReplies, autoHideSpam, disclosedAutomation, disclosure } = row;
  return { classify, draftReplies, autoHideSpam, disclosedAutomation, disclosure };
}

/** Changes some settings (admin); only the owner may turn sending by automation on or off. */
export async function updateInboxSettings(
  db: Database,
  input: { workspaceId: string; role: WorkspaceRole; actor: AuditActor; patch: InboxSettingsPatch },
): Promise<InboxSettings> {
  const { patch } = input;
  return db.transaction(async (tx) => {
    const current = await readInboxSettings(tx, input.workspaceId);
    if (
      patch.disclosedAutomation !== undefined &&
      patch.disclosedAutomation !== current.disclosedAutomation &&
      input.role !== 'owner'
    )
      throw AppError.forbidden(
        'Only the workspace owner can let automation rules send replies (disclosedAutomation); you can change the other settings.',
      );
    const next: InboxSettings = { ...current, ...definedOnly(patch) };
    const updatedBy = input.actor.type === 'user' ? input.actor.id : null;
    await tx
      .insert(inboxSettings)
      .values({ workspaceId: input.workspaceId, ...next, updatedBy })
      .onConflictDoUpdate({ target: inboxSettings.workspaceId, set: { ...next, updatedBy, updatedAt: new Date() } });
    const changed = Object.keys(definedOnly(patch)).filter(
      (key) => current[key as keyof InboxSettings] !== next[key as keyof InboxSettings],
    );
    if (changed.length > 0)
      await recordAudit(tx, input.workspaceId, input.actor, 'inbox.settings_updated', 'workspace', input.workspaceId, {
        changed,
        ...Object.fromEntries(changed.map((key) => [key, next[key as keyof InboxSettings]])),
      });
    return next;
  });
}

function definedOnly(patch: InboxSettingsPatch): InboxSettingsPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}
