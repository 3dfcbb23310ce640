import { describe, expect, it } from 'vitest';
import { reserveDisclosure } from './disclosure.ts';
import { testNetworks } from './test-networks.ts';

describe('reserveDisclosure', () => {
  it('keeps room for the line in Bluesky’s bytes as well as its graphemes', () => {
    // '\n\n🤖 Automated account': 21 graphemes, 2 + 4 + 18 = 24 bytes.
    const reserved = reserveDisclosure(testNetworks.bluesky, '🤖 Automated account');
    expect(reserved.text).toMatchObject({ limit: 300 - 21, maxBytes: 3000 - 24 });
  });

  it('leaves a network without a byte cap without one', () => {
    expect(reserveDisclosure(testNetworks.x, 'Automated').text.maxBytes).toBeUndefined();
  });
});
