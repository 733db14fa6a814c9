/** A language tag as users and templates carry it: `en`, `de`, `de-CH`, `zh-Hant-TW`. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;

export const DEFAULT_LOCALE = 'en';

/** The locales to try for a user's locale, most specific first, ending in English. */
export function localeFallbacks(locale: string | null | undefined): string[] {
  const tags = locale && LOCALE_PATTERN.test(locale) ? [locale] : [];
  const language = locale?.split('-')[0];
  if (language && language !== locale && LOCALE_PATTERN.test(language)) tags.push(language);
  return [...new Set([...tags, DEFAULT_LOCALE])];
}
