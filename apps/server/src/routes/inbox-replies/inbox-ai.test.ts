import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyInboxItems } from '@plume/core/inbox/ai/classify-items';
import { auditEvents } from '@plume/db/schema/audit';
import { brandProfiles } from '@plume/db/schema/content';
import { inboxConversations, inboxItems, inboxReplies } from '@plume/db/schema/inbox';
import { llmUsage } from '@plume/db/schema/llm';
import type { FakeOllamaPrompt } from '@plume/testing/fakes/llm/ollama-fake-answers';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { startInboxWorld, storeConversation, type InboxWorld } from '../../test-support/inbox-reply-world.ts';

type Reply = { id: string; state: string; origin: string; text: string; disclosure: string | null };
type Problem = { status: number; code: string; detail: string };

let world: InboxWorld;
let ollama: OllamaFake;
/** What the fake model says to a draft request (a classification is answered from the items). */
let draftAnswer = 'Yes! We ship to Lyon within two days.';
const DISCLOSURE = 'I am an AI character run by Crumb Bakery.';

/** The classification a careful model would give, by keyword, as the prompt's JSON answer. */
function classify(prompt: FakeOllamaPrompt): string {
  const lines = (prompt.messages.at(-1)?.content ?? '').split('\n').filter((line) => /^\d+\. /.test(line));
  const items = lines.map((line, index) => {
    const spam = /cheap followers/i.test(line);
    const complaint = /stale|refund/i.test(line);
    return {
      n: index + 1,
      sentiment: complaint ? 'negative' : spam ? 'neutral' : 'positive',
      intent: spam ? 'spam' : complaint ? 'complaint' : line.includes('?') ? 'question' : 'praise',
      priority: complaint ? 'high' : 'normal',
      language: /Bonjour/.test(line) ? 'FR' : 'en',
    };
  });
  return JSON.stringify({ items });
}

beforeAll(async () => {
  ollama = await startOllamaFake({
    answer: (prompt) => {
      const system = prompt.system ?? prompt.messages.find((message) => message.role === 'system')?.content ?? '';
      return system.startsWith('You sort messages') ? classify(prompt) : draftAnswer;
    },
  });
  world = await startInboxWorld({ OLLAMA_URL: ollama.url, LLM_CACHE_TTL_SECONDS: '0' });
  await world.t.db.insert(brandProfiles).values({
    workspaceId: world.workspace.id,
    kind: 'persona',
    profile: {
      brand: {
        name: 'Crumb Bakery',
        industry: 'bakery',
        audience: 'bread lovers in Lyon',
        goals: [],
        voice: { tone: ['warm'], formality: 0.3, emoji: 'none', person: 'first_singular' },
        topics: [],
        topicsToAvoid: ['politics'],
        ctaDefaults: [],
        language: 'en',
        hashtags: { always: [], never: [] },
      },
      persona: { name: 'Crumby', traits: { humor: 0.8 }, interests: ['sourdough'], disclosure: DISCLOSURE },
    },
  });
});

afterAll(async () => {
  await world.close();
  await ollama.close();
});

const draft = (conversationId: string, payload: object = {}) =>
  world.t.app.inject({
    method: 'POST',
    url: `${world.base()}/inbox/conversations/${conversationId}/draft-reply`,
    headers: world.owner.headers,
    payload,
  });

const lastChat = () => ollama.requests.filter((request) => request.path === '/api/chat').at(-1)?.body;

