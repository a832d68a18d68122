// How a field of a file becomes a field of the model, as types derived from the zod schemas
// (src/model/schema.ts), so that a field is declared once and the compiler points at every place
// that must handle a new one (the loader's copy, the render input).
//
// The one renaming: snake_case keys become camelCase (`mededeling_beslissing_aan` →
// `mededelingBeslissingAan`, `ter_inzage` → `terInzage`). Values are read leniently by the loader
// (src/load/normalize.ts): empty (null) or of the wrong type is absent, text or a list of text is a
// list, yes/no is a boolean (absent is false), a block's fields are each optional.

/** `mededeling_beslissing_aan` → `mededelingBeslissingAan`. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

type IsList<V> = [Extract<NonNullable<V>, readonly unknown[]>] extends [never] ? false : true;

/** A value as the model holds it; `Optional`: the key may be left out of the file. */
export type Normal<V, Optional extends boolean> = [boolean] extends [NonNullable<V>] // yes/no (also written `ja`/`nee`)
  ? boolean
  : IsList<V> extends true
    ? string[]
    : [NonNullable<V>] extends [string | number]
      ? Optional extends true
        ? string | undefined
        : string
      : NonNullable<V> extends object
        ? Block<NonNullable<V>>
        : never;

/** A block (`consequenties:`, `contact:`): each of its fields optional. */
export type Block<T> = { [K in Extract<keyof T, string> as CamelCase<K>]?: Exclude<Normal<T[K], true>, undefined> };

type IsOptional<T, K extends keyof T> = {} extends Pick<T, K> ? true : false;

/** Every key of a file's data, camelCased, with its normalised value. Keys are required (values may be undefined). */
export type FieldsOf<T> = { [K in Extract<keyof T, string> as CamelCase<K>]: Normal<T[K], IsOptional<T, K>> };
