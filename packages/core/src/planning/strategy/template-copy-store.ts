/**
 * The workspace's own copy of the industry template it chose. Choosing a template copies the
 * repository's file into this row; edits change the row only. Choosing the same template again keeps
 * the copy (and its edits); choosing another replaces it with a fresh copy of the new one.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { workspaceTemplateCopies } from '@plume/db/schema/strategy';
import { AppError } from '@plume/errors/app-error';
import { industryTemplateSchema, type IndustryTemplate } from '@plume/contract/planning/template-schemas';
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts';
import { findIndustryTemplate } from '../templates/industry-templates.ts';

export type TemplateCopy = {
  templateId: string;
  templateVersion: number;
  /** The repository file's version now, null when the file is gone. */
  latestVersion: number | null;
  edited: boolean;
  template: IndustryTemplate;
  updatedAt: Date;
};

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export async function getTemplateCopy(db: Pick<Database, 'select'>, workspaceId: string): Promise<TemplateCopy | null> {
  const [row] = await db
    .select()
    .from(workspaceTemplateCopies)
    .where(eq(workspaceTemplateCopies.workspaceId, workspaceId));
  if (!row) return null;
  return {
    templateId: row.templateId,
    templateVersion: row.templateVersion,
    latestVersion: findIndustryTemplate(row.templateId)?.version ?? null,
    edited: row.edited,
    template: industryTemplateSchema.parse(row.template),
    updatedAt: row.updatedAt,
  };
}

/** Copies the chosen template unless the workspace already has a copy of it; answers the copy and whether it was kept. */
export async function chooseTemplateIn(
  tx: Tx,
  input: { workspaceId: string; actor: AuditActor; templateId: string },
): Promise<{ copy: TemplateCopy; kept: boolean }> {
  const existing = await getTemplateCopy(tx, input.workspaceId);
  if (existing?.templateId === input.templateId) return { copy: existing, kept: true };
  const template = findIndustryTemplate(input.templateId);
  if (!template) throw AppError.validation('templateId', `There is no industry template "${input.templateId}".`);
  const updatedBy = input.actor.type === 'user' ? input.actor.id : null;
  const values = { templateId: template.id, templateVersion: template.version, template, edited: false, updatedBy };
  const [row] = await tx
    .insert(workspaceTemplateCopies)
    .values({ workspaceId: input.workspaceId, ...values })
    .onConflictDoUpdate({
      target: workspaceTemplateCopies.workspaceId,
      set: { ...values, createdAt: new Date(), updatedAt: new Date() },
    })
    .returning({ updatedAt: workspaceTemplateCopies.updatedAt });
  await recordAudit(tx, input.workspaceId, input.actor, 'strategy_template.chosen', 'strategy_template', template.id, {
    version: template.version,
    replaced: existing?.templateId ?? null,
  });
  const copy = { ...values, latestVersion: template.version, updatedAt: row?.updatedAt ?? new Date() };
  return { copy, kept: false };
}

/** Saves the workspace's edits to its copy; the id and the source version stay those of the file it came from. */
export async function putTemplateCopy(
  db: Database,
  input: { workspaceId: string; actor: AuditActor; template: IndustryTemplate },
): Promise<TemplateCopy> {
  const existing = await getTemplateCopy(db, input.workspaceId);
  if (!existing) throw AppError.notFound('template copy');
  if (input.template.id !== existing.templateId)
    throw AppError.validation(
      'id',
      `This workspace's copy is of "${existing.templateId}"; choose another template through onboarding.`,
    );
  const template = { ...input.template, version: existing.templateVersion };
  const updatedBy = input.actor.type === 'user' ? input.actor.id : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(workspaceTemplateCopies)
      .set({ template, edited: true, updatedBy, updatedAt: new Date() })
      .where(eq(workspaceTemplateCopies.workspaceId, input.workspaceId))
      .returning({ updatedAt: workspaceTemplateCopies.updatedAt });
    await recordAudit(tx, input.workspaceId, input.actor, 'strategy_template.edited', 'strategy_template', template.id);
    return { ...existing, template, edited: true, updatedAt: row?.updatedAt ?? new Date() };
  });
}
