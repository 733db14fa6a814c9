import { nestFieldFilters } from './field-filters';

describe('nestFieldFilters', () => {
  it('gathers field.<key> parameters under `field`, leaving the others', () => {
    expect(
      nestFieldFilters({ state: 'NEW', 'field.severity': 'high', 'field.amount': '4' }),
    ).toEqual({ state: 'NEW', field: { severity: 'high', amount: '4' } });
    expect(nestFieldFilters({ field: { a: '1' }, 'field.b': '2' })).toEqual({
      field: { a: '1', b: '2' },
    });
  });

  it('leaves a query without field filters, or with a plain `field`, as it is', () => {
    const plain = { state: 'NEW' };
    expect(nestFieldFilters(plain)).toBe(plain);
    const clash = { field: 'x', 'field.a': '1' };
    expect(nestFieldFilters(clash)).toBe(clash);
  });

  it('keeps `__proto__` as an own key instead of setting a prototype', () => {
    const query: Record<string, unknown> = { 'field.__proto__': { polluted: true } };
    const nested = nestFieldFilters(query).field as object;
    expect(Object.keys(nested)).toEqual(['__proto__']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
