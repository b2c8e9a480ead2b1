import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { Database, openDatabase } from '../db/database';

/** Runs a command-line task against the configured database (embedded unless DATABASE_URL is set). */
export async function runWithDatabase(task: (database: Database) => Promise<number>): Promise<void> {
  let database: Database | null = null;
  try {
    database = await openDatabase(loadConfig());
    process.exitCode = await task(database);
  } catch (error) {
    console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}
