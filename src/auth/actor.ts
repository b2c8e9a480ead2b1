/** Who made a write, as the audit trail records it. */
export interface Actor {
  kind: 'API_KEY' | 'ADMIN_TOKEN' | 'CLI' | 'SYSTEM';
  /** The key's id when `kind` is API_KEY. */
  keyId: number | null;
  name: string;
}

export const ADMIN_TOKEN_ACTOR: Actor = Object.freeze({ kind: 'ADMIN_TOKEN', keyId: null, name: 'admin token' });
export const SCHEDULER_ACTOR: Actor = Object.freeze({ kind: 'SYSTEM', keyId: null, name: 'scheduler' });

/** The actor of a command-line run: the command as typed, so the log says what was run. */
export function cliActor(argv: readonly string[] = process.argv): Actor {
  const command = argv.slice(1).map((part) => part.split('/').slice(-2).join('/')).join(' ');
  return { kind: 'CLI', keyId: null, name: `cli: ${command}`.slice(0, 500) };
}
