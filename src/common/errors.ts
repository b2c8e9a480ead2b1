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

/** Client-facing messages, kept in one place. */
export const Messages = {
  adminRequired: 'This operation needs an admin token: send "Authorization: Bearer <ADMIN_TOKEN>".',
  writesDisabled: 'Writes are disabled: the server has no ADMIN_TOKEN configured.',
  internal: 'Internal server error.',
} as const;
