// A posting's progress and its matches, as requesters and donors both see them, and the forms
// with which they answer a match. The commands are the matcher's (POST /api/v1/matches/{id}/...).
import { call } from './api.js';
import { announce, el } from './dom.js';
import { check, clearErrors, describe, showErrors, showRefusal, wholeBetween } from './forms.js';
import { dateTime, number, t, timeLeft } from './i18n.js';
import { placeLabel, placeName, supplyName } from './catalogue.js';

export const STAGES = ['proposed', 'committed', 'dispatched', 'delivered'];
const DONOR_REASONS = ['NO_SUPPLY', 'CANNOT_REACH_AREA', 'OTHER'];
const REQUESTER_REASONS = ['NO_LONGER_NEEDED', 'PREFERS_DIFFERENT', 'OTHER'];

/** The five numbers of a posting: what it asked or gave, then each stage of its matches. */
export function progress(state, firstLabel) {
  const cells = [[firstLabel, state.quantity, 'total']].concat(
    STAGES.map((stage) => [t('stage.' + stage), state[stage + 'Quantity'], stage]),
    [[t('stage.open'), state.remainingQuantity, 'open']],
  );
  return el('dl', { class: 'progress' }, cells.map(([label, value, stage]) =>
    el('div', { class: 'stage stage-' + stage, 'data-stage': stage },
      el('dt', { text: label }), el('dd', { text: number(value) }))));
}

/** Why the matcher made the pair, in the page's language, from the reason's parts. */
export function explanation(match) {
  const reason = match.reason || {};
  const parts = [t('explain.' + (reason.trigger || 'OFFER_ARRIVED'))];
  if (reason.urgency) parts.push(t('explain.urgency', { urgency: t('urgency.' + reason.urgency) }));
  parts.push(t('explain.area', { area: placeLabel(match.matchedArea), country: placeName(match.country) }));
  if (reason.rematchedAfter) parts.push(t('explain.rematched', { what: reason.rematchedAfter }));
  return parts.join(' ');
}

export function statusBadge(status) {
  const shown = status || 'RECEIVED';
  return el('span', { class: 'badge badge-' + shown.toLowerCase(), text: t('status.' + shown) });
}

export function postingBadge(status) {
  return el('span', { class: 'badge posting-' + status.toLowerCase(), text: t('posting.' + status) });
}

function actorName(actor) {
  if (!actor) return t('party.MATCHER');
  return actor.organization || t('party.' + actor.party);
}

function history(match) {
  const steps = (match.history || []).map((step) => el('li', {},
    el('time', { datetime: step.at, text: dateTime(step.at) }), ' ',
    statusBadge(step.status), ' ',
    t('history.by', { actor: actorName(step.actor), quantity: number(step.quantity) }),
    step.reason ? ' · ' + t('reason.' + step.reason) : '',
    step.note ? ' · “' + step.note + '”' : ''));
  return el('details', { class: 'history' }, el('summary', { text: t('match.history', { count: steps.length }) }), el('ol', {}, steps));
}

/**
 * One match. {@code side} is whose page it is on: on a need the other party is the donor, on an
 * offer the requester; a coordinator sees both.
 */
export function matchItem(match, side, actions = []) {
  const parties = {
    need: t('match.fromDonor', { organization: match.donorOrganization }),
    offer: t('match.forRequester', { organization: match.requesterOrganization }),
    coordinator: t('match.between', { donor: match.donorOrganization, requester: match.requesterOrganization, country: placeName(match.country) }),
  };
  const shipped = match.shippedQuantity > 0
    ? t('match.shipped', { quantity: number(match.shippedQuantity), reference: match.shipmentReference || '—' }) : null;
  const received = match.status === 'RECEIVED' ? t('match.received', { quantity: number(match.receivedQuantity) }) : null;
  const due = match.status === 'PROPOSED' && match.respondBy
    ? t('match.respondBy', { when: dateTime(match.respondBy), left: timeLeft(match.respondBy) }) : null;
  return el('li', { class: 'match', 'data-match-id': match.matchId, 'data-status': match.status || 'RECEIVED' },
    el('div', { class: 'match-head' },
      statusBadge(match.status),
      el('strong', { text: parties[side] }),
      el('span', { class: 'quantity', text: number(match.quantity) + ' · ' + supplyName(match.supplyType) })),
    el('p', { class: 'explanation', text: explanation(match) }),
    due && el('p', { class: 'due', text: due }),
    shipped && el('p', { text: shipped }),
    received && el('p', { text: received }),
    actions.length ? el('div', { class: 'actions' }, actions) : null,
    history(match));
}

function reasonSelect(id, reasons) {
  return el('select', { id, name: 'reason', required: true },
    el('option', { value: '', text: t('form.choose') }),
    reasons.map((reason) => el('option', { value: reason, text: t('reason.' + reason) })));
}

