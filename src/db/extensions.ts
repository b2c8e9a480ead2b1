import { ConfigError } from '../config.read';

/** Extensions the migrations install: pg_trgm gives search its typo-tolerant fallback (trigram similarity). */
export const REQUIRED_EXTENSIONS = ['pg_trgm'] as const;

/** The server lacks an extension the schema needs; the message says which and what to do. */
export class MissingExtensionError extends ConfigError {}

/** The message for extensions `server` (a phrase naming it) does not ship. */
export function missingExtensionsMessage(missing: readonly string[], server: string): string {
  const plural = missing.length > 1;
  return (
    `PostgreSQL extension${plural ? 's' : ''} ${missing.join(', ')} ${plural ? 'are' : 'is'} not available on ${server}; ` +
    `search needs ${plural ? 'them' : 'it'} (typo-tolerant matching). Install PostgreSQL's contrib modules there ` +
    `(the postgresql-contrib package; the official postgres images include them) or set DATABASE_URL to a server that has them.`
  );
}

type Query = (sql: string, params: unknown[]) => Promise<Array<{ name: string }>>;

/** Stops a start, before any migration runs, on a server that cannot install every required extension. */
export async function requireExtensions(
  query: Query,
  server: string,
  required: readonly string[] = REQUIRED_EXTENSIONS,
): Promise<void> {
  const rows = await query('SELECT name FROM pg_available_extensions WHERE name = ANY($1::text[])', [required]);
  const available = new Set(rows.map((row) => row.name));
  const missing = required.filter((name) => !available.has(name));
  if (missing.length) throw new MissingExtensionError(missingExtensionsMessage(missing, server));
}
