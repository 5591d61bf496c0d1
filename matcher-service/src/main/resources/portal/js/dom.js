// Small DOM helpers. Text always goes in as text, never as HTML: names and notes come from users.
export const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  children.flat().forEach((child) => { if (child !== null && child !== undefined) node.append(child); });
  return node;
}

/** Shows a short message in a live region, so screen readers hear it too. */
export function announce(region, text, kind = 'ok') {
  region.textContent = text;
  region.className = 'notice ' + kind;
  region.hidden = !text;
}

/**
 * Replaces a list's items by key, leaving alone an item the user is working in (focus inside, or
 * an open action), so that a refresh never takes a half-typed answer away.
 */
export function reconcile(list, items, keyOf, signatureOf, render) {
  const existing = new Map([...list.children].map((child) => [child.dataset.key, child]));
  const wanted = items.map((item) => {
    const key = keyOf(item);
    const signature = signatureOf(item);
    const old = existing.get(key);
    if (old && (old.dataset.signature === signature || busy(old))) return old;
    const fresh = render(item);
    fresh.dataset.key = key;
    fresh.dataset.signature = signature;
    return fresh;
  });
  list.replaceChildren(...wanted);
}

function busy(node) {
  return node.contains(document.activeElement) || node.querySelector('details[open]') !== null;
}
