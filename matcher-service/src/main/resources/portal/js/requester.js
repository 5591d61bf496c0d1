// The requester's view: post a need, upload a needs list, follow each need and answer its matches.
import { call } from './api.js';
import { bulkUpload } from './bulk.js';
import { fillCountrySelect, fillSupplySelect, placeName, supplyName, unitOf } from './catalogue.js';
import { $, announce, el, reconcile } from './dom.js';
import { submitPosting, todayUtc } from './forms.js';
import { date, number, onLanguageChange, t } from './i18n.js';
import { closeButton, declineAction, matchItem, postingBadge, progress, receiptAction } from './matches.js';
import { every } from './session.js';

const OPEN = ['OPEN', 'PARTIALLY_MATCHED', 'MATCHED'];
let refresh = async () => {};

export function startRequester() {
  const form = $('need-form');
  fillSupplySelect($('need-supplyType'));
  fillCountrySelect($('need-country'));
  $('need-neededBy').min = todayUtc();
  if (!form.dataset.wired) {
    form.dataset.wired = 'yes';
    form.addEventListener('submit', postNeed);
    bulkUpload({ prefix: 'needs', service: 'request', path: '/api/v1/requests', onPosted: () => refresh() });
    onLanguageChange(() => { fillSupplySelect($('need-supplyType')); fillCountrySelect($('need-country')); $('needs-list').replaceChildren(); refresh(); });
  }
  refresh = every(4000, loadNeeds);
}

async function postNeed(event) {
  event.preventDefault();
  const form = event.target;
  const notice = $('need-notice');
  const values = Object.fromEntries(new FormData(form).entries());
  await submitPosting(form, notice, {
    values,
    rules: { supplyType: ['required'], quantity: ['quantity'], country: ['required'], neededBy: ['notBeforeToday'], note: ['note'] },
    send: (key) => call('request', '/api/v1/requests', {
      method: 'POST',
      headers: { 'Idempotency-Key': key },
      body: {
        supplyType: values.supplyType,
        quantity: Number(values.quantity),
        country: values.country,
        urgency: values.urgency || null,
        neededBy: values.neededBy || null,
        note: values.note || null,
      },
    }),
    done: async (posted) => {
      announce(notice, t('need.posted', { quantity: number(posted.quantity), supply: supplyName(posted.supplyType), country: placeName(posted.country) }));
      await refresh();
    },
  });
}

async function loadNeeds() {
  const page = await call('request', '/api/v1/requests?size=100');
  $('needs-empty').hidden = page.items.length > 0;
  reconcile($('needs-list'), page.items, (need) => need.id, (need) => need.updatedAt + need.status, needItem);
}

function needItem(need) {
  const notice = el('p', { class: 'notice', role: 'status', hidden: true });
  const matches = need.matches.map((match) => {
    const actions = [];
    if (['PROPOSED', 'ACCEPTED'].includes(match.status)) actions.push(declineAction(match, 'requester', () => refresh()));
    if (['DISPATCHED', 'OVERDUE'].includes(match.status)) actions.push(receiptAction(match, () => refresh()));
    return matchItem(match, 'need', actions);
  });
  const open = OPEN.includes(need.status) && need.remainingQuantity + need.proposedQuantity + need.committedQuantity > 0;
  const cancel = open ? closeButton({
    key: 'need.cancel', confirmKey: 'need.cancelConfirm', action: 'cancel', notice, refresh: () => refresh(),
    close: () => call('request', '/api/v1/requests/' + encodeURIComponent(need.id), { method: 'DELETE' }),
  }) : null;
  return el('li', { class: 'posting card-item', 'data-id': need.id, 'data-status': need.status },
    el('div', { class: 'posting-head' },
      el('h3', { text: number(need.quantity) + ' ' + unitOf(need.supplyType) + ' · ' + supplyName(need.supplyType) }),
      postingBadge(need.status)),
    el('p', { class: 'meta', text: [placeName(need.country), t('urgency.' + need.urgency),
      need.neededBy ? t('need.neededBy', { date: date(need.neededBy) }) : null].filter(Boolean).join(' · ') }),
    progress(need, t('stage.requested')),
    matches.length ? el('ol', { class: 'matches' }, matches) : el('p', { class: 'empty', text: t('need.noMatches') }),
    cancel, notice);
}
