import { parseArgs } from 'node:util';
import { cliActor } from '../auth/actor';
import { ApiKeyService } from '../modules/api-key/api-key.service';
import { Role } from '../modules/api-key/role';
import { parseId } from '../common/ids';
import { loadConfig } from '../config';
import { runWithDatabase } from './cli-database';

const USAGE = `usage: npm run keys -- create --role admin|editor|partner --name NAME [--expires 90d|12h|2027-01-31]
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

/** `npm run keys`: create (prints the secret once), list (never a secret), revoke. */
function main(): void {
  let command: string;
  let run: (keys: ApiKeyService) => Promise<void>;
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { role: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' } },
    });
    command = positionals[0] ?? '';
    if (command === 'create') {
      if (!values.name?.trim()) throw new UsageError('create needs --name');
      const input = { name: values.name, role: roleOf(values.role), expiresAt: values.expires ? parseExpiry(values.expires) : null };
      run = async (keys) => {
        const { key, secret } = await keys.create(input, cliActor());
        console.log(`created key ${key.id} (${key.role}, "${key.name}", expires ${iso(key.expiresAt)})`);
        console.log(`secret (shown once, store it now): ${secret}`);
      };
    } else if (command === 'list') {
      run = async (keys) => {
        for (const key of await keys.list()) {
          const state = key.revokedAt ? 'revoked' : key.expiresAt && new Date(key.expiresAt) <= new Date() ? 'expired' : 'active';
          console.log(
            [key.id, key.role, state, `${key.prefix}…`, `"${key.name}"`, `created ${iso(key.createdAt)}`,
              `expires ${iso(key.expiresAt)}`, `last used ${iso(key.lastUsedAt)}`].join('  '),
          );
        }
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
