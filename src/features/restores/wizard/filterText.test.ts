import { parseList, parseMapping, parseSelector, parseSelectorLines } from './filterText';

describe('parseList', () => {
  it('splits on commas, spaces and new lines, dropping empty entries', () => {
    expect(parseList(' a, b\nc  d,,')).toEqual(['a', 'b', 'c', 'd']);
    expect(parseList('   ')).toEqual([]);
  });
});

describe('parseSelector', () => {
  it('reads equalities as matchLabels and the rest as expressions', () => {
    expect(parseSelector('app=web, tier in (a, b), env!=prod, !legacy, owner').value).toEqual({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['a', 'b'] },
        { key: 'env', operator: 'NotIn', values: ['prod'] },
        { key: 'legacy', operator: 'DoesNotExist' },
        { key: 'owner', operator: 'Exists' },
      ],
    });
  });

  it('reads the move-clusters sample selector', () => {
    expect(parseSelector('name in (vb-managed-cls-2)').value).toEqual({
      matchExpressions: [{ key: 'name', operator: 'In', values: ['vb-managed-cls-2'] }],
    });
  });

  it('rejects what is not a requirement, naming it', () => {
    const parsed = parseSelector('app=web, what is this');
    expect(parsed.value).toBeUndefined();
    expect(parsed.error?.params).toEqual({ requirement: 'what is this' });
  });

  it('gives nothing for empty text', () => {
    expect(parseSelector('  ')).toEqual({});
  });
});

describe('parseSelectorLines', () => {
  it('reads one selector per line', () => {
    expect(parseSelectorLines('a=1\n\nb in (x)').value).toEqual([{ matchLabels: { a: '1' } }, { matchExpressions: [{ key: 'b', operator: 'In', values: ['x'] }] }]);
  });

  it('stops at the first bad line', () => {
    expect(parseSelectorLines('a=1\n= =').error).toBeDefined();
  });
});

describe('parseMapping', () => {
  it('reads source:target pairs', () => {
    expect(parseMapping('app:app-copy, db : db-copy\n').value).toEqual({ app: 'app-copy', db: 'db-copy' });
  });

  it('rejects a pair without a target', () => {
    expect(parseMapping('app').error?.params).toEqual({ pair: 'app' });
  });
});
