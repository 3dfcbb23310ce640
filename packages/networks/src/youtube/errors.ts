/**
 * YouTube's error reasons in plain words. The body shape and the status mapping are Google's (see
 * google-errors.ts); quota reasons arrive as 403 and become RateLimited there.
 *
 * Docs: https://developers.google.com/youtube/v3/docs/errors, https://developers.google.com/youtube/v3/docs/videos/insert#errors
 */
import type { GoogleVocabulary } from './google-errors.ts';

export const youtubeVocabulary: GoogleVocabulary = {
  plainWords: {
    uploadLimitExceeded: "This channel reached YouTube's daily upload limit. Try again in 24 hours.",
    invalidTitle: 'YouTube rejected the title: it needs 1 to 100 characters and may not contain < or >.',
    invalidDescription: 'YouTube rejected the description: at most 5,000 bytes, and no < or >.',
    invalidTags: 'YouTube rejected the tags: at most 500 characters in total.',
    invalidCategoryId: 'YouTube does not know that video category. Pick another category.',
    invalidVideoMetadata: 'YouTube rejected the video details (title, description, tags or category).',
    forbiddenPrivacySetting: 'This channel may not use that privacy setting.',
    forbiddenLicenseSetting: 'This channel may not use that licence.',
    mediaBodyRequired: 'YouTube received no video file.',
    youtubeSignupRequired:
      'This Google account has no YouTube channel yet. Create one on youtube.com, then connect again.',
    channelClosed: 'This YouTube channel is closed.',
    channelSuspended: 'This YouTube channel is suspended.',
    authenticatedUserAccountClosed: 'This YouTube account is closed.',
    authenticatedUserAccountSuspended: 'This YouTube account is suspended.',
    videoNotFound: 'YouTube has no such video.',
  },
  permanentReasons: new Set(['youtubeSignupRequired']),
};
