/**
 * A user-facing message produced outside React (operand validators, insight rules).
 * `key` is the English text with i18next `{{placeholders}}`; the UI renders it with
 * `t(message.key, message.params)`. i18next-parser treats `msg(...)` like `t(...)`, so every key
 * written through `msg` is extracted into `locales/`.
 */
export type Message = {
  key: string;
  params?: Record<string, string | number>;
};

export const msg = (key: string, params?: Record<string, string | number>): Message =>
  params ? { key, params } : { key };
