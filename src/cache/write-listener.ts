import pg from 'pg';
import { WRITES_CHANNEL } from './content-writes';

/** Longest pause between two attempts to reconnect. */
const MAX_BACKOFF_MS = 5000;

/**
 * Hears writes other processes make (the import and retag commands, other API
 * nodes) on one connection of its own, LISTENing on the writes channel. While
 * it is not connected it cannot hear them, so `connected` is false and caches
 * must neither serve nor store; on every (re)connection it calls `onWrite`
 * first, since writes may have gone unheard meanwhile.
 */
export class WriteListener {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private backoffMs = 250;
  connected = false;

  constructor(
    private readonly connectionString: string,
    /** The origin (content-writes.ts originOf) of the pool whose writes purge locally already. */
    private readonly ownOrigin: string,
    private readonly onWrite: () => Promise<void>,
  ) {}

  /** Connects once, resolving either way; a failed attempt is retried in the background. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.connected = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'newsletter-api write listener' });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (message.channel === WRITES_CHANNEL && message.payload !== this.ownOrigin) void this.onWrite();
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${WRITES_CHANNEL}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.client !== client) return;
    await this.onWrite();
    this.connected = true;
    this.backoffMs = 250;
  }

  /** The connection failed or ended: stop trusting the cache, and try again after a pause. */
  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.connected = false;
    void client.end().catch(() => undefined);
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, this.backoffMs);
    this.timer.unref();
    this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs * 2);
  }
}
