/** Telegram as a Plume network: manifest, bot-token connect, publish, delete, health, subscriber count, extra checks and the discussion group's comments. */
import type { NetworkProvider } from '../contract.ts';
import { telegramCredentials } from './auth.ts';
import { telegramManifest } from './manifest.ts';
import { deleteFromTelegram } from './operations/delete.ts';
import { getTelegramAccountMetrics } from './operations/get-account-metrics.ts';
import { checkTelegramHealth } from './operations/health.ts';
import { listTelegramInbox, moderateTelegramInbox, replyToTelegramInbox } from './operations/inbox.ts';
import { publishToTelegram } from './operations/publish.ts';
import { validateForTelegram } from './validate.ts';

export const telegramProvider: NetworkProvider = {
  manifest: telegramManifest,
  credentials: telegramCredentials,
  publish: publishToTelegram,
  delete: deleteFromTelegram,
  health: checkTelegramHealth,
  validate: validateForTelegram,
  getAccountMetrics: getTelegramAccountMetrics,
  listInbox: listTelegramInbox,
  replyToInbox: replyToTelegramInbox,
  moderateInbox: moderateTelegramInbox,
};
