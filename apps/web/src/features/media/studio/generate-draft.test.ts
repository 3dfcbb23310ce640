import { describe, expect, it } from 'vitest';
import { checkGenerateDraft, emptyGenerateDraft, generateRequest, type GenerateDraft } from './generate-draft.ts';

const draft = (change: Partial<GenerateDraft>): GenerateDraft => ({ ...emptyGenerateDraft(), ...change });

describe('the Generate form', () => {
  it('asks for a prompt, a count of 1 to 8 and a whole-number seed', () => {
    expect(checkGenerateDraft(draft({ prompt: '  ' })).prompt).toBe('Describe what to make.');
    expect(checkGenerateDraft(draft({ prompt: 'a cat', count: '9' })).count).toMatch(/between 1 and 8/);
    expect(checkGenerateDraft(draft({ prompt: 'a cat', count: '0' })).count).toBeDefined();
    expect(checkGenerateDraft(draft({ prompt: 'a cat', count: '2.5' })).count).toBeDefined();
    expect(checkGenerateDraft(draft({ prompt: 'a cat', seed: '-3' })).seed).toMatch(/whole number/);
    expect(checkGenerateDraft(draft({ prompt: 'a cat', seed: '4294967296' })).seed).toBeDefined();
    expect(checkGenerateDraft(draft({ prompt: 'ab' })).prompt).toMatch(/few words/);
    expect(checkGenerateDraft(draft({ prompt: 'a cat', count: '8', seed: '42' }))).toEqual({});
  });

  it('asks speech for a voice unless a character brings one', () => {
    expect(checkGenerateDraft(draft({ kind: 'speech', prompt: 'Hello' })).voice).toMatch(/voice/);
    expect(checkGenerateDraft(draft({ kind: 'speech', prompt: 'Hello', characterId: 'c1' }))).toEqual({});
    expect(checkGenerateDraft(draft({ kind: 'speech', prompt: '' })).prompt).toBe('Write the text to speak.');
  });

  it('sends an image request with its style, shape, count and only the optional fields filled in', () => {
    const body = generateRequest(
      draft({ prompt: ' a latte on a table ', imageStyle: 'watercolor', aspectRatio: '4:5', count: '2', seed: '7' }),
    );
    expect(body).toEqual({
      kind: 'image',
      prompt: 'a latte on a table',
      style: 'watercolor',
      aspectRatio: '4:5',
      count: 2,
      seed: 7,
    });
  });

  it('sends a variation only with its character, and video with the video style', () => {
    expect(generateRequest(draft({ prompt: 'x', variationId: 'v1' }))).not.toHaveProperty('variationId');
    const video = generateRequest(
      draft({
        kind: 'video',
        prompt: 'x',
        videoStyle: 'product_demo',
        characterId: 'c1',
        variationId: 'v1',
        imageMediaId: 'm1',
      }),
    );
    expect(video).toMatchObject({
      kind: 'video',
      style: 'product_demo',
      durationSec: 6,
      imageMediaId: 'm1',
      characterId: 'c1',
      variationId: 'v1',
    });
    expect(video).not.toHaveProperty('count');
  });

  it('sends speech as text and a voice', () => {
    expect(generateRequest(draft({ kind: 'speech', prompt: 'Hi there', voice: 'nova' }))).toEqual({
      kind: 'speech',
      text: 'Hi there',
      voice: 'nova',
    });
  });
});