function field(id, labelKey, input, name) {
  return el('div', { class: 'field' },
    el('label', { for: id, text: t(labelKey) }), input,
    el('p', { class: 'field-error', 'data-error-for': name, id: id + '-error', 'aria-live': 'polite' }));
}

/**
 * An action on a match behind a disclosure: the form, its checks, the command and, on success,
 * a refresh of the page's lists.
 */
function actionForm(match, { key, command, fields = [], rules = {}, body, refresh, danger = false }) {
  const id = 'm-' + match.matchId.slice(0, 8) + '-' + key;
  const notice = el('p', { class: 'notice', role: 'status', hidden: true });
  const form = el('form', { class: 'action-form', novalidate: true, id }, fields.map((make) => make(id)),
    el('button', { type: 'submit', class: danger ? 'danger' : 'primary', text: t('action.' + key + '.submit') }), notice);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = Object.fromEntries(new FormData(form).entries());
    if (showErrors(form, check(values, rules))) return;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await call('matcher', '/api/v1/matches/' + encodeURIComponent(match.matchId) + '/' + command,
        { method: 'POST', body: body(values), headers: { 'Idempotency-Key': id + '-' + Date.now() } });
      form.closest('details').open = false;
      await refresh();
    } catch (error) {
      showRefusal(form, error, notice);
    } finally {
      button.disabled = false;
    }
  });
  return el('details', { class: 'action' }, el('summary', { class: danger ? 'danger' : '', text: t('action.' + key) }), form);
}

const noteField = (id) => field(id + '-note', 'form.note', el('textarea', { id: id + '-note', name: 'note', rows: 2, maxlength: 1000 }), 'note');

export function declineAction(match, side, refresh) {
  return actionForm(match, {
    key: 'decline', command: 'decline', danger: true, refresh,
    fields: [(id) => field(id + '-reason', 'form.reason', reasonSelect(id + '-reason', side === 'donor' ? DONOR_REASONS : REQUESTER_REASONS), 'reason'), noteField],
    rules: { reason: ['required'], note: ['note'] },
    body: (values) => ({ reason: values.reason, note: values.note || null }),
  });
}

export function acceptButton(match, refresh, notice) {
  return el('button', {
    type: 'button', class: 'primary', 'data-action': 'accept', text: t('action.accept'),
    onclick: async (event) => {
      event.target.disabled = true;
      try {
        await call('matcher', '/api/v1/matches/' + encodeURIComponent(match.matchId) + '/accept',
          { method: 'POST', body: {}, headers: { 'Idempotency-Key': 'accept-' + match.matchId } });
        await refresh();
      } catch (error) {
        notice(error);
        event.target.disabled = false;
      }
    },
  });
}

export function dispatchAction(match, refresh) {
  return actionForm(match, {
    key: 'dispatch', command: 'dispatch', refresh,
    fields: [
      (id) => field(id + '-quantity', 'form.dispatchQuantity',
        el('input', { id: id + '-quantity', name: 'quantity', inputmode: 'numeric', value: String(match.quantity), required: true }), 'quantity'),
      (id) => field(id + '-reference', 'form.shipmentReference', el('input', { id: id + '-reference', name: 'shipmentReference', maxlength: 200 }), 'shipmentReference'),
    ],
    // the matcher takes above 0 and at most what was matched; the rest is released
    rules: { quantity: [wholeBetween(1, match.quantity)] },
    body: (values) => ({ quantity: Number(values.quantity), shipmentReference: values.shipmentReference || null }),
  });
}

export function receiptAction(match, refresh) {
  return actionForm(match, {
    key: 'receipt', command: 'receipt', refresh,
    fields: [
      (id) => field(id + '-received', 'form.receivedQuantity',
        el('input', { id: id + '-received', name: 'receivedQuantity', inputmode: 'numeric', value: String(match.shippedQuantity), required: true }), 'receivedQuantity'),
      noteField,
    ],
    // what arrived in good condition: none at all is a valid answer, more than was shipped is not
    rules: { receivedQuantity: [wholeBetween(0, match.shippedQuantity)], note: ['note'] },
    body: (values) => ({ receivedQuantity: Number(values.receivedQuantity), note: values.note || null }),
  });
}

/** Cancels what is left of a need, or withdraws what is left of an offer, once confirmed. */
export function closeButton({ key, confirmKey, action, close, refresh, notice }) {
  return el('button', {
    type: 'button', class: 'danger', 'data-action': action, text: t(key),
    onclick: async (event) => {
      if (!window.confirm(t(confirmKey))) return;
      event.target.disabled = true;
      try {
        await close();
        await refresh();
      } catch (error) {
        announce(notice, describe(error), 'error');
        event.target.disabled = false;
      }
    },
  });
}
