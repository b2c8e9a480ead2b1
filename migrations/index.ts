import type { MigrationInterface } from 'typeorm';
import { Initial1795900000000 } from './1795900000000-Initial';

/** Every migration, in order; listed explicitly so the build and the tests load the same set. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [Initial1795900000000];
