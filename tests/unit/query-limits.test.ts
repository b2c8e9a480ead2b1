import 'reflect-metadata';
import {
  DocumentNode,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  GraphQLSchema,
  isCompositeType,
  isListType,
  isObjectType,
  parse,
  specifiedRules,
  validate,
  visit,
} from 'graphql';
import { aliasLimitRule } from '../../src/limits/alias.rule';
import { measureCost } from '../../src/limits/cost';
import { FIELD_COSTS, fieldCost, INTROSPECTION_COST } from '../../src/limits/cost.table';
import { depthLimitRule, RuleStats } from '../../src/limits/depth.rule';
import { buildGraphQLSchema } from '../../src/schema';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

const cost = (query: string, variables?: Record<string, unknown>) => measureCost(schema, parse(query), { variables }).cost;

/** Selections in a document: the unit a linear walk may visit once each. */
function selections(document: DocumentNode): number {
  let count = 0;
  visit(document, { Field: () => void (count += 1), FragmentSpread: () => void (count += 1), InlineFragment: () => void (count += 1) });
  return count;
}

/**
 * The shape that blocked the event loop for 66 s: fragments each spreading the next one
 * ten times (about 1.5 KB); `nest` wraps the spreads in a field, one level deeper each.
 */
function fragmentBomb(fragments: number, nest = ''): string {
  let query = 'query Bomb { issues { edges { node { ...F0 } } } }\n';
  for (let i = 0; i < fragments; i += 1) {
    const spreads = Array.from({ length: 10 }, () => `...F${i + 1}`).join(' ');
    query += `fragment F${i} on Issue { newsletter { id } ${nest ? `${nest} { ${spreads} }` : spreads} }\n`;
  }
  return `${query}fragment F${fragments} on Issue { date }\n`;
}

