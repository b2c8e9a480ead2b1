import { applyTagOverrides } from '../../src/content/tag-overrides';

describe('applyTagOverrides', () => {
  test('without decisions the taxonomy tags stand, sorted and without duplicates', () => {
    expect(applyTagOverrides(['rust', 'ai', 'rust'], [])).toEqual(['ai', 'rust']);
  });

  test('a tag kept off is removed, a tag kept on is added', () => {
    const overrides = [
      { slug: 'ai', included: false },
      { slug: 'security', included: true },
    ];
    expect(applyTagOverrides(['ai', 'llm'], overrides)).toEqual(['llm', 'security']);
  });

  test('a decision the taxonomy already agrees with changes nothing', () => {
    const overrides = [
      { slug: 'llm', included: true },
      { slug: 'rust', included: false },
    ];
    expect(applyTagOverrides(['ai', 'llm'], overrides)).toEqual(['ai', 'llm']);
  });

  test('decisions hold whatever the taxonomy says later', () => {
    const overrides = [
      { slug: 'ai', included: false },
      { slug: 'databases', included: true },
    ];
    expect(applyTagOverrides([], overrides)).toEqual(['databases']);
    expect(applyTagOverrides(['ai', 'databases', 'devops'], overrides)).toEqual(['databases', 'devops']);
  });

  test('sorts as matchTopics does (code-unit order) and leaves its inputs alone', () => {
    const auto = ['b', 'a-b', 'a'];
    expect(applyTagOverrides(auto, [{ slug: 'A', included: true }])).toEqual(['A', 'a', 'a-b', 'b']);
    expect(auto).toEqual(['b', 'a-b', 'a']);
  });
});
