/** Postgres' SQLSTATE for a unique-constraint violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * Runs a write that a concurrent one may beat to a unique value (a slug, a
 * domain), answering the violation as `refusal()`: the transaction rolls back
 * either way, and the client gets a field error instead of a masked one.
 */
export async function unlessTaken<T>(write: Promise<T>, refusal: () => Error): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
    if (code === UNIQUE_VIOLATION) throw refusal();
    throw error;
  }
}
