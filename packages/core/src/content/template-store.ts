/**
 * Content templates as a workspace sees them: the built-ins, each replaced by the workspace's override
 * where it has one (flagged). Overrides are checked when saved, so a stored one always merges.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { contentTemplates } from '@plume/db/schema/content';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { templateOverrideSchema } from '@plume/contract/content/content-schemas';
import { mergeTemplate, type TemplateOverride } from './template-override.ts';
import { CONTENT_TYPES, type ContentType } from '@plume/contract/content/content-enums';
import { BUILT_IN_TEMPLATES, type ContentTemplate } from './templates.ts';

export type TemplateView = ContentTemplate & { isOverridden: boolean };

function applyStored(contentType: ContentType, stored: Record<string, unknown> | undefined): TemplateView {
  const base = BUILT_IN_TEMPLATES[contentType];
  const override = stored === undefined ? undefined : templateOverrideSchema.safeParse(stored);
  if (!override?.success) return { ...base, isOverridden: false };
  const merged = mergeTemplate(base, override.data);
  return merged.ok ? { ...merged.template, isOverridden: true } : { ...base, isOverridden: false };
}

export async function listTemplates(db: Pick<Database, 'select'>, workspaceId: string): Promise<TemplateView[]> {
  const rows = await db.select().from(contentTemplates).where(eq(contentTemplates.workspaceId, workspaceId));
  const stored = new Map(rows.map((row) => [row.contentType, row.template]));
  return CONTENT_TYPES.map((contentType) => applyStored(contentType, stored.get(contentType)));
}

export async function loadTemplate(
  db: Pick<Database, 'select'>,
  workspaceId: string,
  contentType: ContentType,
): Promise<ContentTemplate> {
  const [row] = await db
    .select()
    .from(contentTemplates)
    .where(and(eq(contentTemplates.workspaceId, workspaceId), eq(contentTemplates.contentType, contentType)));
  return applyStored(contentType, row?.template);
}

/** Saves an override; a skeleton that would not render is refused with each problem on `skeleton`. */
export async function putTemplateOverride(
  db: Database,
  input: { workspaceId: string; actor: AuditActor; override: TemplateOverride },
): Promise<TemplateView> {
  const { override } = input;
  const merged = mergeTemplate(BUILT_IN_TEMPLATES[override.contentType], override);
  if (!merged.ok) {
    const errors = merged.errors.map((error) => ({
      path: error.code === 'required_not_used' ? 'required' : 'skeleton',
      message: error.message,
    }));
    throw new AppError('validation_failed', {
      detail: errors.map((error) => `${error.path}: ${error.message}`).join('; '),
      errors,
    });
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(contentTemplates)
      .values({ workspaceId: input.workspaceId, contentType: override.contentType, template: override })
      .onConflictDoUpdate({
        target: [contentTemplates.workspaceId, contentTemplates.contentType],
        set: { template: override, updatedAt: new Date() },
      });
    await recordAudit(
      tx,
      input.workspaceId,
      input.actor,
      'content_template.updated',
      'content_template',
      override.contentType,
    );
  });
  return { ...merged.template, isOverridden: true };
}

/** Removes an override (the built-in applies again). Removing one that does not exist is not an error. */
export async function deleteTemplateOverride(
  db: Database,
  input: { workspaceId: string; actor: AuditActor; contentType: ContentType },
): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(contentTemplates)
      .where(
        and(eq(contentTemplates.workspaceId, input.workspaceId), eq(contentTemplates.contentType, input.contentType)),
      )
      .returning({ contentType: contentTemplates.contentType });
    if (removed.length > 0)
      await recordAudit(
        tx,
        input.workspaceId,
        input.actor,
        'content_template.reset',
        'content_template',
        input.contentType,
      );
  });
}
