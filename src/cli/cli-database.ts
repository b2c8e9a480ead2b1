import 'reflect-metadata';
import { AppError } from '../common/errors';
import { loadConfig } from '../config';
import { ConfigError } from '../config.read';
import { Database, openDatabase } from '../db/database';

/** Runs a command-line task against the configured database (embedded unless DATABASE_URL is set). */
export async function runWithDatabase(task: (database: Database) => Promise<number>): Promise<void> {
  let database: Database | null = null;
  try {
    database = await openDatabase(loadConfig());
    process.exitCode = await task(database);
  } catch (error) {
    if (error instanceof ConfigError) console.error(`configuration error: ${error.message}`);
    else if (error instanceof AppError) console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}