describe('AI reply drafts', () => {
  it('answer in the persona’s voice with the thread as data, carry the disclosure and wait for a person', async () => {
    const conversation = await storeConversation(world, { text: 'Do you ship to Lyon?' });
    const response = await draft(conversation.conversationId, { instructions: 'mention the two-day delivery' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Reply>()).toMatchObject({
      state: 'draft',
      origin: 'ai',
      disclosure: DISCLOSURE,
      text: `Yes! We ship to Lyon within two days.\n\n${DISCLOSURE}`,
    });
    const body = lastChat() as { messages: { role: string; content: string }[] };
    const [system, user] = body.messages;
    expect(system?.content).toContain('You write as Crumby, a character of Crumb Bakery.');
    expect(system?.content).toContain('You answer a comment on one of our posts on Bluesky');
    expect(system?.content).toMatch(/fit in \d+ graphemes/);
    expect(user?.content).toContain('Answer this, from Bob:\n"""Do you ship to Lyon?"""');
    expect(user?.content).toContain('mention the two-day delivery');
    const [usage] = await world.t.db.select().from(llmUsage).where(eq(llmUsage.workspaceId, world.workspace.id));
    expect(usage?.task).toBe('reply');
    expect(world.bluesky.posts().filter((record) => record.value['reply'] !== undefined)).toHaveLength(0);
  });

  it('are cut to the network’s limit with the disclosure kept, and refused where the network cannot answer', async () => {
    draftAnswer = `${'Our sourdough rests for two days before baking. '.repeat(12)}`;
    const conversation = await storeConversation(world);
    const response = await draft(conversation.conversationId);
    expect(response.statusCode, response.body).toBe(201);
    const text = response.json<Reply>().text;
    expect([...new Intl.Segmenter().segment(text)].length).toBeLessThanOrEqual(300);
    expect(text.endsWith(`\n\n${DISCLOSURE}`)).toBe(true);
    draftAnswer = 'Yes! We ship to Lyon within two days.';

    const dm = await storeConversation(world, { kind: 'message' });
    const refused = await draft(dm.conversationId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Problem>().detail).toContain('does not let Plume answer direct messages');
  });
});

describe('classification job', () => {
  it('classifies a batch in one call, updates the conversations, hides spam only when allowed and drafts for questions and complaints', async () => {
    const question = await storeConversation(world, { text: 'Bonjour, vous livrez à Villeurbanne ?' });
    const complaint = await storeConversation(world, { text: 'My loaf was stale, I want a refund' });
    const praise = await storeConversation(world, { text: 'Best croissant in town' });
    const spam = await storeConversation(world, { text: 'Get cheap followers now' });
    const itemIds = [question, complaint, praise, spam].map((conversation) => conversation.itemId);
    const deps = { ...world.sendDeps, gateway: world.t.context.llm.gateway };
    const chatsBefore = ollama.requests.filter((request) => request.path === '/api/chat').length;

    const result = await classifyInboxItems(deps, { workspaceId: world.workspace.id, itemIds });
    expect(result).toMatchObject({ classified: 4, hidden: 0, drafted: 2, skipped: [] });
    // One classification call, then one draft each for the question and the complaint.
    expect(ollama.requests.filter((request) => request.path === '/api/chat').length - chatsBefore).toBe(3);
    const items = await world.t.db.select().from(inboxItems).where(inArray(inboxItems.id, itemIds));
    const byText = new Map(items.map((item) => [item.text.slice(0, 10), item]));
    expect(byText.get('Bonjour, v')).toMatchObject({ intent: 'question', language: 'fr' });
    expect(byText.get('My loaf wa')).toMatchObject({ intent: 'complaint', sentiment: 'negative', priority: 'high' });
    expect(byText.get('Get cheap ')).toMatchObject({ intent: 'spam', moderation: 'visible' });
    const [conversation] = await world.t.db
      .select()
      .from(inboxConversations)
      .where(eq(inboxConversations.id, complaint.conversationId));
    expect(conversation).toMatchObject({ intent: 'complaint', sentiment: 'negative', priority: 'high' });
    const drafts = await world.t.db
      .select()
      .from(inboxReplies)
      .where(
        inArray(inboxReplies.conversationId, [
          question.conversationId,
          complaint.conversationId,
          praise.conversationId,
        ]),
      );
    expect(drafts.map((reply) => [reply.origin, reply.state])).toEqual([
      ['ai', 'draft'],
      ['ai', 'draft'],
    ]);
    // Classified items are not classified again.
    const again = await classifyInboxItems(deps, { workspaceId: world.workspace.id, itemIds });
    expect(again.classified).toBe(0);
  });

  it('hides spam automatically once the setting is on, recorded as automatic', async () => {
    await world.t.app.inject({
      method: 'PATCH',
      url: `${world.base()}/inbox/settings`,
      headers: world.owner.headers,
      payload: { autoHideSpam: true, draftReplies: false },
    });
    const spam = await storeConversation(world, { text: 'Cheap followers, DM me' });
    const deps = { ...world.sendDeps, gateway: world.t.context.llm.gateway };
    const result = await classifyInboxItems(deps, { workspaceId: world.workspace.id, itemIds: [spam.itemId] });
    expect(result).toMatchObject({ classified: 1, hidden: 1, drafted: 0 });
    const [item] = await world.t.db.select().from(inboxItems).where(eq(inboxItems.id, spam.itemId));
    expect(item?.moderation).toBe('hidden');
    const [audit] = await world.t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, spam.itemId));
    expect(audit).toMatchObject({ action: 'inbox.item_hidden', actorType: 'system' });
    expect(audit?.data).toMatchObject({ automatic: true });
  });

  it('skips with the reason when the budget is spent, leaving the items unclassified', async () => {
    const budget = await world.t.app.inject({
      method: 'PUT',
      url: `${world.base()}/llm/budget`,
      headers: world.owner.headers,
      payload: { dailyLimitUsd: null, monthlyLimitUsd: null, dailyRequestLimit: 0, monthlyRequestLimit: null },
    });
    expect(budget.statusCode, budget.body).toBe(200);
    const conversation = await storeConversation(world, { text: 'Are you open on Sunday?' });
    const deps = { ...world.sendDeps, gateway: world.t.context.llm.gateway };
    const result = await classifyInboxItems(deps, { workspaceId: world.workspace.id, itemIds: [conversation.itemId] });
    expect(result.classified).toBe(0);
    expect(result.skipped[0]).toMatch(/^1 item\(s\) not classified: the workspace's model budget is reached/);
    const [item] = await world.t.db.select().from(inboxItems).where(eq(inboxItems.id, conversation.itemId));
    expect(item?.classifiedAt).toBeNull();
  });
});
