import pg from 'pg';
import type { BenchDatabase } from './archive';

/**
 * Watches Postgres for the bench. Counts the SQL statements a server sends per request, the same way for both:
 * Postgres logs every statement (log_statement = all) for the length of a few
 * requests sent one at a time, and the lines carrying the server's
 * application_name are counted. Logging is off during the timed rounds.
 */
export class PostgresProbe {
  private buffer = '';
  private readonly counts = new Map<string, number>();

  private constructor(
    private readonly database: BenchDatabase,
    private readonly admin: pg.Client,
  ) {}

  static async open(database: BenchDatabase): Promise<PostgresProbe | null> {
    // Only the embedded server's log can be read.
    if (!database.server) return null;
    const admin = new pg.Client({ connectionString: database.url, application_name: 'bench' });
    await admin.connect();
    return new PostgresProbe(database, admin);
  }

  private read(text: string): void {
    this.buffer += text;
    const lines = this.buffer.split('\n');
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^([^|]*)\|LOG:\s+(?:statement|execute [^:]*):/.exec(line);
      if (match) this.counts.set(match[1], (this.counts.get(match[1]) ?? 0) + 1);
    }
  }

  /** Statements per request that the client named `applicationName` sent while `send` ran `requests` requests. */
  async perRequest(applicationName: string, requests: number, send: () => Promise<void>): Promise<number> {
    this.counts.clear();
    this.database.onLog((text) => this.read(text));
    await this.admin.query("ALTER SYSTEM SET log_statement = 'all'");
    await this.admin.query('SELECT pg_reload_conf()');
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      await send();
    } finally {
      await this.admin.query('ALTER SYSTEM RESET log_statement');
      await this.admin.query('SELECT pg_reload_conf()');
      // The log reaches us through a pipe: give the last lines time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 500));
      this.database.onLog(null);
    }
    return (this.counts.get(applicationName) ?? 0) / requests;
  }

  /** Postgres backend pids serving `applicationName` now (their CPU is the server's share of Postgres work). */
  async backends(applicationName: string): Promise<number[]> {
    const { rows } = await this.admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
      applicationName,
    ]);
    return rows.map((row) => row.pid);
  }

  close(): Promise<void> {
    return this.admin.end();
  }
}
