// Starts Blazor on interactive pages (a file: the Content-Security-Policy allows no inline script).
// Enhanced navigation is off: a link to a static page is an ordinary page load, so that page's own scripts run;
// links between interactive pages are handled by the circuit's router. See docs/architecture.md, "Interactive pages".
Blazor.start({
  ssr: { disableDomPreservation: true },
});

// A server that answers but no longer knows this page's circuit (it restarted, or the instance that held it was lost
// and the proxy sent the browser to another) rejects the reconnection. blazor.web.js reloads by itself only with its
// own banner; with ours (ReconnectBanner.razor) it says "rejected" and waits, so the page is loaded again here, at the
// same address. What was saved comes back; see docs/operations.md, "Reverse proxy".
document.addEventListener('components-reconnect-state-changed', (event) => {
  if (event.detail && event.detail.state === 'rejected') {
    location.reload();
  }
}, true);
