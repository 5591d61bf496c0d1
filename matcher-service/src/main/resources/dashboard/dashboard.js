// The coordinator dashboard: plain browser JavaScript, no build step.
// EventSource cannot send an API key header, so the live stream is read with fetch and parsed here.
(() => {
  const KEY = 'aidmatch.coordinatorKey';
  const $ = (id) => document.getElementById(id);
  let lastEventId = null;
  let streamAbort = null;
  let gapsTimer = null;
  const seenMatches = new Set();

  const key = () => sessionStorage.getItem(KEY);

  async function api(path, options = {}) {
    const response = await fetch(path, { ...options, headers: { 'X-Api-Key': key(), ...(options.headers || {}) } });
    if (response.status === 401 || response.status === 403) {
      signOut('That key is not a coordinator key.');
      throw new Error('unauthorised');
    }
    if (!response.ok) throw new Error(path + ': ' + response.status);
    return response;
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs).forEach(([name, value]) => node.setAttribute(name, value));
    children.forEach((child) => node.append(child));
    return node;
  }

  function showSignIn(message) {
    $('sign-in').hidden = false;
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('connection').hidden = true;
    $('sign-in-error').textContent = message || '';
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY);
    if (streamAbort) streamAbort.abort();
    showSignIn(message);
  }

  async function start() {
    $('sign-in').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
    try {
      await loadSupplyTypes();
      await loadMatches();
      await loadGaps();
      followStream();
      // New needs and offers are not stream events: poll the gaps too, so they appear within seconds.
      setInterval(() => { if (key()) loadGaps().catch(() => {}); }, 3000);
    } catch (e) {
      if (e.message !== 'unauthorised') console.error(e);
    }
  }

  async function loadSupplyTypes() {
    const select = $('filter-supply');
    if (select.options.length > 1) return;
    const types = await (await api('/api/v1/supply-types')).json();
    types.forEach((type) => select.append(el('option', { value: type.code }, type.code + ' · ' + type.name)));
  }

  async function loadMatches() {
    const page = await (await api('/api/v1/matches?size=50')).json();
    page.items.slice().reverse().forEach((match) => addMatch(match, false));
    updateEmptyMatches();
  }

  // A match comes as MatchDetails from the list and as MatchMade from the stream.
  function addMatch(match, fresh) {
    const id = match.matchId || match.eventId;
    const at = match.matchedAt || match.occurredAt;
    if (seenMatches.has(id)) return;
    seenMatches.add(id);
    const reason = match.reason || {};
    const item = el('li', { 'data-match-id': id, 'class': fresh ? 'match new' : 'match' },
      el('div', { class: 'match-line' },
        el('span', { class: 'qty' }, Number(match.quantity).toLocaleString() + ' × ' + match.supplyType),
        el('span', {}, match.donorOrganization + ' → ' + match.requesterOrganization + ' (' + match.country + ')'),
        el('span', { class: 'badge ' + reason.urgency }, reason.urgency || ''),
        el('span', { class: 'badge' }, 'area ' + match.matchedArea),
        el('span', { class: 'badge status', 'data-status': match.status || '' }, match.status || 'DELIVERED'),
        el('time', { datetime: at }, new Date(at).toLocaleString())),
      el('details', {},
        el('summary', {}, 'Explain'),
        el('p', {}, reason.explanation || ''),
        el('p', {}, 'Decided by: urgency ' + reason.urgency + '; area level ' + reason.areaLevel
          + ' (' + reason.areaCountryCount + ' countr' + (reason.areaCountryCount === 1 ? 'y' : 'ies') + ')'
          + '; triggered when ' + triggerText(reason.trigger) + '.')));
    $('matches').prepend(item);
    updateEmptyMatches();
  }

  function triggerText(trigger) {
    return {
      OFFER_ARRIVED: 'the offer arrived',
      REQUEST_ARRIVED: 'the request arrived',
      REQUEST_RETURNED: 'quantity came back to the request',
      OFFER_RETURNED: 'quantity came back to the offer',
    }[trigger] || 'the matcher decided';
  }

  function updateStatus(change) {
    const item = document.querySelector('[data-match-id="' + CSS.escape(change.matchId) + '"] .status');
    if (!item) return;
    item.textContent = change.status;
    item.setAttribute('data-status', change.status);
  }

  function updateEmptyMatches() {
    $('matches-empty').hidden = $('matches').children.length > 0;
  }

  async function loadGaps() {
    const params = new URLSearchParams();
    if ($('filter-supply').value) params.set('supplyType', $('filter-supply').value);
    if ($('filter-country').value.trim().length === 2) params.set('country', $('filter-country').value.trim());
    const rows = await (await api('/api/v1/gaps?' + params)).json();
    renderGaps(rows);
  }

  // The columns between country and unmet: what was asked, and how far the matched part got.
  const STAGES = ['requested', 'proposed', 'committed', 'dispatched', 'delivered'];
  // Narrow screens hide the matched stages by this class, not by position: the total row's first
  // cell spans two columns, so the same position is another column there.
  const stageClass = (stage) => 'num ' + stage + (stage === 'requested' ? '' : ' stage');

  function renderGaps(rows) {
    const body = $('gaps').querySelector('tbody');
    body.replaceChildren();
    $('gaps').hidden = rows.length === 0;
    $('gaps-empty').hidden = rows.length > 0;
    const totals = new Map();
    rows.forEach((row) => {
      const total = totals.get(row.supplyType) || { name: row.supplyName, unmet: 0 };
      STAGES.forEach((stage) => { total[stage] = (total[stage] || 0) + row[stage]; });
      total.unmet += row.unmet;
      totals.set(row.supplyType, total);
    });
    const number = (n) => Number(n).toLocaleString();
    // Supply types with the largest unmet total first; within each, the worst country first.
    [...totals.entries()].sort((a, b) => b[1].unmet - a[1].unmet).forEach(([code, total]) => {
      rows.filter((row) => row.supplyType === code).forEach((row) => {
        body.append(el('tr', { 'data-gap': row.supplyType + '|' + row.country },
          el('td', { title: row.supplyName }, row.supplyType),
          el('td', { title: row.countryName }, row.country + ' · ' + row.countryName),
          ...STAGES.map((stage) => el('td', { class: stageClass(stage) }, number(row[stage]))),
          el('td', { class: 'num unmet' }, number(row.unmet)),
          el('td', { class: 'num' }, number(row.openOffered))));
      });
      body.append(el('tr', { class: 'total' },
        el('td', { colspan: '2' }, 'Total ' + code),
        ...STAGES.map((stage) => el('td', { class: stageClass(stage) }, number(total[stage]))),
        el('td', { class: 'num' }, number(total.unmet)),
        el('td', {}, '')));
    });
  }

  function refreshGapsSoon() {
    clearTimeout(gapsTimer);
    gapsTimer = setTimeout(() => loadGaps().catch(() => {}), 300);
  }

  function setConnection(live) {
    const badge = $('connection');
    badge.hidden = false;
    badge.classList.toggle('down', !live);
    badge.textContent = live ? 'Live' : 'Connection lost, reconnecting…';
  }

  async function followStream(delay = 1000) {
    streamAbort = new AbortController();
    try {
      const headers = { Accept: 'text/event-stream' };
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const response = await api('/api/v1/matches/stream', { headers, signal: streamAbort.signal });
      setConnection(true);
      await readEvents(response.body.getReader());
    } catch (e) {
      if (e.name === 'AbortError' || e.message === 'unauthorised') return;
    }
    if (!key()) return;
    setConnection(false);
    setTimeout(() => { loadGaps().catch(() => {}); followStream(Math.min(delay * 2, 15000)); }, delay);
  }

  async function readEvents(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        handleEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  function handleEvent(block) {
    let id = null, name = 'message', data = '';
    block.split('\n').forEach((line) => {
      if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
    });
    if (!data) return;
    if (id) lastEventId = id;
    if (name === 'match') addMatch(JSON.parse(data), true);
    if (name === 'status') updateStatus(JSON.parse(data));
    refreshGapsSoon();
  }

  async function download(path, filename) {
    const blob = await (await api(path, { headers: { Accept: 'text/csv' } })).blob();
    const link = el('a', { href: URL.createObjectURL(blob), download: filename });
    document.body.append(link);
    link.click();
    link.remove();
  }

  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $('api-key').value.trim());
    $('api-key').value = '';
    start();
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('filter-supply').addEventListener('change', () => loadGaps());
  $('filter-country').addEventListener('input', () => refreshGapsSoon());
  $('export-gaps').addEventListener('click', () => download('/api/v1/gaps/export.csv', 'aidmatch-gaps.csv'));
  $('export-matches').addEventListener('click', () => download('/api/v1/matches/export.csv', 'aidmatch-matches.csv'));

  if (key()) start(); else showSignIn();
})();
