/**
 * The Content agent tests' workspace strategy: a coffee shop on Mastodon (3 posts a week) and Bluesky
 * (2), with the pillars each test needs.
 */
import { putWorkspaceStrategy } from '@plume/core/planning/strategy/strategy-store';
import type { StudioFixture } from '../content/content-studio-fixture.ts';

type Pillar = { key: string; name: string; share: number; description: string };

export async function saveCoffeeStrategy(s: StudioFixture, pillars: Pillar[]): Promise<void> {
  await putWorkspaceStrategy(s.t.db, {
    workspaceId: s.workspace.id,
    actor: { type: 'user', id: s.owner.id, name: s.owner.name },
    strategy: {
      pillars,
      goals: ['awareness'],
      audience: 'Home baristas',
      tone: ['warm'],
      cadence: { mastodon: 3, bluesky: 2 },
      kpiTargets: [],
      locale: 'en-US',
      monthlyAiBudgetUsd: null,
      templateId: 'restaurant',
      templateVersion: 1,
    },
  });
}
