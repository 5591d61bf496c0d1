// An organisation's notifications: its webhook (URL and secret; the secret is never shown back),
// its recent deliveries, and what it gets by email, in which language.
import { call } from './api.js';
import { $, announce, el } from './dom.js';
import { describe } from './forms.js';
import { dateTime, t } from './i18n.js';

const TYPES = ['match.proposed', 'match.rematched', 'match.accepted', 'match.declined', 'match.lapsed',
  'match.cancelled', 'match.dispatched', 'match.overdue', 'match.received'];

const base = (organisation) => '/api/v1/organisations/' + encodeURIComponent(organisation);

export async function startNotifications(organisation) {
  const form = $('webhook-form');
  if (!form.dataset.wired) {
    form.dataset.wired = 'yes';
    form.addEventListener('submit', (event) => { event.preventDefault(); saveWebhook(organisation); });
    $('webhook-remove').addEventListener('click', () => removeWebhook(organisation));
    $('email-form').addEventListener('submit', (event) => { event.preventDefault(); saveEmail(organisation); });
    $('email-events').replaceChildren(...TYPES.map((type) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'events', value: type }), ' ', el('span', { 'data-i18n': 'notify.' + type, text: t('notify.' + type) }))));
  }
  await Promise.all([loadWebhook(organisation), loadEmail(organisation)]);
}

async function loadWebhook(organisation) {
  try {
    const webhook = await call('matcher', base(organisation) + '/webhook');
    $('webhook-url').value = webhook.url;
    $('webhook-current').textContent = t('notify.current', { url: webhook.url });
    $('webhook-remove').hidden = false;
  } catch (error) {
    $('webhook-current').textContent = error.status === 404 ? t('notify.none') : describe(error);
    $('webhook-remove').hidden = true;
  }
  try {
    renderDeliveries(await call('matcher', base(organisation) + '/webhook/deliveries'));
  } catch (error) {
    announce($('webhook-notice'), describe(error), 'error');
  }
}

function renderDeliveries(attempts) {
  const head = el('thead', {}, el('tr', {}, ['notify.at', 'notify.type', 'notify.attempt', 'notify.status', 'notify.outcome']
    .map((key) => el('th', { scope: 'col', text: t(key) }))));
  const rows = attempts.map((attempt) => el('tr', {},
    el('td', { text: dateTime(attempt.occurredAt) }),
    el('td', { text: t('notify.' + attempt.type) + (attempt.channel === 'email' ? ' · ' + t('notify.byEmail') : '') }),
    el('td', { text: String(attempt.attempt) }),
    el('td', { text: attempt.status ? String(attempt.status) : (attempt.error || '') }),
    el('td', { text: t('notify.outcome.' + attempt.outcome) })));
  $('deliveries').replaceChildren(head, el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 5, text: t('notify.noDeliveries') }))));
}

async function saveWebhook(organisation) {
  const notice = $('webhook-notice');
  const url = $('webhook-url').value.trim();
  const secret = $('webhook-secret').value;
  if (!/^https?:\/\//.test(url)) { announce(notice, t('notify.urlNeeded'), 'error'); return; }
  if (secret.length < 24) { announce(notice, t('notify.secretShort'), 'error'); return; }
  try {
    await call('matcher', base(organisation) + '/webhook', { method: 'PUT', body: { url, secret } });
    $('webhook-secret').value = '';
    announce(notice, t('notify.saved'));
    await loadWebhook(organisation);
  } catch (error) {
    announce(notice, describe(error), 'error');
  }
}

async function removeWebhook(organisation) {
  try {
    await call('matcher', base(organisation) + '/webhook', { method: 'DELETE' });
    $('webhook-url').value = '';
    announce($('webhook-notice'), t('notify.removed'));
    await loadWebhook(organisation);
  } catch (error) {
    announce($('webhook-notice'), describe(error), 'error');
  }
}

async function loadEmail(organisation) {
  try {
    const chosen = await call('matcher', base(organisation) + '/email');
    document.querySelectorAll('#email-events input').forEach((box) => { box.checked = chosen.events.includes(box.value); });
    $('email-language').value = chosen.language;
  } catch (error) {
    announce($('email-notice'), describe(error), 'error');
  }
}

async function saveEmail(organisation) {
  const events = [...document.querySelectorAll('#email-events input:checked')].map((box) => box.value);
  try {
    await call('matcher', base(organisation) + '/email', { method: 'PUT', body: { events, language: $('email-language').value } });
    announce($('email-notice'), t('notify.emailSaved'));
  } catch (error) {
    announce($('email-notice'), describe(error), 'error');
  }
}
