/** The start form's pillars, one per line as "Name, share" (e.g. "Daily bakes, 50"). */
export type PillarLine = { key: string; name: string; share: number };

export function pillarKey(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'pillar'
  );
}

/**
 * Reads the lines; an empty text means "use the brand profile's topics".
 * @example parsePillarLines('Bakes, 60\nTeam, 40') // { pillars: [{ key: 'bakes', name: 'Bakes', share: 60 }, …] }
 */
export function parsePillarLines(text: string): { pillars: PillarLine[] | undefined; error?: string } {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return { pillars: undefined };
  const pillars: PillarLine[] = [];
  for (const [index, line] of lines.entries()) {
    const match = /^(.+?)\s*[,:]\s*(\d+(?:\.\d+)?)\s*%?$/.exec(line);
    if (!match)
      return {
        pillars: undefined,
        error: `Line ${index + 1}: write a pillar as “Name, share”, like “Daily bakes, 50”.`,
      };
    pillars.push({ key: pillarKey(match[1] ?? ''), name: (match[1] ?? '').trim(), share: Number(match[2]) });
  }
  const total = pillars.reduce((sum, pillar) => sum + pillar.share, 0);
  if (Math.abs(total - 100) > 1)
    return { pillars: undefined, error: `The shares add up to ${total}; make them add up to 100.` };
  const keys = new Set(pillars.map((pillar) => pillar.key));
  if (keys.size !== pillars.length) return { pillars: undefined, error: 'Give each pillar its own name.' };
  return { pillars };
}
