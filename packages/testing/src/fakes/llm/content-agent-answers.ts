/**
 * Recorded answers of the Content agent ("content planner") for the LLM fakes: a valid week of briefs
 * read off the prompt as a model would (the days, the count per network, the pillar keys and the
 * briefs per pillar), and a content-studio answer (one post per network asked) so drafts can be written
 * in tests that have no content-studio script of their own.
 */

/** A valid `{ briefs }` answer for the content planner's user prompt. */
export function contentAnswerFor(user: string): object {
  const week = /^Week of (\d{4}-\d{2}-\d{2})/m.exec(user)?.[1] ?? 'the week';
  const days = /^Days: (.+)\.$/m.exec(user)?.[1]?.split(', ') ?? [];
  const counts = (/^Briefs per network \(exactly\): (.+)\.$/m.exec(user)?.[1] ?? '')
    .split(', ')
    .map((item) => item.split(' '))
    .map(([network, count]) => ({ network: network ?? '', count: Number(count ?? 0) }));
  const ranges = (/^Briefs per pillar this week: (.+)\.$/m.exec(user)?.[1] ?? '')
    .split(', ')
    .map((item) => item.split(' '))
    .map(([key, range]) => ({ key: key ?? '', low: Number((range ?? '0').split('-')[0]) }));
  const total = counts.reduce((sum, item) => sum + item.count, 0);
  // Each pillar its lowest count, then the rest to the pillars in order up to one more each.
  const pillars = ranges.flatMap((range) => Array<string>(range.low).fill(range.key));
  for (const range of ranges) if (pillars.length < total) pillars.push(range.key);
  let index = 0;
  const briefs = counts.flatMap(({ network, count }) =>
    Array.from({ length: count }, (_, position) => {
      const pillar = pillars[index] ?? ranges[0]?.key ?? 'general';
      index += 1;
      return {
        day: days[Math.floor((position * days.length) / Math.max(1, count))] ?? days[0] ?? week,
        network,
        pillar,
        topic: `${pillar} idea ${index} for the week of ${week}`,
        format: 'educational',
        visualBrief: `A bright photo for ${pillar} idea ${index}, daylight, one subject.`,
      };
    }),
  );
  return { briefs };
}

/** One post per network the content studio's system prompt asks for (`"<network>": { "text"`). */
export function contentStudioAnswer(system: string, user: string): string {
  const networks = Array.from(system.matchAll(/"(\w+)": \{ "text"/g), (match) => match[1]!);
  const topic = user.split('\n').find((line) => line.includes('idea')) ?? 'a fresh idea';
  const post = (network: string) => ({
    text: `Fresh from the oven on ${network}: ${topic.slice(0, 60)}. Come and taste it!`,
    hashtags: ['Bakery'],
    cta: 'Visit us',
  });
  return JSON.stringify({
    variants: [{ perNetwork: Object.fromEntries(networks.map((network) => [network, post(network)])) }],
  });
}
