/**
 * The type of a `@Root()` parameter. Reads return plain objects; a class type
 * there would make type-graphql copy each parent into a new entity instance
 * before every field resolver call, whereas a mapped type is reflected as
 * Object, which it hands over as it is.
 */
export type RootOf<T> = Readonly<T>;
