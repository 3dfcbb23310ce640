import { expect } from 'vitest';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import { socialAccounts } from '@plume/db/schema/social';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { northwind } from './content-fake-model.ts';

export type StudioFixture = {
  t: TestApp;
  fake: OllamaFake;
  owner: TestUser;
  editor: TestUser;
  viewer: TestUser;
  outsider: TestUser;
  workspace: TestWorkspace;
  /** The outsider's own workspace. */
  otherWorkspace: TestWorkspace;
  /** One connected account per network asked for, by network id. */
  accounts: Record<string, string>;
  close(): Promise<void>;
};

/**
 * The content studio's test world: the app talking to a fake Ollama, a workspace with the Northwind brand
 * profile, its owner, an editor and a viewer, an outsider with a workspace of their own, and one account
 * per network (tokens unused: nothing is published).
 */
export async function setUpStudio(label: string, networks: readonly NetworkId[]): Promise<StudioFixture> {
  const fake = await startOllamaFake();
  const t = await createTestApp({ OLLAMA_URL: fake.url });
  const [owner, editor, viewer, outsider] = await Promise.all(
    ['Owner', 'Editor', 'Viewer', 'Outsider'].map((role) => createUser(t.app, t.db, { name: `${label} ${role}` })),
  );
  if (!owner || !editor || !viewer || !outsider) throw new Error('users were not created');
  const workspace = await createWorkspaceAs(t.app, owner);
  const otherWorkspace = await createWorkspaceAs(t.app, outsider);
  await addMember(t.app, workspace, owner, editor, 'editor');
  await addMember(t.app, workspace, owner, viewer, 'viewer');
  const saved = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/workspaces/${workspace.id}/brand-profile`,
    headers: owner.headers,
    payload: { brand: northwind },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const accounts: Record<string, string> = {};
  for (const network of networks) {
    const [row] = await t.db
      .insert(socialAccounts)
      .values({
        workspaceId: workspace.id,
        network,
        externalId: `${network}-${label}`,
        handle: `@${network}`,
        displayName: network,
        kind: 'profile',
        tokensCiphertext: 'unused',
      })
      .returning({ id: socialAccounts.id });
    if (row) accounts[network] = row.id;
  }
  return {
    t,
    fake,
    owner,
    editor,
    viewer,
    outsider,
    workspace,
    otherWorkspace,
    accounts,
    close: async () => {
      await t.close();
      await fake.close();
    },
  };
}
