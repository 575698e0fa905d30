// WAI-ARIA tabs (APG "Tabs with manual activation" keys, activating on arrow):
// click or ←/→/Home/End select a tab; `onSelect(tab)` shows its panel.

export function tablist(container, onSelect) {
  const tabs = [...container.querySelectorAll('[role=tab]')];
  container.addEventListener('click', (e) => {
    const tab = e.target.closest('[role=tab]');
    if (tab) onSelect(tab);
  });
  container.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: tabs.length - 1 - i }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length];
    next.focus();
    onSelect(next);
  });
}

export function selectTab(container, tab) {
  for (const other of container.querySelectorAll('[role=tab]')) {
    const on = other === tab;
    other.setAttribute('aria-selected', on ? 'true' : 'false');
    other.tabIndex = on ? 0 : -1;
  }
}
