import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { isPrivateAddress, resolveHost } from '../delivery/ssrf-guard';

const refused = (reason: string) =>
  new DomainError(ErrorCode.WebhookUrlRefused, undefined, [{ field: 'url', message: reason }]);

/**
 * Refuses URLs a webhook must not call: other schemes, credentials, and (unless private URLs are
 * allowed) hosts that are or resolve to loopback/private addresses. The sender checks again at
 * connect time, since DNS may answer differently then.
 */
export async function assertAllowedUrl(url: string, allowPrivate: boolean): Promise<void> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw refused('not a URL');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw refused('not http(s)');
  if (target.username || target.password) throw refused('credentials in the URL');
  if (allowPrivate) return;
  const host = target.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) throw refused('loopback host');
  const addresses = await resolveHost(host);
  if (addresses.some(isPrivateAddress)) throw refused('loopback or private address');
}
