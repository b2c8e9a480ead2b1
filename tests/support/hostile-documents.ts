import { gqlCase, HostileCase } from './hostile';

/** Hostile GraphQL documents and variables, generated so the counts add up. */

const repeat = (count: number, make: (i: number) => string, separator = ' ') => Array.from({ length: count }, (_, i) => make(i)).join(separator);
const aliases = (count: number, selection: string) => repeat(count, (i) => `a${i}: ${selection}`);

/** Nested connections at first:100, each a different shape of the report's bomb. */
export function costBombs(): HostileCase[] {
  const f = 'cost bomb';
  const cases: HostileCase[] = [];
  const issueLinks = (levels: number) => {
    let inner = 'title summary url';
    for (let i = 0; i < levels; i += 1) inner = `issue { links { ${inner} } }`;
    return inner;
  };
  for (let levels = 1; levels <= 4; levels += 1) {
    cases.push(gqlCase(f, `links(first:100) through issue.links ${levels} times`, { query: `{ links(first: 100) { edges { node { ${issueLinks(levels)} } } } }` }));
  }
  const sectionChain = (levels: number) => {
    let inner = 'title';
    for (let i = 0; i < levels; i += 1) inner = `sections { links { ${inner} issue { headline } } }`;
    return inner;
  };
  for (let levels = 1; levels <= 3; levels += 1) {
    cases.push(gqlCase(f, `issues(first:100) sections.links ${levels} deep`, { query: `{ issues(first: 100) { edges { node { ${sectionChain(levels)} } } } }` }));
  }
  for (const first of [100, 1000, 2 ** 31 - 1, -1, 0]) {
    cases.push(
      gqlCase(f, `sponsors(first:${first}) into link and placement pages`, {
        query: `{ sponsors(first: ${first}) { edges { node { linkConnection(first: 100) { edges { node { tags { slug } issue { sections { links { title } } } } } }
          placementConnection(first: 100) { edges { node { issue { links { tags { linkCount } } } } } } } } } }`,
      }),
    );
  }
  for (const n of [100, 5000]) {
    cases.push(
      gqlCase(f, `first from a variable, ${n}`, {
        query: 'query($n: Int) { issues(first: $n) { edges { node { sections { links { tags { slug } issue { links { title } } } } } } } }',
        variables: { n },
      }),
    );
  }
  cases.push(gqlCase(f, 'deprecated plain sponsor lists nested', { query: '{ sponsors(first: 100) { edges { node { links { issue { links { sponsor { placements { issue { links { title } } } } } } } } } } }' }));
  cases.push(gqlCase(f, 'previous/next chains under a page', { query: `{ issues(first: 100) { edges { node { ${'previous { next { '.repeat(4)} links { title } ${'} } '.repeat(4)} } } } }` }));
  cases.push(gqlCase(f, 'tags and categories counted under every link', { query: '{ links(first: 100) { edges { node { tags { linkCount } section { category { linkCount } links { tags { linkCount } } } } } } }' }));
  cases.push(gqlCase(f, 'audit log pages nested (public)', { query: '{ auditLog(first: 100) { edges { node { __typename } } } }' }));
  return cases;
}

export function aliasBombs(): HostileCase[] {
  const f = 'alias bomb';
  const cases: HostileCase[] = [];
  const selections = ['__typename', 'tags { linkCount }', 'issues(first: 100) { totalCount edges { node { links { title } } } }', 'newsletters { slug }'];
  for (const count of [31, 200, 1000]) {
    for (const selection of selections) cases.push(gqlCase(f, `${count} aliases of ${selection.slice(0, 30)}`, { query: `{ ${aliases(count, selection)} }` }));
  }
  for (const count of [30, 200]) {
    cases.push(gqlCase(f, `${count} aliases inside a page`, { query: `{ issues(first: 100) { edges { node { ${aliases(count, 'links { title }')} } } } }` }));
    cases.push(gqlCase(f, `${count} aliases at three levels`, { query: `{ ${aliases(10, `issues(first: 100) { edges { node { ${aliases(count / 10, `sections { ${aliases(10, 'links { title }')} }`)} } } }`)} }` }));
  }
  cases.push(gqlCase(f, 'one alias name reused for conflicting fields', { query: `{ ${repeat(100, (i) => `x: issues(first: ${i + 1}) { totalCount }`)} }` }));
  cases.push(gqlCase(f, 'aliases spread through fragments', { query: `{ ...F ...F ...F } fragment F on Query { ${aliases(25, 'tags { linkCount }')} }` }));
  return cases;
}

