// The matches as the matcher makes them, from GET /api/v1/matches/stream. EventSource cannot send
// an API key header, so the stream is read with fetch and parsed here; after a break it resumes
// from the last event id it saw.
import { call } from './api.js';
import { t } from './i18n.js';
import { matchItem } from './matches.js';

export function followMatches({ list, empty, connection, filters, onChange }) {
  const known = new Map();
  let lastEventId = null;
  let abort = null;
  let stopped = true;
  let retry = null;
  let live = null;

  function shows(match) {
    const params = filters();
    return (!params.get('supplyType') || match.supplyType === params.get('supplyType'))
      && (!params.get('country') || match.country === params.get('country'));
  }

  function render() {
    const shown = [...known.values()].filter(shows).sort((a, b) => (b.matchedAt || '').localeCompare(a.matchedAt || ''));
    list().replaceChildren(...shown.slice(0, 50).map((match) => {
      const item = matchItem(match, 'coordinator');
      if (match.fresh) item.classList.add('new');
      return item;
    }));
    empty().hidden = shown.length > 0;
  }

  function setConnection(isLive) {
    live = isLive;
    const badge = connection();
    badge.hidden = false;
    badge.classList.toggle('down', !isLive);
    badge.textContent = t(isLive ? 'live.connected' : 'live.reconnecting');
  }

  async function reload() {
    const page = await call('matcher', '/api/v1/matches?size=50');
    known.clear();
    page.items.forEach((match) => known.set(match.matchId, match));
    render();
  }

  // A stream event is a MatchMade or a MatchStatusChanged, not a MatchDetails: adapt what shows.
  function handle(block) {
    let id = null;
    let name = 'message';
    let data = '';
    block.split('\n').forEach((line) => {
      if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
    });
    if (!data) return;
    if (id) lastEventId = id;
    const event = JSON.parse(data);
    if (name === 'match') {
      // a MatchMade's event id is the match id
      known.set(event.eventId, { ...event, matchId: event.eventId, matchedAt: event.occurredAt, history: [], fresh: true });
    } else if (name === 'status' && known.has(event.matchId)) {
      const match = known.get(event.matchId);
      known.set(event.matchId, { ...match, status: event.status, shippedQuantity: event.shippedQuantity, receivedQuantity: event.receivedQuantity });
    }
    while (known.size > 200) known.delete(known.keys().next().value);
    render();
    onChange();
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        handle(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  async function follow(delay) {
    if (stopped) return;
    abort = new AbortController();
    try {
      const headers = { Accept: 'text/event-stream' };
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const response = await call('matcher', '/api/v1/matches/stream', { raw: true, headers, signal: abort.signal });
      setConnection(true);
      await read(response.body.getReader());
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e.status === 400) lastEventId = null; // an id the matcher no longer knows: start afresh
    }
    if (stopped) return;
    setConnection(false);
    retry = setTimeout(() => { reload().catch(() => {}); follow(Math.min(delay * 2, 15000)); }, delay);
  }

  return {
    async start() {
      stopped = false;
      await reload().catch(() => {});
      follow(1000);
    },
    stop() {
      stopped = true;
      clearTimeout(retry);
      if (abort) abort.abort();
      known.clear();
      lastEventId = null;
      live = null;
      connection().hidden = true;
    },
    refilter: render,
    /** After a language change: the badge and the list in the new language. */
    reload: () => {
      if (live !== null && !stopped) setConnection(live);
      return reload().catch(() => {});
    },
  };
}
