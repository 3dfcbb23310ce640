/** The OpenAPI document's tags, in the order a reader meets them. A tag not listed here is left undescribed (Redocly then warns). */
const descriptions: ReadonlyArray<[string, string]> = [
  ['auth', 'Sign-up, sign-in, sessions, email confirmation and passwords (better-auth)'],
  [
    'me',
    'The signed-in user: profile, preferences (notifications per kind too), invitations, data export, account deletion',
  ],
  ['workspaces', 'Workspaces (a brand or a character) and their getting-started checklist'],
  ['members', "A workspace's members and their roles"],
  ['invitations', 'Inviting people into a workspace, and answering an invitation'],
  ['api-keys', 'Workspace API keys for scripts and integrations'],
  ['webhooks', 'Outgoing webhooks: endpoints, their delivery log, replay and secret rotation'],
  ['audit-log', 'Who did what in a workspace'],
  ['networks', 'The social networks this server can publish to'],
  ['accounts', 'Connected social accounts: connecting, health, posting slots'],
  ['posts', 'Posts and their targets: writing, review, scheduling, publishing, import'],
  ['inbox', 'The unified inbox: conversations from every account, notes, saved replies, figures and a live stream'],
  ['insights', "What an account's history says: expected engagement of a draft, best free times, what works"],
  ['agents', 'Agent runs: the Intelligence and Strategy agents as jobs with stored steps, costs and live progress'],
  ['media', 'Uploaded images and videos'],
  ['notifications', 'What Plume tells you in a workspace: list, unread count, read marks and a live stream'],
  [
    'reports',
    'Weekly reports of a workspace: what went out, results against the week before, best post, what was learned',
  ],
  ['analytics', 'What happened after publishing: engagement, followers, best and worst posts, per-post curves'],
  ['content', 'The content studio: brand voice, templates, generated drafts and their revisions'],
  ['strategy', "Industry templates, the onboarding wizard's answers and the workspace's strategy"],
  [
    'plans',
    'Monthly plans: weekly themes, the week board of briefs, placement, draft generation, week approval and replacements',
  ],
  ['models', 'Language models per workspace: providers, routing policies, budget, usage'],
  ['ollama', "The instance's local Ollama: installed models, pulls, requirements"],
  ['admin', 'Instance administration'],
  ['instance', 'The whole instance: publishing paused or running (a restored copy starts paused)'],
  ['operations', 'Liveness and readiness, for load balancers and monitors'],
];

/** Tag objects for every tag in `used`, described ones first in the order above. */
export function describedTags(used: readonly string[]): Array<{ name: string; description?: string }> {
  const names = new Set(used);
  const known = descriptions.filter(([name]) => names.has(name)).map(([name, description]) => ({ name, description }));
  const unknown = [...names]
    .filter((name) => !descriptions.some(([known]) => known === name))
    .sort()
    .map((name) => ({ name }));
  return [...known, ...unknown];
}