export function fragmentBombs(): HostileCase[] {
  const f = 'fragment bomb';
  const cases: HostileCase[] = [];
  const chain = (levels: number, fan: number, through: string) => {
    let query = 'query Bomb { issues(first: 100) { edges { node { ...F0 } } } }\n';
    for (let i = 0; i < levels; i += 1) {
      query += `fragment F${i} on Issue { id ${through.replace('$', repeat(fan, () => `...F${i + 1}`))} }\n`;
    }
    return `${query}fragment F${levels} on Issue { date links { title } }`;
  };
  for (const [levels, fan] of [
    [10, 2],
    [14, 10],
    [30, 3],
    [60, 2],
  ]) {
    cases.push(gqlCase(f, `${levels} fragments spreading the next ${fan} times, flat`, { query: chain(levels, fan, '$') }));
    cases.push(gqlCase(f, `${levels} fragments spreading the next ${fan} times, through previous`, { query: chain(levels, fan, 'previous { $ }') }));
  }
  cases.push(gqlCase(f, 'a fragment spreading itself', { query: '{ issues { edges { node { ...A } } } } fragment A on Issue { id ...A }' }));
  cases.push(gqlCase(f, 'a two-fragment cycle', { query: '{ issues { edges { node { ...A } } } } fragment A on Issue { ...B } fragment B on Issue { previous { ...A } }' }));
  cases.push(
    gqlCase(f, 'a 200-fragment cycle spread 10 times each', {
      query: `{ issues { edges { node { ...C0 } } } } ${repeat(200, (i) => `fragment C${i} on Issue { id ${repeat(10, () => `...C${(i + 1) % 200}`)} }`)}`,
    }),
  );
  cases.push(gqlCase(f, '1000 unused fragments', { query: `{ __typename } ${repeat(1000, (i) => `fragment U${i} on Issue { id }`)}` }));
  cases.push(gqlCase(f, 'a spread of an unknown fragment', { query: '{ issues { edges { node { ...Nope } } } }' }));
  cases.push(gqlCase(f, 'a fragment on a type that cannot apply', { query: '{ tags { ...T } } fragment T on Issue { id }' }));
  cases.push(gqlCase(f, 'inline fragments nested 300 deep', { query: `{ ${'... on Query { '.repeat(300)} __typename ${'} '.repeat(300)} }` }));
  cases.push(gqlCase(f, 'the same fragment defined twice', { query: '{ tags { ...T } } fragment T on Tag { slug } fragment T on Tag { name }' }));
  return cases;
}

export function directiveFloods(): HostileCase[] {
  const f = 'directive flood';
  const cases: HostileCase[] = [];
  for (const count of [100, 1000, 2400]) {
    cases.push(gqlCase(f, `${count} @include on one field`, { query: `{ __typename ${repeat(count, () => '@include(if: true)')} }` }));
    cases.push(gqlCase(f, `${count} @skip(if:false) fields`, { query: `{ ${repeat(count, () => 'newsletters @skip(if: false) { slug }')} }` }));
  }
  cases.push(gqlCase(f, 'unknown directives everywhere', { query: `query @nope { tags @a @b @c { slug @d(x: 1) } }` }));
  cases.push(gqlCase(f, '@include from a variable, 500 times', { query: `query($y: Boolean!) { ${repeat(500, () => 'tags @include(if: $y) { slug }')} }`, variables: { y: true } }));
  cases.push(gqlCase(f, '@include with a junk argument', { query: '{ tags @include(if: "yes") { slug } }' }));
  cases.push(gqlCase(f, '@deprecated used in a query', { query: '{ tags @deprecated { slug } }' }));
  return cases;
}

export function tokenFloods(): HostileCase[] {
  const f = 'token flood';
  const cases: HostileCase[] = [];
  cases.push(gqlCase(f, '6000 __typename', { query: `{ ${'__typename '.repeat(6000)} }` }));
  cases.push(gqlCase(f, 'a megabyte of slug selections', { query: `{ newsletters { ${'slug '.repeat(200_000)} } }` }));
  cases.push(gqlCase(f, 'a 1 MB string literal', { query: `{ newsletter(slug: "${'x'.repeat(1_000_000)}") { slug } }` }));
  cases.push(gqlCase(f, 'a 1 MB block string', { query: `{ newsletter(slug: """${'y'.repeat(1_000_000)}""") { slug } }` }));
  cases.push(gqlCase(f, 'a 4 MB comment', { query: `# ${'c'.repeat(4_000_000)}\n{ __typename }` }));
  cases.push(gqlCase(f, '3 MB of commas', { query: `{ ${','.repeat(3_000_000)} __typename }` }));
  for (const depth of [100, 2000, 6000]) {
    cases.push(gqlCase(f, `a list nested ${depth} deep in an argument`, { query: `{ newsletter(slug: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { slug } }` }));
    cases.push(gqlCase(f, `an object nested ${depth} deep in an argument`, { query: `{ issues(filter: ${'{ a: '.repeat(depth)}1${' }'.repeat(depth)}) { totalCount } }` }));
  }
  cases.push(gqlCase(f, 'selections nested 2000 deep', { query: `{ ${'issues { edges { node { '.repeat(700)} id ${'} } } '.repeat(700)} }` }));
  cases.push(gqlCase(f, '1000 anonymous operations', { query: repeat(1000, () => '{ __typename }') }));
  cases.push(gqlCase(f, '1000 named operations, one chosen', { query: repeat(1000, (i) => `query Q${i} { __typename }`), operationName: 'Q999' }));
  cases.push(gqlCase(f, '2000 variable definitions', { query: `query(${repeat(2000, (i) => `$v${i}: Int`)}) { __typename }` }));
  cases.push(gqlCase(f, 'a 200k-digit number', { query: `{ issues(first: ${'9'.repeat(200_000)}) { totalCount } }` }));
  cases.push(gqlCase(f, 'an unterminated string', { query: `{ newsletter(slug: "${'z'.repeat(10_000)}` }));
  cases.push(gqlCase(f, 'control characters in the document', { query: '{ \u0000\u0001\u0007 __typename }' }));
  return cases;
}

