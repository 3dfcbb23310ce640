/**
 * "Here is how a post in this voice reads": one short sample post for one network, in the saved voice
 * or in a profile being edited (not saved yet), with its quality score. Nothing is stored as a draft.
 */
import { AppError } from '@plume/errors/app-error';
import type { NetworkId } from '@plume/networks/contract';
import type { VoiceProfile } from '@plume/contract/content/brand-profile';
import { loadVoice } from './brand-profile-store.ts';
import { recordScores, type GenerateCommand, type GenerateDeps } from './generate-variants.ts';
import { produceVariants, type ProducedPost, type UsageSummary } from './produce-variants.ts';
import { recentPostTexts } from './recent-post-texts.ts';
import { loadTemplate } from './template-store.ts';

export type PreviewCommand = Pick<GenerateCommand, 'workspace' | 'userId'> & {
  network: NetworkId;
  topic?: string | undefined;
  voice?: VoiceProfile | undefined;
};

export type Preview = { sample: Omit<ProducedPost, 'usageId' | 'warnings'>; usage: UsageSummary; warnings: string[] };

export async function previewVoice(deps: GenerateDeps, command: PreviewCommand): Promise<Preview> {
  const target = deps.manifest(command.network);
  if (!target) throw AppError.validation('network', `Plume has no network "${command.network}" on this server.`);
  const loaded = command.voice ? { voice: command.voice, warnings: [] } : await loadVoice(deps.db, command.workspace);
  const { brand } = loaded.voice;
  const topic = command.topic ?? brand.topics[0] ?? `what ${brand.name} does and who it is for`;
  const produced = await produceVariants(deps.caller, {
    voice: loaded.voice,
    template: await loadTemplate(deps.db, command.workspace.id, 'educational'),
    brief: topic,
    targets: [target],
    variants: 1,
    mediaCount: 0,
    recentPosts: await recentPostTexts(deps.db, command.workspace.id),
  });
  const post = produced.variants[0]!.posts[0]!;
  await recordScores(deps.db, command.workspace.id, [{ usageId: post.usageId, score: post.quality.score }]);
  const { usageId: _usageId, warnings, ...sample } = post;
  return { sample, usage: produced.usage, warnings: [...loaded.warnings, ...warnings] };
}
