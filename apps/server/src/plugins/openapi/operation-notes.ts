/**
 * What the OpenAPI document cannot learn from a route's own schema, by operation (`METHOD /path`):
 * its `operationId`, the statuses its domain logic can answer beyond the ones every route of its
 * kind gives (see `statusesFor`), and whether it honours `Idempotency-Key`. Kept here, not in the
 * route files, so the contract reads in one place; a route may still set `schema.operationId`.
 * An operation missing here gets an id derived from its method and path (`postWorkspacesPosts`).
 */
export type OperationNote = {
  id: string;
  /** A request body the route reads itself (multipart uploads), where the schema has none. */
  requestBody?: Record<string, unknown>;
  /** Statuses beyond the defaults: 409 for state conflicts, 422/502 for a network's answer… */
  statuses?: readonly number[];
  /** Runs once per `Idempotency-Key` (apps/server/src/lib/idempotency.ts): the header, and 409 on reuse. */
  idempotent?: true;
};

const network = [409, 422, 502];

const upload = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: { type: 'string', format: 'binary', description: 'The image or video' },
          altText: { type: 'string', description: 'What the image shows, for screen readers' },
          aiGenerated: { type: 'string', enum: ['true', 'false'], description: 'Whether a model made it' },
        },
      },
    },
  },
};

const fontUpload = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file', 'family'],
        properties: {
          file: { type: 'string', format: 'binary', description: 'A TTF, OTF or WOFF font (not WOFF2)' },
          family: { type: 'string', description: 'The family name templates use' },
          weight: { type: 'string', description: '100 … 900, default 400' },
          style: { type: 'string', enum: ['normal', 'italic'] },
        },
      },
    },
  },
};

