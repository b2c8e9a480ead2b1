import { IsDefined, ValidateIf } from 'class-validator';

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
