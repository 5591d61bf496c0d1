// An organisation's keys: issue one (shown once, here, and never again), list them by prefix with
// their last use, revoke one. Used by coordinators for any organisation and by an organisation's
// own admin keys for their own.
import { call } from './api.js';
import { $, announce, el } from './dom.js';
import { describe } from './forms.js';
import { dateTime, t } from './i18n.js';

const path = (organisation) => '/api/v1/organisations/' + encodeURIComponent(organisation) + '/keys';

/** Fills {@code panel} with the keys of {@code organisation} and the form that issues one. */
export async function keysPanel(panel, organisation) {
  const id = panel.id;
  const notice = el('p', { id: id + '-notice', class: 'notice', role: 'status', hidden: true });
  const issued = el('div', { id: id + '-issued', class: 'issued', hidden: true });
  const label = el('input', { id: id + '-label', name: 'label', maxlength: 80 });
  const admin = el('input', { id: id + '-admin', name: 'admin', type: 'checkbox', 'aria-describedby': id + '-admin-hint' });
  const form = el('form', { class: 'inline-form', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: label.id, text: t('keys.label') }), label),
    el('div', { class: 'field check' }, admin, el('label', { for: admin.id, text: t('keys.admin') }),
      el('p', { id: id + '-admin-hint', class: 'hint', text: t('keys.adminHint') })),
    el('button', { type: 'submit', class: 'primary', text: t('keys.issue') }));
  const table = el('table', { class: 'compact' });
  const wrap = el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('keys.list') }, table);
  panel.replaceChildren(form, issued, notice, wrap);

  const refresh = async () => {
    try {
      renderKeys(table, await call('matcher', path(organisation)), revoke);
    } catch (error) {
      announce(notice, describe(error), 'error');
    }
  };
  const revoke = async (key) => {
    if (!window.confirm(t('keys.revokeConfirm', { prefix: key.prefix }))) return;
    try {
      await call('matcher', path(organisation) + '/' + encodeURIComponent(key.keyId), { method: 'DELETE' });
      announce(notice, t('keys.revoked', { prefix: key.prefix }));
      await refresh();
    } catch (error) {
      announce(notice, describe(error), 'error');
    }
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const made = await call('matcher', path(organisation), { method: 'POST', body: { label: label.value.trim() || null, admin: admin.checked } });
      form.reset();
      showOnce(issued, made.key);
      announce(notice, '');
      await refresh();
    } catch (error) {
      announce(notice, describe(error), 'error');
    } finally {
      button.disabled = false;
    }
  });
  await refresh();
}

/** The new key, with the warning that it is not shown again; it goes when the panel is rebuilt. */
function showOnce(box, key) {
  const code = el('code', { class: 'key', text: key, tabindex: 0 });
  const copy = el('button', { type: 'button', class: 'link', text: t('keys.copy') });
  copy.addEventListener('click', () => navigator.clipboard && navigator.clipboard.writeText(key));
  box.replaceChildren(el('p', { role: 'alert', text: t('keys.once') }), code, ' ', copy);
  box.hidden = false;
  code.focus();
}

function renderKeys(table, keys, revoke) {
  const head = el('thead', {}, el('tr', {},
    ['keys.prefix', 'keys.labelColumn', 'keys.kind', 'keys.issued', 'keys.lastUsed', 'keys.state', 'organisations.actions']
      .map((key) => el('th', { scope: 'col', text: t(key) }))));
  const rows = keys.map((key) => el('tr', { 'data-key-id': key.keyId },
    el('td', {}, el('code', { text: key.prefix + '…' })),
    el('td', { text: key.label || '' }),
    el('td', { text: key.admin ? t('keys.kindAdmin') : t('keys.kindPlain') }),
    el('td', { text: t('keys.issuedBy', { by: key.issuedBy, at: dateTime(key.issuedAt) }) }),
    el('td', { text: key.lastUsedAt ? dateTime(key.lastUsedAt) : t('keys.never') }),
    el('td', { text: key.revokedAt ? t('keys.revokedAt', { by: key.revokedBy, at: dateTime(key.revokedAt) }) : t('keys.works') }),
    el('td', {}, key.revokedAt ? '' : el('button', { type: 'button', class: 'danger', text: t('keys.revoke'), onclick: () => revoke(key) }))));
  table.replaceChildren(head, el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 7, text: t('keys.none') }))));
}

/** The keys view of an organisation's own admin. */
export function startOwnKeys(organisation) {
  keysPanel($('own-keys-panel'), organisation);
}
