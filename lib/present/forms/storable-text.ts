// Text PostgreSQL cannot store, or that no keyboard types: NUL and the other control characters
// (tab and line breaks are fine), and halves of a UTF-16 surrogate pair, which have no UTF-8
// form. Such input is refused with a field error rather than failing in the database.
const UNSTORABLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}
