// The coordinator's catalogue: add a supply type, rename one, retire one. Every service takes a
// new type at once; the matcher refuses to change a unit once anything of the type is posted.
import { call } from './api.js';
import { allSupplyTypes, loadSupplyTypes, unitName } from './catalogue.js';
import { $, announce, el } from './dom.js';
import { check, clearErrors, describe, showErrors, showRefusal } from './forms.js';
import { onLanguageChange, t } from './i18n.js';

const CODE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;
const UNIT = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function startCatalogue() {
  if (!$('catalogue-view').dataset.wired) {
    $('catalogue-view').dataset.wired = 'yes';
    $('supply-form').addEventListener('submit', add);
    onLanguageChange(render);
  }
  render();
}

function render() {
  $('supply-types').querySelector('tbody').replaceChildren(...allSupplyTypes().map((type) => el('tr', { 'data-code': type.code },
    el('td', {}, el('code', { text: type.code })),
    el('td', { text: type.name }),
    el('td', { text: t('category.' + type.category) }),
    el('td', { text: unitName(type.unit) }),
    el('td', { text: type.unspsc || '' }),
    el('td', { text: type.retired ? t('catalogue.retired') : t('catalogue.active') }),
    el('td', { class: 'buttons' },
      el('button', { type: 'button', class: 'link', text: t('catalogue.rename'), onclick: () => rename(type) }),
      type.retired ? null : el('button', { type: 'button', class: 'danger', text: t('catalogue.retire'), onclick: () => retire(type) })))));
}

async function changed(message) {
  await loadSupplyTypes();
  render();
  announce($('catalogue-notice'), message);
}

async function add(event) {
  event.preventDefault();
  const form = event.target;
  const notice = $('supply-notice');
  clearErrors(form);
  announce(notice, '');
  const values = Object.fromEntries(new FormData(form).entries());
  values.code = values.code.trim().toUpperCase();
  const errors = check(values, {
    code: ['required', (v) => (!CODE.test(v) ? t('error.code') : null)],
    name: ['required'],
    category: ['required'],
    unit: ['required', (v) => (!UNIT.test(v.trim()) ? t('error.unit') : null)],
    unspsc: [(v) => (v && !/^\d{8}$/.test(v) ? t('error.unspsc') : null)],
  });
  if (showErrors(form, errors)) return;
  try {
    const type = await call('matcher', '/api/v1/supply-types', { method: 'POST', body: {
      code: values.code, name: values.name.trim(), category: values.category, unit: values.unit.trim(), unspsc: values.unspsc || null,
    } });
    form.reset();
    await changed(t('catalogue.added', { code: type.code }));
  } catch (error) {
    showRefusal(form, error, notice);
  }
}

async function rename(type) {
  const name = window.prompt(t('catalogue.renamePrompt', { code: type.code }), type.name);
  if (name === null || name.trim() === '' || name.trim() === type.name) return;
  try {
    await call('matcher', '/api/v1/supply-types/' + encodeURIComponent(type.code), { method: 'PUT', body: {
      name: name.trim(), category: type.category, unit: type.unit, unspsc: type.unspsc,
    } });
    await changed(t('catalogue.renamed', { code: type.code }));
  } catch (error) {
    announce($('catalogue-notice'), describe(error), 'error');
  }
}

async function retire(type) {
  if (!window.confirm(t('catalogue.retireConfirm', { name: type.name }))) return;
  try {
    await call('matcher', '/api/v1/supply-types/' + encodeURIComponent(type.code) + '/retirement', { method: 'POST' });
    await changed(t('catalogue.retiredNotice', { name: type.name }));
  } catch (error) {
    announce($('catalogue-notice'), describe(error), 'error');
  }
}