const mb = 'm'.repeat(1_000_000);
const deep = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
};
const deepList = (depth: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
};

export function giantVariables(): HostileCase[] {
  const f = 'giant variables';
  const byTag = 'query($v: [String!]) { links(filter: { tags: $v }) { totalCount } }';
  return [
    gqlCase(f, 'a 1 MB slug', { query: 'query($v: String!) { newsletter(slug: $v) { slug } }', variables: { v: mb } }),
    gqlCase(f, 'a 1 MB cursor', { query: 'query($v: String) { issues(after: $v) { totalCount } }', variables: { v: mb } }),
    gqlCase(f, 'a 1 MB unused variable', { query: '{ __typename }', variables: { unused: mb } }),
    gqlCase(f, '100k tags in a filter', { query: byTag, variables: { v: Array.from({ length: 100_000 }, (_, i) => `t${i}`) } }),
    gqlCase(f, '100k empty strings in a filter', { query: byTag, variables: { v: Array.from({ length: 100_000 }, () => '') } }),
    gqlCase(f, '100k numbers where strings go', { query: byTag, variables: { v: Array.from({ length: 100_000 }, (_, i) => i) } }),
    gqlCase(f, 'an object 1000 deep as a filter', { query: 'query($v: LinkFilter) { links(filter: $v) { totalCount } }', variables: { v: deep(1000, 1) } }),
    gqlCase(f, 'an object 3000 deep unused', { query: '{ __typename }', variables: { v: deep(3000, 'x') } }),
    gqlCase(f, 'a list 3000 deep as a filter list', { query: byTag, variables: { v: deepList(3000) } }),
    gqlCase(f, '100k variables', { query: '{ __typename }', variables: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`v${i}`, i])) }),
    gqlCase(f, 'a filter with 50k unknown fields', {
      query: 'query($v: IssueFilter) { issues(filter: $v) { totalCount } }',
      variables: { v: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`f${i}`, i])) },
    }),
  ];
}

export function wrongVariableTypes(): HostileCase[] {
  const f = 'wrong variable types';
  const cases: HostileCase[] = [];
  const targets: Array<[string, string, unknown[]]> = [
    ['Int', 'query($v: Int) { issues(first: $v) { totalCount } }', ['5', 1.5, 2 ** 31, -(2 ** 31) - 1, true, {}, [1], 1e308]],
    ['String!', 'query($v: String!) { newsletter(slug: $v) { slug } }', [1, true, {}, ['a'], null]],
    ['Boolean!', 'query($v: Boolean!) { issue(newsletter: "ai", date: "2025-06-01", preview: $v) { id } }', ['true', 1, null]],
    ['Date!', 'query($v: Date!) { issue(newsletter: "ai", date: $v) { id } }', ['2025-02-30', '2025-13-01', 'yesterday', '', 20250601, '0000-01-01', '99999-01-01']],
    ['DateOrder', 'query($v: DateOrder) { issues(orderBy: $v) { totalCount } }', ['SIDEWAYS', 'newest_first', 1]],
    ['IssueFilter', 'query($v: IssueFilter) { issues(filter: $v) { totalCount } }', ['{}', [], 7]],
  ];
  for (const [type, query, values] of targets) {
    for (const value of values) cases.push(gqlCase(f, `${type} given ${JSON.stringify(value)}`, { query, variables: { v: value } }));
  }
  for (const variables of ['{"v":1}', [1, 2], 5, true]) {
    cases.push(gqlCase(f, `variables as ${JSON.stringify(variables)}`, { query: 'query($v: Int) { issues(first: $v) { totalCount } }', variables }));
  }
  cases.push(gqlCase(f, 'a required variable missing', { query: 'query($v: String!) { newsletter(slug: $v) { slug } }', variables: {} }));
  cases.push(gqlCase(f, 'a variable of an unknown type', { query: 'query($v: Nope) { __typename }', variables: { v: 1 } }));
  cases.push(gqlCase(f, 'a variable of an output type', { query: 'query($v: Issue) { __typename }', variables: { v: {} } }));
  cases.push(gqlCase(f, 'a variable used where its type does not fit', { query: 'query($v: Int) { newsletter(slug: $v) { slug } }', variables: { v: 1 } }));
  return cases;
}
