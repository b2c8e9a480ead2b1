/** Accumulates AND-ed conditions and their positional parameters for one raw SQL statement. */
export class SqlWhere {
  private readonly conditions: string[] = [];

  constructor(readonly params: unknown[] = []) {}

  /** Registers a parameter and returns its placeholder (`$1`, `$2`, ...). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  and(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** Another list of conditions over the same parameters, for a statement that filters in several places. */
  branch(): SqlWhere {
    return new SqlWhere(this.params);
  }

  /** The conditions AND-ed together; TRUE when there are none. */
  condition(): string {
    return this.conditions.length ? this.conditions.join(' AND ') : 'TRUE';
  }

  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
