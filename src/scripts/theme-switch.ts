// Light, dark or system; remembered in localStorage and applied before paint by ThemeInit.astro.
export function setupThemeSwitch(): void {
  const box = document.querySelector<HTMLElement>('[data-theme-switch]');
  const select = box?.querySelector('select');
  if (!box || !select) return;
  const root = document.documentElement;
  select.value = root.dataset.theme ?? 'system';
  box.hidden = false;
  select.addEventListener('change', () => {
    const choice = select.value;
    if (choice === 'light' || choice === 'dark') root.dataset.theme = choice;
    else delete root.dataset.theme;
    try {
      localStorage.setItem('theme', choice);
    } catch {
      // storage may be off; the choice still holds for this page
    }
  });
}
