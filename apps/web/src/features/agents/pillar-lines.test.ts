import { describe, expect, it } from 'vitest';
import { parsePillarLines } from './pillar-lines.ts';

describe('parsePillarLines', () => {
  it('reads "Name, share" lines into pillars with keys', () => {
    expect(parsePillarLines('Daily bakes, 60\n\nThe team: 40%')).toEqual({
      pillars: [
        { key: 'daily-bakes', name: 'Daily bakes', share: 60 },
        { key: 'the-team', name: 'The team', share: 40 },
      ],
    });
  });

  it('leaves the pillars to the brand profile when empty, and says what is wrong otherwise', () => {
    expect(parsePillarLines('  ')).toEqual({ pillars: undefined });
    expect(parsePillarLines('Bakes').error).toMatch(/^Line 1: write a pillar as/);
    expect(parsePillarLines('Bakes, 50\nTeam, 30').error).toBe('The shares add up to 80; make them add up to 100.');
    expect(parsePillarLines('Bakes, 50\nbakes, 50').error).toBe('Give each pillar its own name.');
  });
});
