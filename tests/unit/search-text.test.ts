import { requireExtensions, missingExtensionsMessage, MissingExtensionError } from '../../src/db/extensions';
import { highlightHtml, MARK_START, MARK_STOP } from '../../src/modules/search/search.highlight';
import { anyWordQuery, correctableWords, wantedWords, withCorrections } from '../../src/modules/search/search.text';

const words = (query: string) => wantedWords(query).map(({ word }) => word);

describe('the words a search query looks for', () => {
  test.each([
    ['plain words, lower-cased', 'Postgres Vector', ['postgres', 'vector']],
    ['words of a phrase', '"vector search" postgres', ['vector', 'search', 'postgres']],
    ['not excluded words or phrases', 'kubernetes -mysql -"managed service"', ['kubernetes']],
    ['not the or operator', 'rust or go OR zig', ['rust', 'go', 'zig']],
    ['letters and digits in any script', 'pg18 café Ω', ['pg18', 'café', 'ω']],
    ['an unclosed phrase to its end', '"open ended', ['open', 'ended']],
    ['nothing in punctuation', `'!:&|<->`, []],
  ])('%s', (_name, query, expected) => {
    expect(words(query)).toEqual(expected);
  });

  test('correctable words are those of 4 characters or more, not numbers', () => {
    expect(correctableWords('go rust 2025 kubernets').map(({ word }) => word)).toEqual(['rust', 'kubernets']);
  });

  test('a query matching any wanted word, for highlights', () => {
    expect(anyWordQuery('"Vector search" -mysql or postgres vector')).toBe('vector or search or postgres');
  });
});

describe('a query with corrections', () => {
  test.each([
    ['replaces the corrected words, keeps the rest as typed', 'Kuberntes -mysql "vector serch"', 'kubernetes -mysql "vector search"'],
    ['replaces every occurrence', 'postgress or postgress', 'postgres or postgres'],
  ])('%s', (_name, query, expected) => {
    const corrections = new Map([['kuberntes', 'kubernetes'], ['serch', 'search'], ['postgress', 'postgres']]);
    expect(withCorrections(query, correctableWords(query), corrections)).toBe(expected);
  });

  test('is null when nothing changes', () => {
    expect(withCorrections('rust tips', correctableWords('rust tips'), new Map([['tips', 'tips']]))).toBeNull();
  });
});

describe('highlights as HTML', () => {
  test('escape the text and put the markers around matches', () => {
    const marked = `${MARK_START}Postgres${MARK_STOP} <b>"for"</b> & 'teams'`;
    expect(highlightHtml(marked, { start: '<em>', stop: '</em>' })).toBe('<em>Postgres</em> &lt;b&gt;&quot;for&quot;&lt;/b&gt; &amp; &#39;teams&#39;');
  });

  test('bring back the stand-ins of < and & that ts_headline must not see', () => {
    expect(highlightHtml('a \u0003b\u0004c', { start: '[', stop: ']' })).toBe('a &lt;b&amp;c');
  });
});

describe('required extensions', () => {
  const server = 'the server in DATABASE_URL (postgres://u:***@db.example/app)';

  test('a server that ships them passes', async () => {
    await expect(requireExtensions(async () => [{ name: 'pg_trgm' }], server)).resolves.toBeUndefined();
  });

  test('a server without pg_trgm stops the start with a message naming it and what to do', async () => {
    const check = requireExtensions(async () => [], server);
    await expect(check).rejects.toBeInstanceOf(MissingExtensionError);
    await expect(check).rejects.toThrow(
      'PostgreSQL extension pg_trgm is not available on the server in DATABASE_URL (postgres://u:***@db.example/app); search needs it',
    );
  });

  test('the message names every missing extension', () => {
    expect(missingExtensionsMessage(['pg_trgm', 'unaccent'], 'the embedded server')).toMatch(/^PostgreSQL extensions pg_trgm, unaccent are not available on the embedded server; search needs them/);
  });
});
