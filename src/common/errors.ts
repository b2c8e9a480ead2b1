import { GraphQLError } from 'graphql';

/** Errors a client may see; each carries a stable `extensions.code`. Anything else is masked. */
export class AppError extends GraphQLError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...details } });
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('BAD_USER_INPUT', message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: number | string, field?: string) {
    super('NOT_FOUND', `${entity} ${id} does not exist.`, field ? { field } : undefined);
  }
}

/** An edit based on a version of the issue that is no longer current; nothing was written. */
export class ConflictError extends AppError {
  constructor(issueId: number, expectedVersion: number, currentVersion: number) {
    super(
      'CONFLICT',
      `Issue ${issueId} is at version ${currentVersion}, not ${expectedVersion}: someone else changed it. Reload and try again.`,
      { issueId, expectedVersion, currentVersion, field: 'expectedVersion' },
    );
  }
}

/** Client-facing messages, kept in one place. */
export const Messages = {
  keyRequired: 'This operation needs an API key: send "Authorization: Bearer <key>".',
  badKey: 'The API key is not valid: it is unknown, revoked or expired.',
  feedTokenAsKey: 'This is a feed token: it reads feeds only (as ?token= on a /feeds URL). Send an API key to /graphql.',
  badFeedToken: 'The feed token is not valid: it is unknown or revoked, or its API key is revoked or expired.',
  roleRequired: (role: string) => `This operation needs a key with the ${role} role.`,
  internal: 'Internal server error.',
} as const;
