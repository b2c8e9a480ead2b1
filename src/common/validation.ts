import type * as ClassValidator from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';

/**
 * class-validator's decorators and validator, each loaded from its own file:
 * the package's index loads every validator it has (and a phone-number
 * library), a tenth of a cold start, for the few used here. Import them from
 * here, never from 'class-validator' itself (the version is pinned; it has no
 * exports map, so these files are its public surface too).
 */
type CV = typeof ClassValidator;
/* eslint-disable @typescript-eslint/no-require-imports -- single files of class-validator, see above */
const decorator = <K extends keyof CV>(folder: string, name: K): CV[K] => (require(`class-validator/cjs/decorator/${folder}/${name}`) as CV)[name];
const { Validator } = require('class-validator/cjs/validation/Validator') as Pick<CV, 'Validator'>;
/* eslint-enable @typescript-eslint/no-require-imports */

export type { ValidationError } from 'class-validator';
export const ArrayMaxSize = decorator('array', 'ArrayMaxSize');
export const ArrayNotEmpty = decorator('array', 'ArrayNotEmpty');
export const IsDefined = decorator('common', 'IsDefined');
export const IsOptional = decorator('common', 'IsOptional');
export const ValidateBy = decorator('common', 'ValidateBy');
export const ValidateIf = decorator('common', 'ValidateIf');
export const ValidateNested = decorator('common', 'ValidateNested');
export const MaxDate = decorator('date', 'MaxDate');
export const MinDate = decorator('date', 'MinDate');
export const Max = decorator('number', 'Max');
export const Min = decorator('number', 'Min');
export const IsUrl = decorator('string', 'IsUrl');
export const Length = decorator('string', 'Length');
export const Matches = decorator('string', 'Matches');
export const MaxLength = decorator('string', 'MaxLength');
export const MinLength = decorator('string', 'MinLength');
export const IsBoolean = decorator('typechecker', 'IsBoolean');

const validator = new Validator();

/** class-validator's `validate`: the failures of an object's decorated fields. */
export function validate(object: object, options?: ClassValidator.ValidatorOptions): Promise<ClassValidator.ValidationError[]> {
  return validator.validate(object, options);
}

/**
 * type-graphql's check of each argument (its `validateFn`), as its built-in
 * one does it with the validator above: objects and lists of them, missing
 * properties skipped, values of no known class allowed.
 */
export async function validateArgument(value: unknown): Promise<void> {
  const options = { skipMissingProperties: true, forbidUnknownValues: false };
  for (const item of Array.isArray(value) ? value : [value]) {
    if (item === null || typeof item !== 'object') continue;
    const failures = await validator.validate(item as object, options);
    if (failures.length) throw new ArgumentValidationError(failures);
  }
}

/**
 * For an optional input field that cannot be cleared: leaving it out keeps the
 * stored value, an explicit null is refused (validation otherwise skips nulls).
 */
export function NotNull(): PropertyDecorator {
  return (target, property) => {
    ValidateIf((_, value) => value !== undefined)(target, property);
    IsDefined({ message: `${String(property)} cannot be null: leave it out to keep the current value` })(target, property);
  };
}
