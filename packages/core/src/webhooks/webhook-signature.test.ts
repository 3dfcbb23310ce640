import { describe, expect, it } from 'vitest';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { generateWebhookSecret, webhookHeaders } from './webhook-signature.ts';

describe('webhook signatures (checked with the reference library standardwebhooks)', () => {
  const body = JSON.stringify({ type: 'post.published', timestamp: '2026-12-07T18:00:00.000Z', data: { a: 1 } });

  it('verifies a message signed with one secret', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = webhookHeaders({ secrets: [secret], id: 'msg_1', body });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('is refused with another secret, a changed body or another id', () => {
    const secret = generateWebhookSecret();
    const headers = webhookHeaders({ secrets: [secret], id: 'msg_1', body });
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(body.replace('1', '2'), headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_2' })).toThrow(
      WebhookVerificationError,
    );
  });

  it('during a rotation, receivers holding either secret accept the message', () => {
    const [fresh, old] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = webhookHeaders({ secrets: [fresh, old], id: 'msg_rot', body });
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(new Webhook(fresh).verify(body, headers)).toBeTruthy();
    expect(new Webhook(old).verify(body, headers)).toBeTruthy();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  it('a timestamp more than five minutes old is refused by the reference library', () => {
    const secret = generateWebhookSecret();
    const headers = webhookHeaders({ secrets: [secret], id: 'msg_old', body, now: new Date(Date.now() - 600_000) });
    expect(() => new Webhook(secret).verify(body, headers)).toThrow(/too old/i);
  });
});
