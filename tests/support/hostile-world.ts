import { Factory } from './factories';
import { Harness } from './harness';

/** A small archive for hostile requests to run against: enough rows for every nested path to have something. */
export async function seedHostileWorld(h: Harness): Promise<void> {
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  for (let day = 1; day <= 3; day += 1) {
    await f.issue(ai, {
      date: `2025-06-0${day}`,
      sections: [{ title: 'Headlines', links: [{ tags: ['llm'] }, { tags: ['security'] }] }],
    });
  }
}
