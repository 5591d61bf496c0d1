// The donor's view: post an offer, upload an offers list, answer proposals, dispatch what was
// accepted, and follow each offer.
import { call } from './api.js';
import { bulkUpload } from './bulk.js';
import { fillAreaSelect, fillSupplySelect, placeLabel, supplyName, unitOf } from './catalogue.js';
import { $, announce, el, reconcile } from './dom.js';
import { describe, submitPosting, todayUtc } from './forms.js';
import { date, number, onLanguageChange, t } from './i18n.js';
import { acceptButton, closeButton, declineAction, dispatchAction, matchItem, postingBadge, progress } from './matches.js';
import { every } from './session.js';

const OPEN = ['OPEN', 'PARTIALLY_MATCHED', 'MATCHED'];
let refresh = async () => {};

export function startDonor() {
  const form = $('offer-form');
  fillSupplySelect($('offer-supplyType'));
  fillAreaSelect($('offer-serviceArea'));
  $('offer-availableUntil').min = todayUtc();
  if (!form.dataset.wired) {
    form.dataset.wired = 'yes';
    form.addEventListener('submit', postOffer);
    $('offer-serviceArea-search').addEventListener('input', filterAreas);
    $('offer-serviceArea').addEventListener('change', showChosen);
    form.addEventListener('reset', () => setTimeout(() => { $('offer-serviceArea-search').value = ''; filterAreas(); }));
    bulkUpload({ prefix: 'offers', service: 'offer', path: '/api/v1/offers', onPosted: () => refresh() });
    onLanguageChange(() => {
      fillSupplySelect($('offer-supplyType'));
      fillAreaSelect($('offer-serviceArea'));
      filterAreas();
      ['awaiting-list', 'accepted-list', 'offers-list'].forEach((id) => $(id).replaceChildren());
      refresh();
    });
  }
  refresh = every(4000, loadAll);
}

/** Narrows the area list to names holding the typed text; chosen areas always stay in view. */
function filterAreas() {
  const wanted = $('offer-serviceArea-search').value.trim().toLocaleLowerCase();
  [...$('offer-serviceArea').options].forEach((option) => {
    option.hidden = wanted !== '' && !option.selected && !option.textContent.toLocaleLowerCase().includes(wanted);
  });
  showChosen();
}

function showChosen() {
  const chosen = [...$('offer-serviceArea').selectedOptions].map((option) => option.textContent);
  $('offer-serviceArea-chosen').textContent = chosen.length ? t('form.serviceAreaChosen', { areas: chosen.join(', ') }) : '';
}

async function postOffer(event) {
  event.preventDefault();
  const form = event.target;
  const notice = $('offer-notice');
  const values = Object.fromEntries(new FormData(form).entries());
  values.serviceArea = [...$('offer-serviceArea').selectedOptions].map((option) => option.value);
  await submitPosting(form, notice, {
    values,
    rules: { supplyType: ['required'], quantity: ['quantity'], serviceArea: ['serviceArea'], availableUntil: ['notBeforeToday'], note: ['note'] },
    send: (key) => call('offer', '/api/v1/offers', {
      method: 'POST',
      headers: { 'Idempotency-Key': key },
      body: {
        supplyType: values.supplyType,
        quantity: Number(values.quantity),
        serviceArea: values.serviceArea,
        availableUntil: values.availableUntil || null,
        autoAccept: values.autoAccept === 'on',
        note: values.note || null,
      },
    }),
    done: async (posted) => {
      announce(notice, t('offer.posted', { quantity: number(posted.quantity), supply: supplyName(posted.supplyType) }));
      await refresh();
    },
  });
}

async function loadAll() {
  const [proposed, accepted, offers] = await Promise.all([
    call('matcher', '/api/v1/matches?status=PROPOSED&size=100'),
    call('matcher', '/api/v1/matches?status=ACCEPTED&size=100'),
    call('offer', '/api/v1/offers?size=100'),
  ]);
  const notice = $('answers-notice');
  const fail = (error) => announce(notice, describe(error), 'error');
  const signature = (match) => match.updatedAt + match.status;
  $('awaiting-empty').hidden = proposed.items.length > 0;
  reconcile($('awaiting-list'), proposed.items, (match) => match.matchId, signature,
    (match) => matchItem(match, 'offer', [acceptButton(match, () => refresh(), fail), declineAction(match, 'donor', () => refresh())]));
  $('accepted-empty').hidden = accepted.items.length > 0;
  reconcile($('accepted-list'), accepted.items, (match) => match.matchId, signature,
    (match) => matchItem(match, 'offer', [dispatchAction(match, () => refresh())]));
  $('offers-empty').hidden = offers.items.length > 0;
  reconcile($('offers-list'), offers.items, (offer) => offer.id, (offer) => offer.updatedAt + offer.status, offerItem);
}

function offerItem(offer) {
  const notice = el('p', { class: 'notice', role: 'status', hidden: true });
  const withdraw = OPEN.includes(offer.status) ? closeButton({
    key: 'offer.withdraw', confirmKey: 'offer.withdrawConfirm', action: 'withdraw', notice, refresh: () => refresh(),
    close: () => call('offer', '/api/v1/offers/' + encodeURIComponent(offer.id), { method: 'DELETE' }),
  }) : null;
  return el('li', { class: 'posting card-item', 'data-id': offer.id, 'data-status': offer.status },
    el('div', { class: 'posting-head' },
      el('h3', { text: number(offer.quantity) + ' ' + unitOf(offer.supplyType) + ' · ' + supplyName(offer.supplyType) }),
      postingBadge(offer.status)),
    el('p', { class: 'meta', text: [offer.serviceArea.map(placeLabel).join(', '),
      offer.autoAccept ? t('offer.autoAccepts') : null,
      offer.availableUntil ? t('offer.until', { date: date(offer.availableUntil) }) : null].filter(Boolean).join(' · ') }),
    progress(offer, t('stage.offered')),
    offer.matches.length
      ? el('ol', { class: 'matches' }, offer.matches.map((match) => matchItem(match, 'offer')))
      : el('p', { class: 'empty', text: t('offer.noMatches') }),
    withdraw, notice);
}