describe('query cost', () => {
  it('charges 1 an object and nothing a scalar', () => {
    expect(cost('{ newsletter(slug: "ai") { name slug tagline } }')).toBe(1);
    expect(cost('{ newsletter(slug: "ai") { __typename } }')).toBe(1);
    expect(cost('{ __typename }')).toBe(0);
  });

  it('multiplies what a page holds by its page size: a literal, a variable, a variable default or the default 20', () => {
    expect(cost('{ links(first: 10) { edges { node { title } } } }')).toBe(11);
    expect(cost('{ links { edges { node { title } } } }')).toBe(21);
    expect(cost('query($n: Int) { links(first: $n) { edges { node { title } } } }', { n: 7 })).toBe(8);
    expect(cost('query($n: Int = 3) { links(first: $n) { edges { node { title } } } }')).toBe(4);
    // Values that argument checks refuse are priced as the largest page.
    expect(cost('{ links(first: 1000) { edges { node { title } } } }')).toBe(101);
    expect(cost('query($n: Int) { links(first: $n) { edges { node { title } } } }', { n: 'lots' })).toBe(101);
  });

  it('charges totalCount as a query and page info as nothing', () => {
    expect(cost('{ issues(first: 5) { totalCount pageInfo { hasNextPage endCursor } } }')).toBe(2);
  });

  it('multiplies a nested list by its declared maximum, inside a page too', () => {
    // 1 issue + 12 sections x (1 + 30 links)
    expect(cost('{ issue(newsletter: "ai", date: "2026-01-01") { sections { links { title } } } }')).toBe(1 + 12 * 31);
    // 1 connection + 10 links x (1 + 20 tags)
    expect(cost('{ links(first: 10) { edges { node { tags { slug } } } } }')).toBe(1 + 10 * 21);
    // A page of sponsors each with a page of links: 1 + 2 x (1 sponsor + 1 connection + 5 links)
    expect(cost('{ sponsors(first: 2) { edges { node { linkConnection(first: 5) { edges { node { title } } } } } } }')).toBe(15);
  });

  it('counts aliases and fragments in full, and prices a fragment by the page it is spread in', () => {
    const one = cost('{ links(first: 10) { edges { node { title tags { slug } } } } }');
    const page = 'links(first: 10) { edges { node { title tags { slug } } } }';
    expect(cost(`{ a: ${page} b: ${page} }`)).toBe(2 * one);
    const withFragment = `{ a: links(first: 10) { ...Page } b: links(first: 50) { ...Page } }
      fragment Page on LinkConnection { edges { node { title tags { slug } } } }`;
    expect(cost(withFragment)).toBe(2 + 60 * 21);
  });

  it('gives introspection a fixed cost', () => {
    expect(cost(getIntrospectionQuery())).toBe(INTROSPECTION_COST);
    expect(cost('{ __type(name: "Issue") { fields { name type { name } } } }')).toBe(INTROSPECTION_COST);
  });

  it('prices the bombs of the report far over any budget', () => {
    const bomb = '{ links(first:100){edges{node{issue{links{issue{links{issue{links{title summary url}}}}}}}}} }';
    expect(cost(bomb)).toBeGreaterThan(100_000_000);
    const nested = 'issues(first: 100) { edges { node { sections { links { title } } } } }';
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: ${nested}`);
    expect(cost(`{ ${aliases.join(' ')} }`)).toBeGreaterThan(7_000_000);
  });

  it('walks a fragment bomb in time linear in its size, and prices it by every spread', () => {
    const document = parse(fragmentBomb(14));
    const { cost: bombCost, visits } = measureCost(schema, document);
    expect(visits).toBeLessThanOrEqual(selections(document));
    // 1 + 20 issues x (1 + F0), where F(i) = 1 + 10 x F(i+1) and F14 = 0: about 2 x 10^14.
    expect(bombCost).toBeGreaterThan(2 * 10 ** 14);
  });

  it('reports a cost past any number as the largest exact integer, and never as NaN', () => {
    let huge = '';
    for (let i = 0; i < 160; i += 1) {
      huge += `fragment F${i} on Issue { newsletter { id } ${Array.from({ length: 100 }, () => `...F${i + 1}`).join(' ')} }\n`;
    }
    huge += 'fragment F160 on Issue { date }\n';
    expect(cost(`{ issues(first: 1) { edges { node { ...F0 } } } }\n${huge}`)).toBe(Number.MAX_SAFE_INTEGER);
    // A page of no items holds nothing, however costly each item would be (Infinity times 0 is not NaN here).
    expect(cost(`{ issues(first: 0) { edges { node { ...F0 } } } newsletters { slug } }\n${huge}`)).toBe(1 + 50);
  });
});

describe('depth limit', () => {
  const depthErrors = (query: string, maxDepth = 12, stats?: RuleStats) =>
    validate(schema, parse(query), [...specifiedRules, depthLimitRule(maxDepth, stats)]);

  it('refuses a query nested deeper than the limit, saying how deep', () => {
    const nested = 'previous { '.repeat(12) + 'date' + ' }'.repeat(12);
    const [error] = depthErrors(`{ issue(newsletter: "ai", date: "2025-01-01") { ${nested} } }`);
    expect(error.message).toBe('Query is nested 13 levels deep; the limit is 12.');
    expect(error.extensions).toEqual({ depth: 13, limit: 12 });
    expect(depthErrors(`{ issue(newsletter: "ai", date: "2025-01-01") { ${'previous { '.repeat(11)}date${' }'.repeat(11)} } }`)).toEqual([]);
  });

  it('counts depth through fragments', () => {
    const query = `{ issue(newsletter: "ai", date: "2025-01-01") { ...A } }
      fragment A on Issue { previous { previous { ...B } } }
      fragment B on Issue { next { next { date } } }`;
    expect(depthErrors(query, 4)[0].message).toMatch(/nested 5 levels/);
    expect(depthErrors(query, 5)).toEqual([]);
  });

  it('visits the report\'s fragment bomb once per selection, however often fragments are spread', () => {
    const text = fragmentBomb(14);
    expect(text.length).toBeGreaterThan(1300);
    const stats = { visits: 0 };
    expect(depthErrors(text, 12, stats)).toEqual([]);
    // The old rule walked F14 10^14 times.
    expect(stats.visits).toBeLessThanOrEqual(selections(parse(text)));
    const deep = { visits: 0 };
    expect(depthErrors(fragmentBomb(14, 'previous'), 12, deep)[0].message).toMatch(/nested 17 levels deep/);
    expect(deep.visits).toBeLessThanOrEqual(selections(parse(fragmentBomb(14, 'previous'))));
  });

  it('ends on a fragment cycle, which validation refuses on its own', () => {
    const errors = depthErrors(`{ issue(newsletter: "ai", date: "2025-01-01") { ...A } }
      fragment A on Issue { previous { ...B } } fragment B on Issue { next { ...A } }`);
    expect(errors.map((error) => error.message).join()).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it('exempts introspection: the standard introspection query passes', () => {
    expect(depthErrors(getIntrospectionQuery())).toEqual([]);
    const everything = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    expect(depthErrors(everything, 3)).toEqual([]);
  });
});

describe('alias limit', () => {
  const aliasErrors = (count: number) =>
    validate(schema, parse(`{ ${Array.from({ length: count }, (_, i) => `a${i}: tags { slug }`).join(' ')} }`), [aliasLimitRule(30)]);

  it('takes up to the limit and refuses more, saying how many', () => {
    expect(aliasErrors(30)).toEqual([]);
    const [error] = aliasErrors(31);
    expect(error.message).toBe('Query uses 31 aliases; the limit is 30.');
    expect(error.extensions).toEqual({ aliases: 31, limit: 30 });
  });
});

describe('cost table', () => {
  it('sizes every list of objects in the schema: a declared maximum, or a page of a connection', () => {
    const unsized: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const list = isListType(getNullableType(field.type));
        if (!list || !isCompositeType(getNamedType(field.type))) continue;
        const inConnection = type.name.endsWith('Connection');
        if (!inConnection && fieldCost(type.name, field.name)?.maxItems === undefined) unsized.push(`${type.name}.${field.name}`);
      }
    }
    expect(unsized).toEqual([]);
  });

  it('names only fields that exist', () => {
    const missing = Object.keys(FIELD_COSTS).filter((coordinate) => {
      const [typeName, fieldName] = coordinate.split('.');
      if (typeName === '*Connection') {
        const connections = Object.values(schema.getTypeMap()).filter((type) => type.name.endsWith('Connection'));
        return !connections.some((type) => isObjectType(type) && fieldName in type.getFields());
      }
      const type = schema.getType(typeName);
      return !isObjectType(type) || !(fieldName in type.getFields());
    });
    expect(missing).toEqual([]);
  });
});
