import { applyTagOverrides } from '../../src/content/tag-overrides';

describe('applyTagOverrides', () => {
  test('without overrides, the taxonomy tags, sorted and without duplicates', () => {
    expect(applyTagOverrides(['rust', 'ai', 'rust'], [])).toEqual(['ai', 'rust']);
  });

  test('drops the tags an editor removed and adds the ones an editor added', () => {
    const overrides = [
      { slug: 'rust', included: false },
      { slug: 'editors-pick', included: true },
    ];
    expect(applyTagOverrides(['ai', 'rust'], overrides)).toEqual(['ai', 'editors-pick']);
  });

  test('an added tag the taxonomy also gives appears once; removing a tag the link lacks changes nothing', () => {
    const overrides = [
      { slug: 'ai', included: true },
      { slug: 'security', included: false },
    ];
    expect(applyTagOverrides(['ai'], overrides)).toEqual(['ai']);
  });

  test('editors can clear every tag, or tag a link the taxonomy leaves bare', () => {
    expect(applyTagOverrides(['ai'], [{ slug: 'ai', included: false }])).toEqual([]);
    expect(applyTagOverrides([], [{ slug: 'b-side', included: true }, { slug: 'a-side', included: true }])).toEqual([
      'a-side',
      'b-side',
    ]);
  });

  test('does not modify its arguments', () => {
    const auto = ['rust', 'ai'];
    const overrides = [{ slug: 'rust', included: false }];
    applyTagOverrides(auto, overrides);
    expect(auto).toEqual(['rust', 'ai']);
    expect(overrides).toEqual([{ slug: 'rust', included: false }]);
  });
});
