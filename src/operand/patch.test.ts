import { escapePointerSegment, setAnnotationsOps } from './patch';

describe('escapePointerSegment', () => {
  it('escapes "~" before "/" as RFC 6901 requires', () => {
    expect(escapePointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(escapePointerSegment('~1')).toBe('~01');
  });
});

describe('setAnnotationsOps', () => {
  it('creates the map when the object has none', () => {
    expect(setAnnotationsOps(undefined, { 'x/y': '1' })).toEqual([{ op: 'add', path: '/metadata/annotations', value: { 'x/y': '1' } }]);
  });

  it('adds keys one by one to an existing map so other annotations survive', () => {
    expect(setAnnotationsOps({}, { 'x/y': '1', z: '2' })).toEqual([
      { op: 'add', path: '/metadata/annotations/x~1y', value: '1' },
      { op: 'add', path: '/metadata/annotations/z', value: '2' },
    ]);
  });

  it('does nothing when there is nothing to set', () => {
    expect(setAnnotationsOps(undefined, {})).toEqual([]);
  });
});
