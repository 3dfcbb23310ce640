/// <reference types="vite/client" />

interface Window {
  /** Set by the browser journeys (tests/e2e) so a production build checks every answer against the contract. */
  __PLUME_CHECK_API__?: boolean;
}
