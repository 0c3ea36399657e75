import type { Finding, MessageArgs } from '../finding';
import { en, type MessageId } from './en';
import { zhCn } from './zh-cn';

export type { MessageId };
export type Language = 'en' | 'zh-cn';

const catalogs: Record<Language, Record<MessageId, string>> = { en, 'zh-cn': zhCn };

/** Maps a locale such as "zh-CN", "zh-Hans" or "en-US" to a language Peakend speaks. */
export function toLanguage(locale: string | undefined): Language {
  // POSIX locales write zh_TW.UTF-8; BCP 47 writes zh-TW or zh-Hant.
  const l = (locale ?? '').toLowerCase().replace(/_/g, '-');
  return l.startsWith('zh') && !/^zh-(tw|hk|mo|hant)/.test(l) ? 'zh-cn' : 'en';
}

export function renderMessage(id: MessageId, args: MessageArgs, lang: Language = 'en'): string {
  const catalog = catalogs[lang];
  const template = own(catalog, id) ?? own(en, id) ?? String(id);
  return template.replace(/\{(\w+)(\|entity)?\}/g, (whole, name: string, entity?: string) => {
    const value = own(args, name);
    if (value === undefined) return whole;
    // An argument naming another message ({ message: "type.string" }) is rendered in the same language.
    if (typeof value === 'object') return own(catalog, value.message) !== undefined || own(en, value.message) !== undefined ? renderMessage(value.message as MessageId, value.args ?? {}, lang) : String(value.message);
    if (entity) return own(catalog, `entity.${value}`) ?? String(value);
    return String(value);
  });
}

/** A catalog entry or argument by own property only: "constructor" or "__proto__" are not entries. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The finding with its message and fix titles rendered in `lang`. */
export function localizeFinding(f: Finding, lang: Language): Finding {
  if (lang === 'en') return f;
  return {
    ...f,
    message: renderMessage(f.messageId as MessageId, f.args, lang),
    related: f.related?.map((r) => ({ ...r, message: r.messageId ? renderMessage(r.messageId as MessageId, r.args ?? {}, lang) : r.message })),
    fixes: f.fixes?.map((x) => ({ ...x, title: x.messageId ? renderMessage(x.messageId as MessageId, x.args ?? {}, lang) : x.title })),
  };
}
