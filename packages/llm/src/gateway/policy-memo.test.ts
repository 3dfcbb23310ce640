import { describe, expect, it } from 'vitest';
import type { LlmTask } from '../provider-contract.ts';
import { createPolicyMemo } from './policy-memo.ts';
import type { RoutingPolicy } from './routing.ts';

const local: RoutingPolicy = { mode: 'local_first', candidates: [{ provider: 'ollama', model: 'auto' }] };

function counting(result: () => Promise<RoutingPolicy | null>) {
  const reads: string[] = [];
  const source = (workspaceId: string, task: LlmTask) => {
    reads.push(`${workspaceId}/${task}`);
    return result();
  };
  return { reads, source };
}

describe('policy memo', () => {
  it('reads a workspace’s policy per task once within the TTL, again after it', async () => {
    let clock = 0;
    const { reads, source } = counting(async () => local);
    const memo = createPolicyMemo(source, 2000, () => clock);
    expect(await memo.read('ws_a', 'caption')).toEqual(local);
    await memo.read('ws_a', 'caption');
    await memo.read('ws_a', 'hashtags');
    await memo.read('ws_b', 'caption');
    expect(reads).toEqual(['ws_a/caption', 'ws_a/hashtags', 'ws_b/caption']);
    clock = 2000;
    await memo.read('ws_a', 'caption');
    expect(reads).toHaveLength(4);
  });

  it('forgets one workspace on request, does not remember failures, and reads every time with a TTL of 0', async () => {
    let fail = true;
    const { reads, source } = counting(async () => {
      if (fail) throw new Error('database down');
      return null;
    });
    const memo = createPolicyMemo(source, 2000, () => 0);
    await expect(memo.read('ws_a', 'caption')).rejects.toThrow('database down');
    fail = false;
    expect(await memo.read('ws_a', 'caption')).toBeNull();
    await memo.read('ws_b', 'caption');
    memo.forget('ws_a');
    await memo.read('ws_a', 'caption');
    await memo.read('ws_b', 'caption');
    expect(reads).toEqual(['ws_a/caption', 'ws_a/caption', 'ws_b/caption', 'ws_a/caption']);

    const uncached = counting(async () => local);
    const always = createPolicyMemo(uncached.source, 0);
    await always.read('ws_a', 'caption');
    await always.read('ws_a', 'caption');
    expect(uncached.reads).toHaveLength(2);
    expect(await createPolicyMemo(undefined).read('ws_a', 'caption')).toBeNull();
  });
});
