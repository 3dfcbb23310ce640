/**
 * What a person reads on an unconfirmed target. It names the two actions that resolve it, as the web
 * app labels them (`confirm` with `published: true`, and `republish`; docs/publishing.md).
 */
export const UNCONFIRMED_ADVICE =
  'Check the account: if the post is there, choose “It was published”; if not, choose “Not published — publish now”.';
