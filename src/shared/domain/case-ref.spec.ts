import { caseRefCondition, parseCaseRef } from './case-ref';

describe('parseCaseRef', () => {
  it('reads a GUID (any case) or a displayId', () => {
    expect(parseCaseRef('0F8FAD5B-D9CB-469F-A165-70867728950E')).toEqual({
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    });
    expect(parseCaseRef('CMacme-42')).toEqual({ displayId: 'CMacme-42' });
    expect(parseCaseRef('CMt-1-2-17')).toEqual({ displayId: 'CMt-1-2-17' });
  });

  it('refuses anything else', () => {
    for (const raw of ['42', 'acme-1', 'CMacme-', 'CMacme-0', 'CM acme-1', 'not-a-uuid', '']) {
      expect(parseCaseRef(raw)).toBeNull();
    }
  });

  it('selects by id or by display_id', () => {
    expect(caseRefCondition({ displayId: 'CMa-1' })).toEqual({
      column: 'display_id',
      value: 'CMa-1',
    });
    expect(caseRefCondition({ id: 'x' })).toEqual({ column: 'id', value: 'x' });
  });
});
