import { createHash } from 'node:crypto';
import { QueueMessage } from '../../../shared/queue/message-queue';
import { PoisonMessageError } from '../../../shared/queue/queue.errors';

export const AUTO_CLOSE_MESSAGE_TYPE = 'case.auto-close';

/** API.md "Queue message (auto-close)". */
export interface AutoCloseMessage extends QueueMessage {
  type: typeof AUTO_CLOSE_MESSAGE_TYPE;
  version: 1;
  caseId: string;
  /** ISO 8601, to the millisecond: the resolution this message may close. */
  resolutionDate: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** The namespace of auto-close message ids (a random UUID, fixed forever). */
const NAMESPACE = Buffer.from('5b0f3c1e8a4d4e7f9c2a6d1b3e5f7a90', 'hex');

/**
 * A name-based (version 5) UUID for one resolution of one case: every run of the job produces the
 * same messageId for it, so a message still waiting on the queue is not queued again, while a
 * later resolution of the same case gets a new one.
 */
export function autoCloseMessageId(caseId: string, resolutionDate: Date): string {
  const name = `${caseId.toLowerCase()}|${resolutionDate.toISOString()}`;
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function autoCloseMessage(
  clientId: string,
  caseId: string,
  resolutionDate: Date,
): AutoCloseMessage {
  return {
    type: AUTO_CLOSE_MESSAGE_TYPE,
    version: 1,
    messageId: autoCloseMessageId(caseId, resolutionDate),
    clientId,
    caseId,
    resolutionDate: resolutionDate.toISOString(),
  };
}

/** The message's case and resolution; a message that cannot be one throws PoisonMessageError. */
export function parseAutoCloseMessage(message: QueueMessage): {
  clientId: string;
  caseId: string;
  resolutionDate: Date;
} {
  const { version, caseId, resolutionDate, clientId } = message;
  if (version !== 1) throw new PoisonMessageError(`unsupported ${message.type} version ${version}`);
  if (typeof caseId !== 'string' || !UUID.test(caseId)) {
    throw new PoisonMessageError('caseId must be a UUID');
  }
  const at =
    typeof resolutionDate === 'string' && ISO_TIME.test(resolutionDate) ? resolutionDate : '';
  if (Number.isNaN(Date.parse(at))) {
    throw new PoisonMessageError('resolutionDate must be an ISO 8601 time');
  }
  return { clientId, caseId: caseId.toLowerCase(), resolutionDate: new Date(at) };
}
