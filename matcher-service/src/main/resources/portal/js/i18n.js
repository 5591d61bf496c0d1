// Every string of the portal comes from one message file per language, i18n/<code>.json. The
// server lists the files it has (/portal/settings), so adding a language is adding a file.
const CHOSEN = 'aidmatch.language';
const listeners = [];
let available = [];
let current = 'en';
let messages = {};
let english = {};

async function load(code) {
  const response = await fetch('i18n/' + encodeURIComponent(code) + '.json');
  if (!response.ok) throw new Error('no messages for ' + code);
  return response.json();
}

/** The browser's first language we have, unless this browser chose one before. */
function preferred() {
  const codes = available.map((lang) => lang.code);
  const wanted = [localStorage.getItem(CHOSEN), ...(navigator.languages || [navigator.language])];
  for (const tag of wanted) {
    if (!tag) continue;
    const base = tag.toLowerCase().split('-')[0];
    if (codes.includes(base)) return base;
  }
  return codes.includes('en') ? 'en' : codes[0];
}

export async function init(languages) {
  available = languages;
  english = await load('en');
  await use(preferred(), false);
}

export async function use(code, remember = true) {
  messages = code === 'en' ? english : await load(code);
  current = code;
  if (remember) localStorage.setItem(CHOSEN, code);
  const info = available.find((lang) => lang.code === code) || {};
  document.documentElement.lang = code;
  document.documentElement.dir = info.direction || 'ltr';
  apply(document);
  // in order: the portal's own listener reloads the place names the others then show
  for (const listener of listeners) await listener(code);
}

export const languages = () => available;
export const language = () => current;
export const onLanguageChange = (listener) => listeners.push(listener);

/** The message for the key, with {name} placeholders filled; English when this language lacks it. */
export function t(key, params = {}) {
  const text = messages[key] ?? english[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? params[name] : whole));
}

/** Whether the language has its own message for the key (supply names fall back to the catalogue's). */
export const has = (key) => key in messages || key in english;

/** Whether this language, not English, has a message for the key. */
export const translated = (key) => current !== 'en' && key in messages;

export function apply(root) {
  root.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  for (const attribute of ['placeholder', 'title', 'aria-label']) {
    root.querySelectorAll('[data-i18n-' + attribute + ']').forEach((node) => {
      node.setAttribute(attribute, t(node.getAttribute('data-i18n-' + attribute)));
    });
  }
  document.title = t('page.title');
}

export const number = (value) => new Intl.NumberFormat(current).format(value);

export function dateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
    .format(new Date(iso)) + ' UTC';
}

export function date(isoDate) {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(isoDate + 'T00:00:00Z'));
}

/** "in 5 h", "in 2 days": how long is left until the instant. */
export function timeLeft(iso) {
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  const format = new Intl.RelativeTimeFormat(current, { numeric: 'auto' });
  if (Math.abs(seconds) < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (Math.abs(seconds) < 172800) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86400), 'day');
}
