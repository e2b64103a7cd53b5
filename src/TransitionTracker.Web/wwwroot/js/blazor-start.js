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

// A tab left in the background has its circuit paused: the server hands the page's persisted state to the browser
// and lets the circuit go, and a new circuit resumes the same address when the tab is shown again. Never while the
// page holds unsaved work. The delay comes from the server (Circuits:PauseHiddenTabAfter); data-circuit on <html>
// says "paused" or "live" once either has happened. See docs/architecture.md, "Interactive pages".
(() => {
  const delay = Number(document.currentScript?.dataset.pauseHiddenAfterMs ?? '300000');
  if (!(delay > 0)) {
    return;
  }

  // An editor holding unsaved work marks the page (Shared/UnsavedWorkLock.razor); an open dialog holds what it was
  // given, which persisted state does not keep either.
  const unsavedWork = () => document.querySelector('[data-unsaved-work], .mud-dialog-container') !== null;

  let timer;
  let paused = false;
  const mark = (state) => { document.documentElement.dataset.circuit = state; };

  const pause = async () => {
    timer = undefined;
    if (document.visibilityState !== 'hidden' || paused) {
      return;
    }

    if (unsavedWork()) {
      // Checked again later: the work may be saved while the tab is hidden (the checklist saves by itself).
      timer = setTimeout(pause, delay);
      return;
    }

    paused = await Blazor.pauseCircuit();
    if (paused) {
      mark('paused');
      if (document.visibilityState !== 'hidden') {
        await resume(); // Shown again while it was pausing.
      }
    }
  };

  const resume = async () => {
    if (!paused) {
      return;
    }

    paused = false;
    if (await Blazor.resumeCircuit()) {
      mark('live');
    } else {
      // The state has expired on the server: the address holds where the page was, so load it again.
      location.reload();
    }
  };

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      timer ??= setTimeout(pause, delay);
    } else {
      clearTimeout(timer);
      timer = undefined;
      resume();
    }
  });
})();
