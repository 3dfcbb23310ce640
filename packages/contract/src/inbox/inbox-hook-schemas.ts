/** The inbox webhook receiver's input (docs/inbox.md, "Reading inboxes"): Meta's subscription handshake. */
import { z } from 'zod';
import { NETWORK_IDS } from '../networks/network-enums.ts';

export const inboxHookParams = z.object({ network: z.enum(NETWORK_IDS) });

export const inboxHookHandshakeQuery = z.object({
  'hub.mode': z.string().min(1).max(32).describe('Always `subscribe`'),
  'hub.verify_token': z.string().min(1).max(256).describe('The token entered in the network’s webhook settings'),
  'hub.challenge': z.string().min(1).max(256).describe('Echoed back as the answer'),
});

export const inboxHookReceived = z.object({
  received: z.literal(true),
  /** Connected accounts the call's items were stored for. */
  accounts: z.number().int(),
  /** Items stored now (not seen before). */
  created: z.number().int(),
});
