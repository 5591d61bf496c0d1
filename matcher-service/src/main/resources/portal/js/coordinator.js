// The coordinator's view: the map and the stage chart, proposals about to lapse and deliveries
// overdue, the gap table, and the matches as they are made. One poller for the gaps and the
// stalled list, and one live stream, both stopped at sign-out.
import { call, download } from './api.js';
import { STAGES, drawChart, drawMap, resetPictures } from './atlas.js';
import { fillCountrySelect, fillSupplySelect, placeName, supplyName } from './catalogue.js';
import { $, announce, el, reconcile } from './dom.js';
import { describe } from './forms.js';
import { number, onLanguageChange, t } from './i18n.js';
import { followMatches } from './live.js';
import { matchItem } from './matches.js';
import { every, whileSignedIn } from './session.js';

let rows = [];
let drawn = null;
let refresh = async () => {};
let chosenCountry = null;

const filters = () => {
  const params = new URLSearchParams();
  if ($('filter-supply').value) params.set('supplyType', $('filter-supply').value);
  if ($('filter-country').value) params.set('country', $('filter-country').value);
  return params;
};

export function startCoordinator() {
  fillSupplySelect($('filter-supply'), { withAll: true });
  fillCountrySelect($('filter-country'), { withAll: true });
  fillSupplySelect($('map-supply'), { withAll: true });
  if (!$('coordinator-view').dataset.wired) {
    $('coordinator-view').dataset.wired = 'yes';
    $('filter-supply').addEventListener('change', () => { refresh(); live.refilter(); });
    $('filter-country').addEventListener('change', () => { refresh(); live.refilter(); });
    $('map-supply').addEventListener('change', () => { drawn = null; drawPictures(); });
    $('export-gaps').addEventListener('click', () => exportCsv('/api/v1/gaps/export.csv?', 'aidmatch-gaps.csv'));
    $('export-matches').addEventListener('click', () => exportCsv('/api/v1/matches/export.csv?', 'aidmatch-matches.csv'));
    onLanguageChange(() => {
      fillSupplySelect($('filter-supply'), { withAll: true });
      fillCountrySelect($('filter-country'), { withAll: true });
      fillSupplySelect($('map-supply'), { withAll: true });
      resetPictures();
      drawn = null;
      $('stalled-list').replaceChildren();
      refresh();
      live.reload();
    });
  }
  drawn = null;
  refresh = every(3000, loadAll);
  live.start();
  whileSignedIn(() => live.stop());
}

const live = followMatches({
  list: () => $('matches'),
  empty: () => $('matches-empty'),
  connection: () => $('connection'),
  filters,
  onChange: () => setTimeout(() => refresh(), 300),
});

async function exportCsv(path, name) {
  try {
    await download('matcher', path + filters(), name);
  } catch (error) {
    announce($('coordinator-notice'), describe(error), 'error');
  }
}

async function loadAll() {
  const [allRows, stalled] = await Promise.all([
    call('matcher', '/api/v1/gaps'),
    call('matcher', '/api/v1/matches/stalled?dueWithin=PT12H'),
  ]);
  const params = filters();
  // Drawn again only when something changed, so that a poll does not redraw under the reader.
  const signature = JSON.stringify([allRows, params.toString(), $('map-supply').value, document.documentElement.lang]);
  if (signature !== drawn) {
    rows = allRows;
    renderGaps(rows.filter((row) => (!params.get('supplyType') || row.supplyType === params.get('supplyType'))
      && (!params.get('country') || row.country === params.get('country'))));
    await drawPictures();
    drawn = signature;
  }
  $('stalled-empty').hidden = stalled.length > 0;
  reconcile($('stalled-list'), stalled, (match) => match.matchId, (match) => match.updatedAt + match.status,
    (match) => matchItem(match, 'coordinator'));
}

async function drawPictures() {
  await drawMap($('map'), $('map-table'), rows, $('map-supply').value, showCountry);
  await drawChart($('stage-chart'), $('stage-table'), rows);
  if (chosenCountry) showCountry(chosenCountry);
}

function showCountry(code) {
  chosenCountry = code;
  const mine = rows.filter((row) => row.country === code && (!$('map-supply').value || row.supplyType === $('map-supply').value));
  const panel = $('map-country');
  panel.hidden = false;
  panel.replaceChildren(
    el('h3', { text: placeName(code) }),
    mine.length === 0 ? el('p', { class: 'empty', text: t('map.noNeeds') }) : el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': placeName(code) }, el('table', { class: 'compact' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('gaps.supplyType') }),
        [...STAGES, 'unmet'].map((stage) => el('th', { scope: 'col', class: 'num', text: t('stage.' + stage) })))),
      el('tbody', {}, mine.map((row) => el('tr', {}, el('td', { text: supplyName(row.supplyType) }),
        [...STAGES, 'unmet'].map((stage) => el('td', { class: 'num ' + stage, text: number(row[stage]) }))))))));
}

// Narrow screens hide the four matched stages by this class, never by position: the total row's
// first cell spans two columns, so a position is another column there.
const stageClass = (stage) => 'num ' + stage + (stage === 'requested' ? '' : ' stage');

function renderGaps(shown) {
  const body = $('gaps').querySelector('tbody');
  $('gaps').hidden = shown.length === 0;
  $('gaps-empty').hidden = shown.length > 0;
  const totals = new Map();
  shown.forEach((row) => {
    const total = totals.get(row.supplyType) || { unmet: 0 };
    STAGES.forEach((stage) => { total[stage] = (total[stage] || 0) + row[stage]; });
    total.unmet += row.unmet;
    totals.set(row.supplyType, total);
  });
  const lines = [];
  [...totals.entries()].sort((a, b) => b[1].unmet - a[1].unmet).forEach(([code, total]) => {
    shown.filter((row) => row.supplyType === code).forEach((row) => {
      lines.push(el('tr', { 'data-gap': row.supplyType + '|' + row.country },
        el('td', { class: 'supply', text: supplyName(row.supplyType) }),
        el('td', { text: placeName(row.country) }),
        STAGES.map((stage) => el('td', { class: stageClass(stage), text: number(row[stage]) })),
        el('td', { class: 'num unmet', text: number(row.unmet) }),
        el('td', { class: 'num offered', text: number(row.openOffered) })));
    });
    lines.push(el('tr', { class: 'total', 'data-total': code },
      el('th', { scope: 'row', colspan: '2', text: t('gaps.total', { supply: supplyName(code) }) }),
      STAGES.map((stage) => el('td', { class: stageClass(stage), text: number(total[stage]) })),
      el('td', { class: 'num unmet', text: number(total.unmet) }),
      el('td', { class: 'num offered' })));
  });
  body.replaceChildren(...lines);
}
