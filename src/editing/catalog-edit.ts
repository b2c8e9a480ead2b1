import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Actor } from '../auth/actor';
import { parseId } from '../common/ids';
import { catalogOf, SlugKind } from '../common/slug-aliases';
import { hydrate } from '../db/hydrate';
import { changedFields } from '../modules/audit/audit.service';
import { runEdit } from './edit';
import { CatalogMerge, claimSlug, keepOldSlug, lockCatalog, mergeCatalogRows, rowById, slugTaken } from './slug-catalog';
import { unlessTaken } from './unique';

export interface CatalogCreate {
  slug: string;
  name: string;
}

export interface CatalogUpdate {
  id: string;
  slug?: string | null;
  name?: string | null;
}

export interface CatalogMergeInput {
  sourceSlug: string;
  targetSlug: string;
}

/**
 * Create, update and merge for a catalog of slugged rows (tags, categories).
 * They are shared rows, not part of an issue: create and update take no
 * expected version and bump no issue; a merge bumps every issue it changes.
 */
export class CatalogEditService<T extends ObjectLiteral> {
  private readonly label: string;
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kind: SlugKind,
    private readonly entity: EntityTarget<T>,
    private readonly merging: CatalogMerge,
  ) {
    this.label = kind[0].toUpperCase() + kind.slice(1);
    this.table = catalogOf(kind).table;
  }

  create(input: CatalogCreate, actor: Actor): Promise<T> {
    return runEdit(this.dataSource, actor, async (edit) => {
      await lockCatalog(edit, this.kind);
      await claimSlug(edit, this.kind, input.slug, null);
      const [row] = await unlessTaken(
        edit.query(`INSERT INTO ${this.table} (slug, name) VALUES ($1, $2) RETURNING *`, [input.slug, input.name.trim()]),
        () => slugTaken(input.slug),
      );
      edit.audit({
        action: `create${this.label}`,
        entityType: this.kind.toUpperCase(),
        entityId: row.id,
        changes: changedFields({}, { slug: row.slug, name: row.name }),
      });
      return this.hydrate(row);
    });
  }

  /** A changed slug keeps the old one as an alias (partners keep the slugs they know); renaming back to an alias reclaims it. */
  update(input: CatalogUpdate, actor: Actor): Promise<T> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      await lockCatalog(edit, this.kind);
      const before = await rowById(edit, this.kind, id);
      const slug = input.slug ?? before.slug;
      if (slug !== before.slug) {
        await claimSlug(edit, this.kind, slug, id);
        await keepOldSlug(edit, this.kind, id, before.slug);
      }
      const name = input.name?.trim() ?? before.name;
      const [row] = await unlessTaken(
        edit.query(`UPDATE ${this.table} SET slug = $2, name = $3 WHERE id = $1 RETURNING *`, [id, slug, name]),
        () => slugTaken(slug),
      );
      edit.audit({
        action: `update${this.label}`,
        entityType: this.kind.toUpperCase(),
        entityId: id,
        changes: changedFields({ slug: before.slug, name: before.name }, { slug: row.slug, name: row.name }),
      });
      return this.hydrate(row);
    });
  }

  merge(input: CatalogMergeInput, actor: Actor): Promise<T> {
    return runEdit(this.dataSource, actor, async (edit) => {
      const targetId = await mergeCatalogRows(edit, this.merging, input.sourceSlug, input.targetSlug);
      const [row] = await edit.query(`SELECT * FROM ${this.table} WHERE id = $1`, [targetId]);
      return this.hydrate(row);
    });
  }

  private hydrate(row: Record<string, unknown>): T {
    return hydrate(this.dataSource, this.entity, [row])[0];
  }
}