export const operationNotes: Readonly<Record<string, OperationNote>> = {
  'GET /api/v1/health': { id: 'getHealth' },
  'GET /api/v1/ready': { id: 'getReadiness' },
  'GET /api/v1/hooks/inbox/{network}': { id: 'answerInboxHookHandshake', statuses: [403, 409] },
  'POST /api/v1/hooks/inbox/{network}': {
    id: 'receiveInboxHook',
    statuses: [401, 409],
    requestBody: {
      required: true,
      description: "The network's event as it sent it (Meta: an `object` with `entry` list), signed over these bytes",
      content: { 'application/json': { schema: { type: 'object' } } },
    },
  },
  'GET /api/v1/me': { id: 'getMe' },
  'PATCH /api/v1/me': { id: 'updateMe' },
  'GET /api/v1/me/preferences': { id: 'getMyPreferences' },
  'PUT /api/v1/me/preferences': { id: 'setMyPreferences' },
  'GET /api/v1/me/invitations': { id: 'listMyInvitations' },
  'GET /api/v1/me/export': { id: 'exportMyData' },
  'POST /api/v1/me/delete': { id: 'deleteMyAccount' },
  'GET /api/v1/workspaces': { id: 'listWorkspaces' },
  'POST /api/v1/workspaces': { id: 'createWorkspace', idempotent: true },
  'GET /api/v1/workspaces/{workspaceId}': { id: 'getWorkspace' },
  'PATCH /api/v1/workspaces/{workspaceId}': { id: 'updateWorkspace' },
  'DELETE /api/v1/workspaces/{workspaceId}': { id: 'deleteWorkspace' },
  'GET /api/v1/workspaces/{workspaceId}/checklist': { id: 'getWorkspaceChecklist' },
  'GET /api/v1/workspaces/{workspaceId}/members': { id: 'listMembers' },
  'PATCH /api/v1/workspaces/{workspaceId}/members/{memberId}': { id: 'updateMember', statuses: [409] },
  'DELETE /api/v1/workspaces/{workspaceId}/members/{memberId}': { id: 'removeMember', statuses: [409] },
  'GET /api/v1/workspaces/{workspaceId}/invitations': { id: 'listInvitations' },
  'POST /api/v1/workspaces/{workspaceId}/invitations': { id: 'createInvitation', statuses: [409], idempotent: true },
  'DELETE /api/v1/workspaces/{workspaceId}/invitations/{invitationId}': { id: 'cancelInvitation' },
  'POST /api/v1/invitations/{invitationId}/accept': { id: 'acceptInvitation', statuses: [409] },
  'POST /api/v1/invitations/{invitationId}/decline': { id: 'declineInvitation', statuses: [409] },
  'GET /api/v1/workspaces/{workspaceId}/api-keys': { id: 'listApiKeys' },
  'POST /api/v1/workspaces/{workspaceId}/api-keys': { id: 'createApiKey', idempotent: true },
  'DELETE /api/v1/workspaces/{workspaceId}/api-keys/{apiKeyId}': { id: 'revokeApiKey' },
  'POST /api/v1/workspaces/{workspaceId}/posts/{postId}/targets/{targetId}/delete': {
    id: 'deletePublishedTarget',
    statuses: network,
  },
  'POST /api/v1/workspaces/{workspaceId}/inbox/conversations/{conversationId}/replies': {
    id: 'createInboxReply',
    statuses: [409],
  },
  'POST /api/v1/workspaces/{workspaceId}/inbox/conversations/{conversationId}/draft-reply': {
    id: 'draftInboxReply',
    statuses: [402, 409, 422, 503],
  },
  'PATCH /api/v1/workspaces/{workspaceId}/inbox/replies/{replyId}': { id: 'updateInboxReply', statuses: [409] },
  'POST /api/v1/workspaces/{workspaceId}/inbox/replies/{replyId}/approve': { id: 'approveInboxReply', statuses: [409] },
  'POST /api/v1/workspaces/{workspaceId}/inbox/replies/{replyId}/discard': { id: 'discardInboxReply', statuses: [409] },
  'POST /api/v1/workspaces/{workspaceId}/inbox/replies/{replyId}/resolve': { id: 'resolveInboxReply', statuses: [409] },
  'POST /api/v1/workspaces/{workspaceId}/inbox/items/{itemId}/moderate': { id: 'moderateInboxItem', statuses: network },
  'GET /api/v1/workspaces/{workspaceId}/inbox/settings': { id: 'getInboxSettings' },
  'PATCH /api/v1/workspaces/{workspaceId}/inbox/settings': { id: 'updateInboxSettings' },
  'GET /api/v1/workspaces/{workspaceId}/automation/rules': { id: 'listAutomationRules' },
  'POST /api/v1/workspaces/{workspaceId}/automation/rules': { id: 'createAutomationRule', idempotent: true },
  'POST /api/v1/workspaces/{workspaceId}/automation/rules/dry-run': { id: 'dryRunAutomationRule' },
  'GET /api/v1/workspaces/{workspaceId}/automation/rules/{ruleId}': { id: 'getAutomationRule' },
  'PATCH /api/v1/workspaces/{workspaceId}/automation/rules/{ruleId}': { id: 'updateAutomationRule' },
  'DELETE /api/v1/workspaces/{workspaceId}/automation/rules/{ruleId}': { id: 'deleteAutomationRule' },
  'GET /api/v1/workspaces/{workspaceId}/automation/rules/{ruleId}/runs': { id: 'listAutomationRuns' },
  'GET /api/v1/workspaces/{workspaceId}/webhooks': { id: 'listWebhooks' },
  'POST /api/v1/workspaces/{workspaceId}/webhooks': { id: 'createWebhook', idempotent: true },
  'GET /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}': { id: 'getWebhook' },
  'PATCH /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}': { id: 'updateWebhook' },
  'DELETE /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}': { id: 'deleteWebhook' },
  'POST /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/rotate-secret': { id: 'rotateWebhookSecret' },
  'POST /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/test': { id: 'testWebhook' },
  'GET /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries': { id: 'listWebhookDeliveries' },
  'POST /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay': {
    id: 'replayWebhookDelivery',
  },
  'GET /api/v1/workspaces/{workspaceId}/audit-log': { id: 'listAuditLog' },
  'GET /api/v1/workspaces/{workspaceId}/analytics/overview': { id: 'getAnalyticsOverview' },
  'GET /api/v1/workspaces/{workspaceId}/analytics/followers': { id: 'listFollowerSeries' },
  'GET /api/v1/workspaces/{workspaceId}/analytics/posts': { id: 'listTopPosts' },
  'GET /api/v1/workspaces/{workspaceId}/analytics/breakdowns': { id: 'getAnalyticsBreakdowns' },
  'GET /api/v1/workspaces/{workspaceId}/analytics/heatmap': { id: 'getPostingHeatmap' },
  'GET /api/v1/workspaces/{workspaceId}/competitors': { id: 'listCompetitors' },
  'POST /api/v1/workspaces/{workspaceId}/competitors': { id: 'addCompetitor', statuses: [409] },
  'DELETE /api/v1/workspaces/{workspaceId}/competitors/{competitorId}': { id: 'removeCompetitor' },
  'POST /api/v1/workspaces/{workspaceId}/competitors/{competitorId}/refresh': { id: 'refreshCompetitor' },
  'GET /api/v1/workspaces/{workspaceId}/posts/{postId}/metrics': { id: 'getPostMetrics' },
  'GET /api/v1/industry-templates': { id: 'listIndustryTemplates' },
  'GET /api/v1/industry-templates/{templateId}': { id: 'getIndustryTemplate' },
  'GET /api/v1/workspaces/{workspaceId}/strategy': { id: 'getStrategy' },
  'PUT /api/v1/workspaces/{workspaceId}/strategy': { id: 'setStrategy' },
  'GET /api/v1/workspaces/{workspaceId}/strategy/template': { id: 'getStrategyTemplate' },
  'PUT /api/v1/workspaces/{workspaceId}/strategy/template': { id: 'editStrategyTemplate' },
  'POST /api/v1/workspaces/{workspaceId}/onboarding': { id: 'runOnboarding' },
  'GET /api/v1/workspaces/{workspaceId}/autopilot': { id: 'getAutopilot' },
  'PUT /api/v1/workspaces/{workspaceId}/autopilot': { id: 'setAutopilot' },
  'POST /api/v1/workspaces/{workspaceId}/autopilot/resume': { id: 'resumeAutopilot', statuses: [409] },
  'GET /api/v1/admin/outbox': { id: 'listOutbox' },
  'GET /api/v1/networks': { id: 'listNetworks' },
  'GET /api/v1/workspaces/{workspaceId}/accounts': { id: 'listAccounts' },
  'POST /api/v1/workspaces/{workspaceId}/accounts/oauth/start': { id: 'startOAuthConnect', statuses: network },
  'GET /api/v1/accounts/oauth/callback': { id: 'completeOAuthConnect', statuses: [502] },
  'POST /api/v1/workspaces/{workspaceId}/accounts/credentials': { id: 'connectWithCredentials', statuses: network },
  'GET /api/v1/workspaces/{workspaceId}/pending-connections/{pendingId}': { id: 'listPendingIdentities' },
  'POST /api/v1/workspaces/{workspaceId}/pending-connections/{pendingId}': { id: 'pickPendingIdentities' },
  'POST /api/v1/workspaces/{workspaceId}/accounts/{accountId}/health': { id: 'checkAccountHealth' },
  'POST /api/v1/workspaces/{workspaceId}/accounts/{accountId}/retry-failed': {
    id: 'retryFailedPosts',
    statuses: [409],
  },
  'DELETE /api/v1/workspaces/{workspaceId}/accounts/{accountId}': { id: 'removeAccount' },
  'GET /api/v1/workspaces/{workspaceId}/accounts/{accountId}/slots': { id: 'listPostingSlots' },
  'PUT /api/v1/workspaces/{workspaceId}/accounts/{accountId}/slots': { id: 'setPostingSlots' },
  'GET /api/v1/workspaces/{workspaceId}/accounts/{accountId}/slots/next': { id: 'getNextFreeSlot', statuses: [409] },
  'GET /api/v1/workspaces/{workspaceId}/posts': { id: 'listPosts' },
  'POST /api/v1/workspaces/{workspaceId}/posts': { id: 'createPost', statuses: [409], idempotent: true },
  'GET /api/v1/workspaces/{workspaceId}/posts/{postId}': { id: 'getPost' },
  'PATCH /api/v1/workspaces/{workspaceId}/posts/{postId}': { id: 'updatePost', statuses: [409] },
  'POST /api/v1/workspaces/{workspaceId}/posts/{postId}/actions': { id: 'actOnPost', statuses: [409] },
  'POST /api/v1/workspaces/{workspaceId}/posts/import': { id: 'importPosts', statuses: [409, 422], idempotent: true },
  'GET /api/v1/workspaces/{workspaceId}/publishing-settings': { id: 'getPublishingSettings' },
  'PUT /api/v1/workspaces/{workspaceId}/publishing-settings': { id: 'setPublishingSettings' },
  'GET /api/v1/workspaces/{workspaceId}/media': { id: 'listMedia' },
  'POST /api/v1/workspaces/{workspaceId}/media': { id: 'uploadMedia', requestBody: upload },
  'PATCH /api/v1/workspaces/{workspaceId}/media/{mediaId}': { id: 'updateMedia' },
  'POST /api/v1/workspaces/{workspaceId}/media/generations': {
    id: 'createMediaGeneration',
    statuses: [422],
    idempotent: true,
  },
  'GET /api/v1/workspaces/{workspaceId}/media/generations': { id: 'listMediaGenerations' },
  'GET /api/v1/workspaces/{workspaceId}/media/generations/{generationId}': { id: 'getMediaGeneration' },
  'POST /api/v1/workspaces/{workspaceId}/media/generations/{generationId}/cancel': {
    id: 'cancelMediaGeneration',
    statuses: [409],
  },
  'GET /api/v1/workspaces/{workspaceId}/media/characters': { id: 'listCharacters' },
  'POST /api/v1/workspaces/{workspaceId}/media/characters': {
    id: 'createCharacter',
    statuses: [409, 422],
    idempotent: true,
  },
  'GET /api/v1/workspaces/{workspaceId}/media/characters/{characterId}': { id: 'getCharacter' },
  'PATCH /api/v1/workspaces/{workspaceId}/media/characters/{characterId}': {
    id: 'updateCharacter',
    statuses: [409, 422],
  },
  'DELETE /api/v1/workspaces/{workspaceId}/media/characters/{characterId}': { id: 'deleteCharacter' },
  'POST /api/v1/workspaces/{workspaceId}/media/characters/{characterId}/references': {
    id: 'addCharacterReference',
    statuses: [409],
  },
  'DELETE /api/v1/workspaces/{workspaceId}/media/characters/{characterId}/references/{referenceId}': {
    id: 'removeCharacterReference',
  },
  'POST /api/v1/workspaces/{workspaceId}/media/characters/{characterId}/variations': {
    id: 'addCharacterVariation',
    statuses: [409, 422],
  },
  'DELETE /api/v1/workspaces/{workspaceId}/media/characters/{characterId}/variations/{variationId}': {
    id: 'removeCharacterVariation',
  },
  'POST /api/v1/workspaces/{workspaceId}/media/{mediaId}/alt-text/suggest': {
    id: 'suggestAltText',
    statuses: [402, 409, 422, 503],
  },
  'POST /api/v1/workspaces/{workspaceId}/media/characters/{characterId}/preview': {
    id: 'previewCharacter',
    statuses: [422],
  },
  'GET /api/v1/workspaces/{workspaceId}/media/{mediaId}': { id: 'getMedia' },
  'DELETE /api/v1/workspaces/{workspaceId}/media/{mediaId}': { id: 'deleteMedia', statuses: [409] },
  'GET /api/v1/workspaces/{workspaceId}/media/{mediaId}/file': { id: 'readMediaFile' },
  'PUT /api/v1/workspaces/{workspaceId}/media/{mediaId}/tags': { id: 'setMediaTags' },
  'POST /api/v1/workspaces/{workspaceId}/media/{mediaId}/approve': { id: 'approveMedia' },
  'POST /api/v1/workspaces/{workspaceId}/media/{mediaId}/reject': { id: 'rejectMedia' },
  'POST /api/v1/workspaces/{workspaceId}/media/batch': { id: 'batchMedia' },
  'GET /api/v1/workspaces/{workspaceId}/media/archive': { id: 'downloadMediaArchive' },
  'GET /api/v1/workspaces/{workspaceId}/media/duplicates': { id: 'listMediaDuplicates' },
  'GET /api/v1/workspaces/{workspaceId}/media/storage': { id: 'getMediaStorageUse' },
  'GET /api/v1/workspaces/{workspaceId}/media-collections': { id: 'listMediaCollections' },
  'POST /api/v1/workspaces/{workspaceId}/media-collections': { id: 'createMediaCollection', statuses: [409] },
  'PATCH /api/v1/workspaces/{workspaceId}/media-collections/{collectionId}': {
    id: 'renameMediaCollection',
    statuses: [409],
  },
  'DELETE /api/v1/workspaces/{workspaceId}/media-collections/{collectionId}': { id: 'deleteMediaCollection' },
  'POST /api/v1/workspaces/{workspaceId}/media-collections/{collectionId}/items': { id: 'addMediaToCollection' },
  'DELETE /api/v1/workspaces/{workspaceId}/media-collections/{collectionId}/items/{mediaId}': {
    id: 'removeMediaFromCollection',
  },
  'GET /api/v1/workspaces/{workspaceId}/brand-kit': { id: 'getBrandKit' },
  'PUT /api/v1/workspaces/{workspaceId}/brand-kit': { id: 'updateBrandKit' },
  'GET /api/v1/workspaces/{workspaceId}/brand-kit/fonts': { id: 'listBrandFonts' },
  'POST /api/v1/workspaces/{workspaceId}/brand-kit/fonts': {
    id: 'uploadBrandFont',
    requestBody: fontUpload,
    statuses: [409],
  },
  'DELETE /api/v1/workspaces/{workspaceId}/brand-kit/fonts/{fontId}': { id: 'deleteBrandFont' },
  'GET /api/v1/workspaces/{workspaceId}/media/templates': { id: 'listMediaTemplates' },
  'POST /api/v1/workspaces/{workspaceId}/media/templates/{templateId}/preview': { id: 'previewMediaTemplate' },
  'GET /api/v1/workspaces/{workspaceId}/media/designs': { id: 'listMediaDesigns' },
  'POST /api/v1/workspaces/{workspaceId}/media/designs': { id: 'createMediaDesign' },
  'GET /api/v1/workspaces/{workspaceId}/media/designs/{designId}': { id: 'getMediaDesign' },
  'PATCH /api/v1/workspaces/{workspaceId}/media/designs/{designId}': { id: 'updateMediaDesign' },
  'DELETE /api/v1/workspaces/{workspaceId}/media/designs/{designId}': { id: 'deleteMediaDesign' },
  'POST /api/v1/workspaces/{workspaceId}/media/designs/{designId}/render': { id: 'renderMediaDesign' },
  'POST /api/v1/workspaces/{workspaceId}/media/slideshows': { id: 'createSlideshow' },
  'GET /api/v1/workspaces/{workspaceId}/media/slideshows/{slideshowId}': { id: 'getSlideshow' },
  'GET /api/v1/workspaces/{workspaceId}/brand-profile': { id: 'getBrandProfile' },
  'PUT /api/v1/workspaces/{workspaceId}/brand-profile': { id: 'setBrandProfile' },
  'POST /api/v1/workspaces/{workspaceId}/brand-profile/preview': { id: 'previewBrandVoice' },
  'GET /api/v1/workspaces/{workspaceId}/content-templates': { id: 'listContentTemplates' },
  'PUT /api/v1/workspaces/{workspaceId}/content-templates/{contentType}': { id: 'setContentTemplate' },
  'DELETE /api/v1/workspaces/{workspaceId}/content-templates/{contentType}': { id: 'resetContentTemplate' },
  'POST /api/v1/workspaces/{workspaceId}/content/generate': { id: 'generateContent', idempotent: true },
  'GET /api/v1/workspaces/{workspaceId}/plans': { id: 'listPlans' },
  'POST /api/v1/workspaces/{workspaceId}/plans': { id: 'createPlan' },
  'GET /api/v1/workspaces/{workspaceId}/plans/{planId}': { id: 'getPlan' },
  'PATCH /api/v1/workspaces/{workspaceId}/plans/{planId}': { id: 'updatePlan' },
  'GET /api/v1/workspaces/{workspaceId}/plans/{planId}/checks': { id: 'checkPlan' },
  'POST /api/v1/workspaces/{workspaceId}/plans/{planId}/weeks/{week}/place': { id: 'placePlanWeek' },
  'POST /api/v1/workspaces/{workspaceId}/plans/{planId}/weeks/{week}/generate': { id: 'generatePlanWeek' },
  'POST /api/v1/workspaces/{workspaceId}/plans/{planId}/weeks/{week}/approve': { id: 'approvePlanWeek' },
  'POST /api/v1/workspaces/{workspaceId}/plans/{planId}/briefs': { id: 'addPlanBrief' },
  'PATCH /api/v1/workspaces/{workspaceId}/plans/{planId}/briefs/{briefId}': { id: 'updatePlanBrief' },
  'DELETE /api/v1/workspaces/{workspaceId}/plans/{planId}/briefs/{briefId}': { id: 'dropPlanBrief' },
  'POST /api/v1/workspaces/{workspaceId}/plans/{planId}/briefs/{briefId}/reject': { id: 'rejectPlanBrief' },
  'POST /api/v1/workspaces/{workspaceId}/plans/{planId}/briefs/{briefId}/emergency-replace': {
    id: 'replacePlanBriefNow',
  },
  'POST /api/v1/workspaces/{workspaceId}/plans/{planId}/briefs/{briefId}/ab-test': { id: 'startAbTest' },
  'GET /api/v1/workspaces/{workspaceId}/plans/{planId}/ab-tests': { id: 'listAbTests' },
  'DELETE /api/v1/workspaces/{workspaceId}/plans/{planId}/ab-tests/{testId}': { id: 'cancelAbTest', statuses: [409] },
  'POST /api/v1/workspaces/{workspaceId}/posts/{postId}/emergency-replace': {
    id: 'emergencyReplacePost',
    statuses: [409],
  },
  'GET /api/v1/workspaces/{workspaceId}/content/drafts': { id: 'listDrafts' },
  'GET /api/v1/workspaces/{workspaceId}/content/drafts/{draftId}': { id: 'getDraft' },
  'POST /api/v1/workspaces/{workspaceId}/content/drafts/{draftId}/revisions/{revisionId}/rewrite': {
    id: 'rewriteRevision',
  },
  'POST /api/v1/workspaces/{workspaceId}/content/drafts/{draftId}/revisions/{revisionId}/edit': {
    id: 'editRevision',
    statuses: [409],
  },
  'POST /api/v1/workspaces/{workspaceId}/content/drafts/{draftId}/accept': { id: 'acceptDraft', idempotent: true },
  'GET /api/v1/workspaces/{workspaceId}/llm/providers': { id: 'listLlmProviders' },
  'PUT /api/v1/workspaces/{workspaceId}/llm/providers/{providerId}': { id: 'setLlmProvider' },
  'DELETE /api/v1/workspaces/{workspaceId}/llm/providers/{providerId}': { id: 'removeLlmProvider' },
  'POST /api/v1/workspaces/{workspaceId}/llm/providers/{providerId}/test': { id: 'testLlmProvider' },
  'POST /api/v1/workspaces/{workspaceId}/llm/providers/test': { id: 'testUnsavedLlmProvider' },
  'POST /api/v1/workspaces/{workspaceId}/media/providers/test': { id: 'testUnsavedMediaProvider' },
  'GET /api/v1/workspaces/{workspaceId}/media/providers': { id: 'listMediaProviders' },
  'PUT /api/v1/workspaces/{workspaceId}/media/providers/{providerId}': { id: 'setMediaProvider' },
  'DELETE /api/v1/workspaces/{workspaceId}/media/providers/{providerId}': { id: 'removeMediaProvider' },
  'POST /api/v1/workspaces/{workspaceId}/media/providers/{providerId}/test': { id: 'testMediaProvider' },
  'GET /api/v1/workspaces/{workspaceId}/media/policies': { id: 'listMediaPolicies' },
  'PUT /api/v1/workspaces/{workspaceId}/media/policies/{task}': { id: 'setMediaPolicy' },
  'DELETE /api/v1/workspaces/{workspaceId}/media/policies/{task}': { id: 'resetMediaPolicy' },
  'GET /api/v1/workspaces/{workspaceId}/llm/policies': { id: 'listLlmPolicies' },
  'PUT /api/v1/workspaces/{workspaceId}/llm/policies/{task}': { id: 'setLlmPolicy' },
  'DELETE /api/v1/workspaces/{workspaceId}/llm/policies/{task}': { id: 'resetLlmPolicy' },
  'GET /api/v1/workspaces/{workspaceId}/llm/budget': { id: 'getLlmBudget' },
  'PUT /api/v1/workspaces/{workspaceId}/llm/budget': { id: 'setLlmBudget' },
  'GET /api/v1/workspaces/{workspaceId}/llm/usage-statistics': { id: 'getLlmUsageStatistics' },
  'GET /api/v1/workspaces/{workspaceId}/llm/cost-analysis': { id: 'getLlmCostAnalysis' },
  'GET /api/v1/workspaces/{workspaceId}/llm/performance-comparison': { id: 'compareLlmPerformance' },
  'GET /api/v1/workspaces/{workspaceId}/llm/model-recommendations': { id: 'getLlmModelRecommendations' },
  'POST /api/v1/workspaces/{workspaceId}/llm/select-optimal-model': { id: 'selectOptimalModel' },
  'POST /api/v1/workspaces/{workspaceId}/llm/cost-optimize-request': { id: 'estimateRequestCost' },
  'POST /api/v1/workspaces/{workspaceId}/llm/optimize-selection': { id: 'optimizeModelSelection' },
  'POST /api/v1/workspaces/{workspaceId}/llm/generate-with-fallback': { id: 'generateWithFallback' },
  'POST /api/v1/workspaces/{workspaceId}/agent-runs': { id: 'startAgentRun', statuses: [402, 503], idempotent: true },
  'GET /api/v1/workspaces/{workspaceId}/agent-runs': { id: 'listAgentRuns' },
  'GET /api/v1/workspaces/{workspaceId}/agent-runs/{runId}': { id: 'getAgentRun' },
  'POST /api/v1/workspaces/{workspaceId}/agent-runs/{runId}/cancel': { id: 'cancelAgentRun', statuses: [409] },
  'POST /api/v1/workspaces/{workspaceId}/agent-runs/{runId}/resume': { id: 'resumeAgentRun', statuses: [409] },
  'GET /api/v1/workspaces/{workspaceId}/agent-runs/{runId}/stream': { id: 'streamAgentRun' },
  'POST /api/v1/workspaces/{workspaceId}/agent-runs/{runId}/apply': { id: 'applyAgentRun', statuses: [409] },
  'GET /api/v1/ollama/models/available': { id: 'listOllamaModels' },
  'GET /api/v1/ollama/models/{modelName}/status': { id: 'getOllamaModelStatus' },
  'DELETE /api/v1/ollama/models/{modelName}': { id: 'deleteOllamaModel' },
  'GET /api/v1/ollama/system/requirements': { id: 'getOllamaRequirements' },
  'GET /api/v1/ollama/performance/metrics': { id: 'getOllamaPerformance' },
  'GET /api/v1/ollama/version': { id: 'getOllamaVersion' },
  'POST /api/v1/ollama/models/install': { id: 'installOllamaModel' },
  'GET /api/v1/ollama/pulls/{pullId}': { id: 'getOllamaPull' },
  'DELETE /api/v1/ollama/pulls/{pullId}': { id: 'cancelOllamaPull' },
  'GET /api/v1/ollama/pulls/{pullId}/events': { id: 'streamOllamaPull' },
  'GET /api/v1/workspaces/{workspaceId}/notifications': { id: 'listNotifications' },
  'GET /api/v1/workspaces/{workspaceId}/notifications/unread-count': { id: 'countUnreadNotifications' },
  'POST /api/v1/workspaces/{workspaceId}/notifications/{notificationId}/read': { id: 'markNotificationRead' },
  'POST /api/v1/workspaces/{workspaceId}/notifications/read-all': { id: 'markAllNotificationsRead' },
  'GET /api/v1/workspaces/{workspaceId}/notifications/stream': { id: 'streamNotifications' },
  'GET /api/v1/me/notification-preferences': { id: 'getNotificationPreferences' },
  'PUT /api/v1/me/notification-preferences': { id: 'putNotificationPreferences' },
};

const capitalised = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/**
 * `post /api/v1/workspaces/{workspaceId}/posts` → `postWorkspacesPosts`; a path that ends in a
 * parameter names it (`getWorkspacesPostsByPostId`), so a collection and its items differ.
 */
export function derivedOperationId(method: string, path: string): string {
  const segments = path
    .replace(/^\/api\/v\d+\//, '')
    .split('/')
    .filter((segment) => segment !== '');
  const words = segments
    .filter((segment) => !segment.startsWith('{'))
    .flatMap((segment) => segment.split(/[^a-zA-Z0-9]+/));
  const last = segments.at(-1) ?? '';
  const byParameter = last.startsWith('{') ? `By${capitalised(last.slice(1, -1))}` : '';
  return [method.toLowerCase(), ...words.filter((word) => word !== '').map(capitalised), byParameter].join('');
}
