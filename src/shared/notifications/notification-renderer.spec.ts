import { renderNotification } from './notification-renderer';

describe('renderNotification', () => {
  const subject = { displayId: 'CMacme-42', details: 'Printer on floor 3 is broken' };

  it('renders a state change with its label, transition, actor and comment', () => {
    const r = renderNotification('case.state-changed', {
      ...subject,
      fromState: 'OPENED',
      toState: 'IN_PROCESS',
      stateLabel: 'Being worked on',
      actorId: 'alice',
      comment: 'Looking into it',
    });
    expect(r.subject).toBe(
      '[CMacme-42] State changed to Being worked on - Printer on floor 3 is broken',
    );
    expect(r.text).toBe(
      [
        'Case CMacme-42: Printer on floor 3 is broken',
        '',
        'State: OPENED -> IN_PROCESS',
        'Changed by: alice',
        '',
        'Looking into it',
        '',
      ].join('\n'),
    );
  });

  it('falls back to the state code when there is no label', () => {
    const r = renderNotification('case.state-changed', {
      displayId: 'CMacme-7',
      fromState: 'NEW',
      toState: 'OPENED',
    });
    expect(r.subject).toBe('[CMacme-7] State changed to OPENED');
    expect(r.text).not.toContain('Changed by');
  });

  it('renders a comment with its author', () => {
    const r = renderNotification('case.commented', {
      ...subject,
      authorId: 'bob',
      comment: 'Toner replaced',
    });
    expect(r.subject).toBe('[CMacme-42] New comment - Printer on floor 3 is broken');
    expect(r.text).toContain('Comment by bob:\n\nToner replaced\n');
  });

  it('uses a message’s own subject and body', () => {
    const r = renderNotification('case.message', {
      displayId: 'CMacme-42',
      subject: 'Your request',
      body: 'Please send the serial number.',
      from: 'Service desk',
    });
    expect(r.subject).toBe('[CMacme-42] Your request');
    expect(r.text).toBe('Case CMacme-42\n\nFrom: Service desk\n\nPlease send the serial number.\n');
  });

  it('names the SLA and its breach time, from a Date or from stored ISO text', () => {
    const breachAt = new Date('2026-01-05T13:00:00.000Z');
    const warned = renderNotification('sla.warning', { ...subject, slaName: 'Resolve', breachAt });
    const violated = renderNotification('sla.violated', {
      ...subject,
      slaName: 'Resolve',
      breachAt: breachAt.toISOString(),
    });
    expect(warned.subject).toBe('[CMacme-42] SLA warning: Resolve - Printer on floor 3 is broken');
    expect(warned.text).toContain(
      'The SLA "Resolve" will be breached at 2026-01-05T13:00:00.000Z.',
    );
    expect(violated.subject).toBe(
      '[CMacme-42] SLA violated: Resolve - Printer on floor 3 is broken',
    );
    expect(violated.text).toContain('The SLA "Resolve" was breached at 2026-01-05T13:00:00.000Z.');
  });

  it('renders due-date warnings and exceedances', () => {
    const dueDate = '2026-01-06T09:00:00.000Z';
    expect(renderNotification('due-date.warning', { displayId: 'CMa-1', dueDate })).toEqual({
      subject: '[CMa-1] Due date approaching',
      text: 'Case CMa-1\n\nThe case is due at 2026-01-06T09:00:00.000Z.\n',
    });
    expect(renderNotification('due-date.exceeded', { displayId: 'CMa-1', dueDate })).toEqual({
      subject: '[CMa-1] Due date exceeded',
      text: 'Case CMa-1\n\nThe case was due at 2026-01-06T09:00:00.000Z.\n',
    });
  });

  it('keeps the subject on one line, so no header can be injected through a payload', () => {
    const r = renderNotification('case.message', {
      displayId: 'CMa-1',
      subject: 'Hello\r\nBcc: victim@example.com\n\tthere',
      body: 'x',
    });
    expect(r.subject).toBe('[CMa-1] Hello Bcc: victim@example.com there');
    expect(r.subject).not.toMatch(/[\r\n]/);
  });

  it('bounds the subject length', () => {
    const r = renderNotification('case.commented', {
      displayId: 'CMa-1',
      details: 'x'.repeat(500),
      authorId: 'a',
      comment: 'c',
    });
    expect(r.subject).toHaveLength(200);
    expect(r.subject.endsWith('...')).toBe(true);
  });

  it('does not fail on a payload missing fields or holding an unparseable time', () => {
    const r = renderNotification('sla.violated', { breachAt: 'soon' });
    expect(r.subject).toBe('SLA violated: SLA');
    expect(r.text).toBe('The SLA "SLA" was breached at soon.\n');
  });

  it('renders an unknown (e.g. retired) template generically instead of throwing', () => {
    const r = renderNotification('case.archived' as never, { displayId: 'CMa-1', a: 1 });
    expect(r.subject).toBe('[CMa-1] case.archived');
    expect(r.text).toContain('"a": 1');
  });
});
