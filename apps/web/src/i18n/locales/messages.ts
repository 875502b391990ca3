/**
 * The shape of another language's strings: every key of the English ones, each a string. A key missing in Tiếng
 * Việt is a compile error (and `i18n.test.ts` checks the placeholders match).
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
