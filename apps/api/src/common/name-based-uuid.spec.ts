import { nameBasedUuid } from './name-based-uuid';

describe('nameBasedUuid', () => {
  it('is stable for a name and differs between names', () => {
    expect(nameBasedUuid('a')).toBe(nameBasedUuid('a'));
    expect(nameBasedUuid('a')).not.toBe(nameBasedUuid('b'));
  });

  it('is a version 5, RFC variant uuid', () => {
    expect(nameBasedUuid('open-case:x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
