// The coordinator's directory: applications to approve or reject, every organisation with its
// status, suspension and reinstatement, registering one directly, and any organisation's keys.
import { call } from './api.js';
import { fillCountrySelect, placeName } from './catalogue.js';
import { submitOrganisation } from './directory.js';
import { $, announce, el, reconcile } from './dom.js';
import { describe } from './forms.js';
import { dateTime, onLanguageChange, t } from './i18n.js';
import { keysPanel } from './keys.js';
import { every } from './session.js';

const BASE = '/api/v1/organisations';
const path = (name) => BASE + '/' + encodeURIComponent(name);
let refresh = async () => {};

export function startOrganisations() {
  fillCountrySelect($('register-country'));
  if (!$('organisations-view').dataset.wired) {
    $('organisations-view').dataset.wired = 'yes';
    $('register-form').addEventListener('submit', register);
    $('directory-status').addEventListener('change', () => refresh());
    onLanguageChange(() => {
      fillCountrySelect($('register-country'));
      $('applications-list').replaceChildren();
      refresh();
    });
  }
  $('org-keys').hidden = true;
  refresh = every(5000, loadAll);
}

async function loadAll() {
  const status = $('directory-status').value;
  const [pending, all] = await Promise.all([
    call('matcher', BASE + '?status=PENDING'),
    call('matcher', BASE + (status ? '?status=' + status : '')),
  ]);
  $('applications-empty').hidden = pending.length > 0;
  reconcile($('applications-list'), pending, (org) => org.name, (org) => org.version + document.documentElement.lang, applicationItem);
  renderDirectory(all);
}

function roleNames(roles) {
  return roles.map((role) => t('role.' + role)).join(', ');
}

function applicationItem(org) {
  const applied = org.decisions[0] || {};
  const note = el('textarea', { id: 'decide-' + org.version + '-' + cssId(org.name), rows: 2, maxlength: 1000 });
  const notice = el('p', { class: 'notice', role: 'status', hidden: true });
  const decide = (step) => async () => {
    try {
      await call('matcher', path(org.name) + '/' + step, { method: 'POST', body: { note: note.value.trim() || null } });
      announce($('organisations-notice'), t(step === 'approval' ? 'organisations.approved' : 'organisations.rejected', { name: org.name }));
      await refresh();
      if (step === 'approval') showKeys(org.name);
    } catch (error) {
      announce(notice, describe(error), 'error');
    }
  };
  return el('li', { class: 'posting' },
    el('h3', { text: org.name }),
    el('p', { text: [t('orgType.' + org.type), placeName(org.country), org.contactEmail].join(' · ') }),
    el('p', { text: t('organisations.asks', { roles: roleNames(org.roles), at: dateTime(applied.at) }) }),
    applied.note ? el('blockquote', { text: applied.note }) : null,
    el('div', { class: 'field' }, el('label', { for: note.id, text: t('organisations.decisionNote') }), note),
    el('p', { class: 'buttons' },
      el('button', { type: 'button', class: 'primary', text: t('organisations.approve'), onclick: decide('approval') }),
      el('button', { type: 'button', class: 'danger', text: t('organisations.reject'), onclick: decide('rejection') })),
    notice);
}

function renderDirectory(all) {
  $('directory-empty').hidden = all.length > 0;
  $('directory').hidden = all.length === 0;
  $('directory').querySelector('tbody').replaceChildren(...all.map((org) => el('tr', {},
    el('th', { scope: 'row', text: org.name }),
    el('td', { text: placeName(org.country) }),
    el('td', { text: t('orgType.' + org.type) }),
    el('td', { text: roleNames(org.roles) }),
    el('td', { text: t('orgStatus.' + org.status) + (org.approvedBy ? ' · ' + t('organisations.approvedBy', { by: org.approvedBy }) : '') }),
    el('td', { class: 'buttons' },
      org.status === 'ACTIVE' ? el('button', { type: 'button', class: 'link', text: t('organisations.keys'), onclick: () => showKeys(org.name) }) : null,
      org.status === 'ACTIVE' ? el('button', { type: 'button', class: 'danger', text: t('organisations.suspend'), onclick: () => suspend(org) }) : null,
      org.status === 'SUSPENDED' ? el('button', { type: 'button', text: t('organisations.reinstate'), onclick: () => reinstate(org) }) : null))));
}

async function suspend(org) {
  const note = window.prompt(t('organisations.suspendConfirm', { name: org.name }));
  if (note === null) return;
  try {
    const result = await call('matcher', path(org.name) + '/suspension', { method: 'POST', body: { note: note.trim() || null } });
    announce($('organisations-notice'), t('organisations.suspended', { name: org.name, requests: result.requestsWithdrawn, offers: result.offersWithdrawn }));
    $('org-keys').hidden = true;
    await refresh();
  } catch (error) {
    announce($('organisations-notice'), describe(error), 'error');
  }
}

async function reinstate(org) {
  try {
    await call('matcher', path(org.name) + '/reinstatement', { method: 'POST', body: {} });
    announce($('organisations-notice'), t('organisations.reinstated', { name: org.name }));
    await refresh();
  } catch (error) {
    announce($('organisations-notice'), describe(error), 'error');
  }
}

function showKeys(name) {
  $('org-keys-title').textContent = t('organisations.keysOf', { name });
  $('org-keys').hidden = false;
  keysPanel($('org-keys-panel'), name);
  $('org-keys').scrollIntoView({ block: 'start' });
}

function register(event) {
  event.preventDefault();
  submitOrganisation(
    event.target,
    $('register-notice'),
    (body) => call('matcher', BASE, { method: 'POST', body }),
    async (made) => {
      announce($('register-notice'), t('organisations.registered', { name: made.name }));
      await refresh();
      showKeys(made.name);
    },
  );
}

const cssId = (text) => text.replace(/[^A-Za-z0-9]+/g, '-');
