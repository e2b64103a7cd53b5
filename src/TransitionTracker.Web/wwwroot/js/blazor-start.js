// Starts Blazor on interactive pages (a file: the Content-Security-Policy allows no inline script).
// Enhanced navigation is off: a link to a static page is an ordinary page load, so that page's own scripts run;
// links between interactive pages are handled by the circuit's router. See docs/architecture.md, "Interactive pages".
Blazor.start({
  ssr: { disableDomPreservation: true },
});
