// Bulk upload of a needs or offers list (CSV or .xlsx): the service reads the sheet (Apache POI),
// checks every row as a single post would be checked, and posts only once every row is valid.
// Each row posts under a key derived from its content, so uploading the same file again posts
// nothing twice.
import { call, download } from './api.js';
import { $, announce, el } from './dom.js';
import { describe } from './forms.js';
import { number, onLanguageChange, t } from './i18n.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * @param prefix ids of the widget's elements: <prefix>-file, -check, -post, -report, -notice
 * @param service 'request' or 'offer'; path its collection, e.g. /api/v1/requests
 * @param onPosted called after a successful post, to refresh the lists
 */
export function bulkUpload({ prefix, service, path, onPosted }) {
  const file = $(prefix + '-file');
  const checkButton = $(prefix + '-check');
  const postButton = $(prefix + '-post');
  const report = $(prefix + '-report');
  const notice = $(prefix + '-notice');
  let shown = null;
  let said = null;

  // What the widget says is kept as keys, so that a change of language says it again in the new one.
  function say(key, params, kind) {
    said = { key, params, kind };
    const formatted = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'number' ? number(value) : value]));
    announce(notice, t(key, formatted), kind);
  }
  onLanguageChange(() => {
    if (shown) show(shown);
    if (said) say(said.key, said.params, said.kind);
    if (!postButton.hidden && shown) postButton.textContent = t('bulk.post', { count: number(shown.valid) });
  });

  $(prefix + '-template-xlsx').addEventListener('click', () =>
    download(service, path + '/imports/template?format=xlsx', 'template.xlsx').catch((e) => announce(notice, describe(e), 'error')));
  $(prefix + '-template-csv').addEventListener('click', () =>
    download(service, path + '/imports/template?format=csv', 'template.csv').catch((e) => announce(notice, describe(e), 'error')));

  file.addEventListener('change', () => {
    postButton.hidden = true;
    report.replaceChildren();
    shown = null;
    said = null;
    announce(notice, '');
    checkButton.disabled = !file.files.length;
  });

  async function send(dryRun) {
    const chosen = file.files[0];
    if (!chosen) return null;
    if (chosen.size > MAX_BYTES) {
      say('bulk.tooLarge', {}, 'error');
      return null;
    }
    const type = chosen.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
    try {
      return await call(service, path + '/imports' + (dryRun ? '?dryRun=true' : ''), { method: 'POST', body: chosen, contentType: type });
    } catch (error) {
      if (error.status === 422 && error.problem.rows) {
        show({ results: error.problem.rows, invalid: error.problem.rows.length });
      }
      announce(notice, describe(error), 'error');
      return null;
    }
  }

  function show(result) {
    shown = result;
    const rows = result.results.map((row) => el('tr', { class: 'row-' + row.outcome.toLowerCase(), 'data-row': row.row },
      el('td', { class: 'num', text: number(row.row) }),
      el('td', {}, el('span', { class: 'badge badge-' + row.outcome.toLowerCase(), text: t('bulk.outcome.' + row.outcome) })),
      el('td', {}, row.errors.length
        ? el('ul', { class: 'row-errors' }, row.errors.map((error) => el('li', {}, el('code', { text: error.field }), ': ' + error.message)))
        : '')));
    report.replaceChildren(el('table', { class: 'report' },
      el('caption', { text: t('bulk.report') }),
      el('thead', {}, el('tr', {}, ['bulk.row', 'bulk.outcome', 'bulk.errors'].map((key) => el('th', { scope: 'col', text: t(key) })))),
      el('tbody', {}, rows)));
  }

  checkButton.addEventListener('click', async () => {
    checkButton.disabled = true;
    postButton.hidden = true;
    const result = await send(true);
    checkButton.disabled = false;
    if (!result) return;
    show(result);
    const toPost = result.valid;
    if (result.invalid > 0) {
      say('bulk.invalid', { invalid: result.invalid, rows: result.rows }, 'error');
    } else if (toPost === 0) {
      say('bulk.nothingNew', { rows: result.rows }, 'ok');
    } else {
      say('bulk.allValid', { rows: result.rows, valid: toPost }, 'ok');
      postButton.textContent = t('bulk.post', { count: number(toPost) });
      postButton.hidden = false;
    }
  });

  postButton.addEventListener('click', async () => {
    postButton.disabled = true;
    const result = await send(false);
    postButton.disabled = false;
    if (!result) return;
    postButton.hidden = true;
    show(result);
    say('bulk.posted', { posted: result.posted, already: result.alreadyPosted }, 'ok');
    await onPosted();
  });
}
