// The only script reading pages load: small enhancements, each optional. Reading needs none of it.
import { setupThemeSwitch } from './theme-switch';
import { setupSearchDialog } from './search-dialog';
import { setupSectionKeys } from './section-keys';
import { setupOutline } from './outline';

setupThemeSwitch();
setupSearchDialog();
setupSectionKeys();
setupOutline();

// Landing from a search result: mark the words. Loaded only when there is something to mark.
if (new URLSearchParams(window.location.search).has('highlight')) {
  void import('./highlight').then((module) => module.highlightFromUrl());
}
