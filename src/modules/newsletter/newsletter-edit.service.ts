import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { parseId } from '../../common/ids';
import { hydrate } from '../../db/hydrate';
import { runEdit } from '../../editing/edit';
import { unlessTaken } from '../../editing/unique';
import { changedFields } from '../audit/audit.service';
import { Newsletter } from './newsletter.entity';
import { CreateNewsletterInput, UpdateNewsletterInput } from './newsletter-edit.inputs';

/** Writes newsletters. They hold issues but are not part of one: no expected version, no issue bumped. */
export class NewsletterEditService {
  constructor(private readonly dataSource: DataSource) {}

  create(input: CreateNewsletterInput, actor: Actor): Promise<Newsletter> {
    return runEdit(this.dataSource, actor, async (edit) => {
      const [row] = await edit.query(
        'INSERT INTO newsletter (slug, name, tagline) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING RETURNING *',
        [input.slug, input.name.trim(), blankToNull(input.tagline)],
      );
      if (!row) throw slugTaken(input.slug);
      edit.audit({
        action: 'createNewsletter',
        entityType: 'NEWSLETTER',
        entityId: row.id,
        changes: changedFields({}, { slug: row.slug, name: row.name, tagline: row.tagline ?? undefined }),
      });
      return this.hydrate(row);
    });
  }

  update(input: UpdateNewsletterInput, actor: Actor): Promise<Newsletter> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      const [before] = await edit.query('SELECT * FROM newsletter WHERE id = $1 FOR UPDATE', [id]);
      if (!before) throw new NotFoundError('Newsletter', id, 'id');
      const tagline = input.tagline === undefined ? before.tagline : blankToNull(input.tagline);
      const slug = input.slug ?? before.slug;
      const [row] = await unlessTaken(
        edit.query('UPDATE newsletter SET slug = $2, name = $3, tagline = $4 WHERE id = $1 RETURNING *', [
          id,
          slug,
          input.name?.trim() ?? before.name,
          tagline,
        ]),
        () => slugTaken(slug),
      );
      edit.audit({
        action: 'updateNewsletter',
        entityType: 'NEWSLETTER',
        entityId: id,
        changes: changedFields(
          { slug: before.slug, name: before.name, tagline: before.tagline },
          { slug: row.slug, name: row.name, tagline: row.tagline },
        ),
      });
      return this.hydrate(row);
    });
  }

  private hydrate(row: Record<string, unknown>): Newsletter {
    return hydrate(this.dataSource, Newsletter, [row])[0];
  }
}

function blankToNull(text: string | null | undefined): string | null {
  return text?.trim() || null;
}

function slugTaken(slug: string): BadUserInputError {
  return new BadUserInputError(`Another newsletter has the slug "${slug}".`, { field: 'slug' });
}
