// The one inline script: applies a stored light/dark choice before first paint (see ThemeInit.astro).
// Kept as a string so the Content-Security-Policy can allow it by its hash (src/site/security-policy.ts).
export const THEME_INIT_SCRIPT =
  "try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";
