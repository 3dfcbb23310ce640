/**
 * The Intelligence agent's prompt: the facts as short plain lines (more compact than JSON), and the
 * answer's format. Its size is bounded because the facts are (see summarize-history.ts).
 */
import type { IntelligenceFacts, IntelligenceReading } from '@plume/contract/agents/agent-outputs';
import type { ModelPrompt } from '../model-step.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export const INTELLIGENCE_SYSTEM = [
  "You are Plume's intelligence analyst for a small business's social media.",
  'Read the facts and answer with one JSON object and nothing else:',
  '{"highlights": ["…"], "opportunities": ["…"], "risks": ["…"]}',
  'highlights: 1 to 5 findings the facts support; opportunities and risks: 0 to 5 each.',
  'Each item is one plain sentence under 240 characters. Use only the facts given; say when history is thin.',
].join('\n');

/** The facts as lines a model reads quickly. */
export function describeFacts(facts: IntelligenceFacts): string[] {
  const lines = [`Time zone: ${facts.timezone}. Measured posts: ${facts.postsAnalysed}.`];
  for (const account of facts.accounts) {
    const source = account.priorSource === null ? 'own history' : `mostly the public prior (${account.priorSource})`;
    lines.push(
      `Account ${account.network} @${account.handle}: ${account.postsAnalysed} posts; best hours ${account.bestHours.join(', ') || 'unknown'} (confidence ${account.confidence}, from ${source}).`,
    );
    for (const post of account.topPosts) lines.push(`  top: "${post.text}" (${post.engagements}, ${post.publishedAt})`);
    for (const post of account.weakPosts)
      lines.push(`  weak: "${post.text}" (${post.engagements}, ${post.publishedAt})`);
  }
  if (facts.accounts.length === 0) lines.push('No connected accounts yet: no history.');
  lines.push(
    facts.hashtags.length === 0
      ? 'Hashtags: none used often.'
      : `Hashtags (posts, engagement index, 100 = usual): ${facts.hashtags.map((tag) => `#${tag.tag} ${tag.posts} (${tag.index})`).join(', ')}.`,
  );
  if (facts.topics.length > 0)
    lines.push(`Frequent topics (posts): ${facts.topics.map((topic) => `${topic.term} ${topic.posts}`).join(', ')}.`);
  if (facts.postsAnalysed > 0)
    lines.push(
      `Engagement by weekday (100 = usual): ${facts.weekdayIndex.map((value, index) => `${WEEKDAYS[index]} ${value}`).join(', ')}.`,
    );
  for (const finding of facts.findings) lines.push(`What works: ${finding}`);
  lines.push(
    facts.competitors.length === 0
      ? 'Competitors: none named yet.'
      : `Competitors: ${facts.competitors.map((item) => `${item.network} @${item.handle}: ${item.summary}`).join(' | ')}`,
  );
  return lines;
}

export function intelligencePrompt(facts: IntelligenceFacts): ModelPrompt {
  return { system: INTELLIGENCE_SYSTEM, user: describeFacts(facts).join('\n'), maxOutputTokens: 600 };
}

/** The reading in a few lines, for the next agent's prompt. */
export function describeReading(reading: IntelligenceReading): string[] {
  return [
    ...reading.highlights.map((item) => `Highlight: ${item}`),
    ...reading.opportunities.map((item) => `Opportunity: ${item}`),
    ...reading.risks.map((item) => `Risk: ${item}`),
  ];
}
