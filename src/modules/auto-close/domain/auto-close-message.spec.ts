import { queueMessageProblem } from '../../../shared/queue/message-queue';
import { PoisonMessageError } from '../../../shared/queue/queue.errors';
import { autoCloseMessage, autoCloseMessageId, parseAutoCloseMessage } from './auto-close-message';

const CASE_ID = '0b9e8f5c-3a4d-4c2b-9e1f-7a6b5c4d3e2f';
const RESOLVED = new Date('2026-01-05T09:30:00.123Z');

describe('auto-close message', () => {
  it('has the API.md shape and passes the queue envelope check', () => {
    const message = autoCloseMessage('acme', CASE_ID, RESOLVED);
    expect(message).toEqual({
      type: 'case.auto-close',
      version: 1,
      messageId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      clientId: 'acme',
      caseId: CASE_ID,
      resolutionDate: '2026-01-05T09:30:00.123Z',
    });
    expect(queueMessageProblem(message)).toBeNull();
  });

  it('derives the same messageId for the same resolution and another for another one', () => {
    const id = autoCloseMessageId(CASE_ID, RESOLVED);
    expect(autoCloseMessageId(CASE_ID.toUpperCase(), new Date(RESOLVED.getTime()))).toBe(id);
    expect(autoCloseMessageId(CASE_ID, new Date(RESOLVED.getTime() + 1))).not.toBe(id);
    expect(autoCloseMessageId('1b9e8f5c-3a4d-4c2b-9e1f-7a6b5c4d3e2f', RESOLVED)).not.toBe(id);
  });

  it('parses its own messages back', () => {
    expect(parseAutoCloseMessage(autoCloseMessage('acme', CASE_ID, RESOLVED))).toEqual({
      clientId: 'acme',
      caseId: CASE_ID,
      resolutionDate: RESOLVED,
    });
  });

  it.each([
    [{ version: 2 }, 'unsupported case.auto-close version 2'],
    [{ caseId: 'CM-1' }, 'caseId must be a UUID'],
    [{ caseId: undefined }, 'caseId must be a UUID'],
    [{ resolutionDate: 'yesterday' }, 'resolutionDate must be an ISO 8601 time'],
    [{ resolutionDate: '2026-13-45T99:00:00Z' }, 'resolutionDate must be an ISO 8601 time'],
    [{ resolutionDate: 1767605400000 }, 'resolutionDate must be an ISO 8601 time'],
  ])('rejects %j as poison', (change, reason) => {
    const message = { ...autoCloseMessage('acme', CASE_ID, RESOLVED), ...change };
    expect(() => parseAutoCloseMessage(message)).toThrow(new PoisonMessageError(reason));
  });
});
