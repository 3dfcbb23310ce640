// The full Drizzle schema, for the client and drizzle-kit. Domain code imports the table it uses
// from its own file under ./schema/.
export * from './schema/auth.ts';
export * from './schema/workspaces.ts';
export * from './schema/api-keys.ts';
export * from './schema/audit.ts';
export * from './schema/platform.ts';
export * from './schema/social.ts';
export * from './schema/publishing.ts';
export * from './schema/media.ts';
export * from './schema/llm.ts';
export * from './schema/content.ts';
export * from './schema/analytics.ts';
export * from './schema/notifications.ts';
export * from './schema/reports.ts';
export * from './schema/insights.ts';
export * from './schema/competitors.ts';
export * from './schema/agents.ts';
export * from './schema/strategy.ts';
export * from './schema/planning.ts';
export * from './schema/learning.ts';
export * from './schema/webhooks.ts';
export * from './schema/post-deletions.ts';
export * from './schema/inbox.ts';
export * from './schema/inbox-settings.ts';
export * from './schema/automation.ts';
