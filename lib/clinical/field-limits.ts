// What a form field accepts, defined once per field: its zod schema (lib/present/forms/form-input.ts)
// and its error text (lib/present/forms/error-text.ts) both read the same limit, so a message such as
// "a whole number from 0 to 10" or "at most 2,000 characters" can never disagree with the check.

export type NumberLimit = { min: number; max: number; decimals: number };
export type TextLimit = { maxLength: number };
export type FieldLimit = Partial<NumberLimit & TextLimit>;
export type FieldLimits = Partial<Record<string, FieldLimit>>;

export const numberLimit = (min: number, max: number, decimals = 0): NumberLimit => ({ min, max, decimals });
export const textLimit = (maxLength: number): TextLimit => ({ maxLength });
