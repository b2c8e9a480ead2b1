import { parseArgs } from 'node:util';
import { cliActor } from '../auth/actor';
import { ApiKey } from '../modules/api-key/api-key.entity';
import { ApiKeyService, ScopeSlugs, scopeSlugsOf } from '../modules/api-key/api-key.service';
import { Role } from '../modules/api-key/role';
import { parseId } from '../common/ids';
import { loadConfig } from '../config';
import { runWithDatabase } from './cli-database';

const USAGE = `usage: npm run keys -- create --role admin|editor|partner --name NAME [--expires 90d|12h|2027-01-31]
                             [--newsletters SLUG,SLUG] [--tags SLUG,SLUG]   (partner keys only)
       npm run keys -- scope ID [--newsletters SLUG,SLUG] [--tags SLUG,SLUG]   (neither: lifts the scope)
       npm run keys -- list
       npm run keys -- revoke ID`;

/** "90d", "12h", "30m" from now, or a date or time in ISO 8601. */
export function parseExpiry(text: string, now = Date.now()): Date {
  const relative = /^(\d{1,5})([dhm])$/.exec(text);
  const units = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;
  const date = relative ? new Date(now + Number(relative[1]) * units[relative[2] as keyof typeof units]) : new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--expires takes 90d, 12h, 30m or an ISO date, got "${text}"`);
  return date;
}

class UsageError extends Error {}

function roleOf(text: string | undefined): Role {
  const role = (text ?? '').toUpperCase();
  if (!(role in Role)) throw new UsageError(`--role must be admin, editor or partner, got "${text ?? ''}"`);
  return role as Role;
}

function iso(date: Date | null): string {
  return date ? new Date(date).toISOString() : '-';
}

/** "ai,devops" as a list of slugs; a flag left out is no limit on that side. */
function slugs(text: string | undefined): string[] | null {
  return text === undefined ? null : text.split(',').map((slug) => slug.trim());
}

function scopeOf(values: { newsletters?: string; tags?: string }): ScopeSlugs | null {
  const scope = { newsletters: slugs(values.newsletters), tags: slugs(values.tags) };
  return scope.newsletters || scope.tags ? scope : null;
}

/** A key's scope as the command prints it: "scope: all", or each limited side's slugs. */
function describeScope(key: ApiKey): string {
  const scope = scopeSlugsOf(key);
  if (!scope) return 'scope: all';
  const sides = [scope.newsletters && `newsletters ${scope.newsletters.join(',')}`, scope.tags && `tags ${scope.tags.join(',')}`];
  return `scope: ${sides.filter(Boolean).join('; ')}`;
}

/** `npm run keys`: create (prints the secret once), scope (a partner key's limits), list (never a secret), revoke. */
function main(): void {
  let command: string;
  let run: (keys: ApiKeyService) => Promise<void>;
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        expires: { type: 'string' },
        newsletters: { type: 'string' },
        tags: { type: 'string' },
      },
    });
    command = positionals[0] ?? '';
    if (command === 'create') {
      if (!values.name?.trim()) throw new UsageError('create needs --name');
      const input = {
        name: values.name,
        role: roleOf(values.role),
        expiresAt: values.expires ? parseExpiry(values.expires) : null,
        scope: scopeOf(values),
      };
      run = async (keys) => {
        const { key, secret } = await keys.create(input, cliActor());
        console.log(`created key ${key.id} (${key.role}, "${key.name}", expires ${iso(key.expiresAt)}, ${describeScope(key)})`);
        console.log(`secret (shown once, store it now): ${secret}`);
      };
    } else if (command === 'list') {
      run = async (keys) => {
        for (const key of await keys.list()) {
          const state = key.revokedAt ? 'revoked' : key.expiresAt && new Date(key.expiresAt) <= new Date() ? 'expired' : 'active';
          console.log(
            [key.id, key.role, state, `${key.prefix}…`, `"${key.name}"`, `created ${iso(key.createdAt)}`,
              `expires ${iso(key.expiresAt)}`, `last used ${iso(key.lastUsedAt)}`, describeScope(key)].join('  '),
          );
        }
      };
    } else if (command === 'scope') {
      const id = parseId(positionals[1] ?? '', 'ID');
      const scope = scopeOf(values);
      run = async (keys) => {
        const key = await keys.setScope(id, scope, cliActor());
        console.log(`key ${key.id} ("${key.name}") ${describeScope(key)}`);
      };
    } else if (command === 'revoke') {
      const id = parseId(positionals[1] ?? '', 'ID');
      run = async (keys) => {
        const key = await keys.revoke(id, cliActor());
        console.log(`revoked key ${key.id} ("${key.name}") at ${iso(key.revokedAt)}`);
      };
    } else {
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  void runWithDatabase(async ({ dataSource }) => {
    await run(new ApiKeyService(dataSource, loadConfig().keyLastUsedIntervalS));
    return 0;
  });
}

if (require.main === module) main();
