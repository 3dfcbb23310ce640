import { AppError } from '@plume/errors/app-error';
import { describeUnreachable } from '@plume/http/describe-failure';
import { createSsrfGuard, type SsrfGuard } from '@plume/http/ssrf-guard';

/**
 * Refuses, at `body/url`, an endpoint this server must not call: a private or local address (unless
 * HTTP_ALLOW_PRIVATE_HOSTS lets it) or a name that does not resolve. Deliveries check again on every
 * connection (DNS can change), so this is the early, plain answer, not the only guard.
 */
export async function checkWebhookUrl(guard: SsrfGuard, url: string): Promise<void> {
  try {
    await guard.assertAllowed(new URL(url), 'POST');
  } catch (error) {
    const failure = describeUnreachable(error);
    if (failure === undefined) throw error;
    const message =
      failure.kind === 'private'
        ? `Plume does not send webhooks to ${failure.host}: ${failure.reason}, and this server only calls public addresses. An administrator can allow it with HTTP_ALLOW_PRIVATE_HOSTS.`
        : failure.kind === 'dns'
          ? `Plume could not find ${failure.host} (DNS lookup failed). Check the address.`
          : `Plume cannot call ${failure.host}: ${failure.reason}.`;
    throw AppError.validation('body/url', message);
  }
}

/** The guard endpoint addresses are checked with: public addresses, plus HTTP_ALLOW_PRIVATE_HOSTS. */
export function webhookUrlGuard(allowPrivateHosts: readonly string[]): SsrfGuard {
  return createSsrfGuard({ allowPrivateHosts });
}
