import { localeFallbacks } from '../../directory/locale';
import { BUILTIN_TEMPLATES } from './builtin-templates';
import { compileError, renderMail, templateModel } from './template-renderer';

describe('notification templates', () => {
  const payload = {
    displayId: 'CM-9',
    details: 'Fish & <chips>',
    authorId: 'bob',
    comment: '<script>alert(1)</script>',
    commentId: 'internal-id',
  };
  const model = templateModel('case.commented', payload, 'case-uuid', { id: 'anna', name: 'Anna' });

  it('gives templates the case, the recipient and only the variables of the kind', () => {
    expect(model).toEqual({
      kind: 'case.commented',
      case: { id: 'case-uuid', displayId: 'CM-9', details: 'Fish & <chips>' },
      recipient: { id: 'anna', name: 'Anna' },
      authorId: 'bob',
      comment: '<script>alert(1)</script>',
    });
  });

  it('escapes values in the body (HTML part), decodes them in the text part, keeps the subject plain', () => {
    const mail = renderMail(
      { subject: '{{case.details}}\n  {{comment}}', body: '{{comment}} / {{{case.details}}}' },
      model,
    );
    expect(mail.subject).toBe('Fish & <chips> <script>alert(1)</script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; / Fish & <chips>');
    expect(mail.text).toBe('<script>alert(1)</script> / Fish & <chips>\n');
  });

  it('reaches no prototype and no helper beyond the built-in ones', () => {
    expect(
      renderMail({ subject: '{{constructor.name}}', body: '{{__proto__}}' }, model),
    ).toMatchObject({
      subject: '',
    });
    expect(compileError('{{lookupSecret comment}}')).toMatch(/helper/i);
    expect(compileError('{{#if comment}}unclosed')).toMatch(/Parse error|Expecting/);
    expect(compileError('{{#if comment}}{{comment}}{{else}}none{{/if}}')).toBeNull();
  });

  it('has an English and a German template of every kind, all compiling', () => {
    for (const locale of ['en', 'de']) {
      for (const template of Object.values(BUILTIN_TEMPLATES[locale])) {
        expect(compileError(template.subject)).toBeNull();
        expect(compileError(template.body)).toBeNull();
      }
    }
    expect(Object.keys(BUILTIN_TEMPLATES.de).sort()).toEqual(
      Object.keys(BUILTIN_TEMPLATES.en).sort(),
    );
  });

  it('shows times in the recipient time zone, UTC when unset or unknown', () => {
    const at = '2026-07-01T10:00:00.000Z';
    const sla = (timeZone: string | null) =>
      templateModel('sla.warning', { slaName: 'S', breachAt: at }, null, { id: 'a', timeZone })
        .breachAt;
    expect(sla('America/New_York')).toBe('2026-07-01 06:00 (America/New_York)');
    expect(sla(null)).toBe('2026-07-01 10:00 (UTC)');
    expect(sla('Nowhere/Land')).toBe('2026-07-01 10:00 (UTC)');
  });

  it('falls back from a locale to its language, then English', () => {
    expect(localeFallbacks('de-CH')).toEqual(['de-CH', 'de', 'en']);
    expect(localeFallbacks('en')).toEqual(['en']);
    expect(localeFallbacks(null)).toEqual(['en']);
    expect(localeFallbacks('not a locale')).toEqual(['en']);
  });
});
