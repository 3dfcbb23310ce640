/**
 * The onboarding wizard's answers → the workspace's template copy, brand profile and strategy, in one
 * transaction. Re-running it: the same template keeps the workspace's copy and its edits, another
 * template replaces the copy; the strategy is rebuilt from the answers (KPI targets kept); the brand
 * profile takes the answered fields and keeps the rest (see brandFromAnswers).
 */
import type { Database } from '@plume/db/client';
import type { WorkspaceKind } from '@plume/db/schema/workspaces';
import { getBrandProfile, putBrandProfile } from '../../content/brand-profile-store.ts';
import type { AuditActor } from '../../audit/record-audit.ts';
import { chooseTemplateIn } from './template-copy-store.ts';
import { getWorkspaceStrategy, saveStrategyIn, type StoredStrategy } from './strategy-store.ts';
import { brandFromAnswers, strategyFromAnswers, type OnboardingAnswers } from './strategy-from-answers.ts';

type WorkspaceRef = { id: string; name: string; kind: WorkspaceKind; locale: string };

export type OnboardingResult = {
  strategy: StoredStrategy;
  brandProfile: 'saved' | 'needs_persona';
  templateCopy: { templateId: string; templateVersion: number; kept: boolean };
  notes: string[];
};

export async function runOnboarding(
  db: Database,
  input: { workspace: WorkspaceRef; actor: AuditActor; answers: OnboardingAnswers },
): Promise<OnboardingResult> {
  const { workspace, actor, answers } = input;
  const previous = await getWorkspaceStrategy(db, workspace.id);
  const existing = await getBrandProfile(db, workspace.id);
  const notes: string[] = [];
  const result = await db.transaction(async (tx) => {
    const { copy, kept } = await chooseTemplateIn(tx, {
      workspaceId: workspace.id,
      actor,
      templateId: answers.templateId,
    });
    if (kept && copy.edited) notes.push(`Your edited copy of the ${copy.template.name} template was kept.`);
    const strategy = strategyFromAnswers(copy.template, answers, { locale: workspace.locale, previous });
    const saved = await saveStrategyIn(tx, {
      workspaceId: workspace.id,
      actor,
      strategy,
      action: 'strategy.onboarded',
    });
    return { saved, copy, kept };
  });
  const brand = brandFromAnswers(existing?.brand ?? null, result.copy.template, answers, workspace);
  const persona = existing?.persona ?? null;
  let brandProfile: OnboardingResult['brandProfile'] = 'saved';
  if (workspace.kind === 'character' && !persona) {
    brandProfile = 'needs_persona';
    notes.push('A character workspace speaks as a persona: describe it on the Brand page to save the brand profile.');
  } else {
    await putBrandProfile(db, { workspace, actor, profile: { brand, persona } });
  }
  return {
    strategy: result.saved,
    brandProfile,
    templateCopy: {
      templateId: result.copy.templateId,
      templateVersion: result.copy.templateVersion,
      kept: result.kept,
    },
    notes,
  };
}
