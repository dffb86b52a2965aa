// Cwtch front door pages: live updates over server-sent events, a cue for high priority, countdowns.
// Served from 'self' (the page CSP allows no inline script); needs htmx, loaded before it.
(() => {
  const cy = document.documentElement.lang === 'cy';
  const words = cy
    ? { in: 'mewn', late: 'yn hwyr o', arrived: 'Hysbysiad newydd', escalated: 'Uwchgyfeiriwyd hysbysiad' }
    : {
        in: 'in',
        late: 'overdue by',
        arrived: 'New notification',
        escalated: 'A notification was escalated',
      };
  const baseTitle = document.title;
  let unseen = 0;

  // Sound: an AudioContext may only start after a gesture, so it is made on the first one.
  let audio = null;
  const toggle = document.getElementById('sound-toggle');
  if (toggle) {
    toggle.checked = localStorage.getItem('cwtch-sound') !== 'off';
    toggle.addEventListener('change', () =>
      localStorage.setItem('cwtch-sound', toggle.checked ? 'on' : 'off'),
    );
  }
  const wake = () => {
    if (!audio && window.AudioContext) audio = new AudioContext();
    if (audio && audio.state === 'suspended') audio.resume();
  };
  document.addEventListener('pointerdown', wake);
  document.addEventListener('keydown', wake);

  function beep(urgent) {
    if (!audio || localStorage.getItem('cwtch-sound') === 'off') return;
    const start = audio.currentTime;
    for (const offset of urgent ? [0, 0.25, 0.5] : [0, 0.25]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = urgent ? 880 : 660;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.2);
    }
  }

  function announce(text) {
    const live = document.getElementById('live-announcer');
    if (live) live.textContent = text;
  }

  function refresh(selector) {
    const el = document.querySelector(selector);
    const src = el?.getAttribute('data-src');
    if (!el || !src || !window.htmx) return Promise.resolve();
    return window.htmx.ajax('GET', src, { target: selector, swap: 'outerHTML' });
  }

  function arrived(event) {
    refresh('#inbox-rows').then(() => {
      tick();
      const row = document.querySelector(`tr[data-id="${CSS.escape(event.id)}"]`);
      if (!row) return;
      const high = event.priority === 'high' || event.priority === 'urgent';
      if (high) {
        row.classList.add('flash');
        row.setAttribute('data-cue', event.priority);
        beep(event.priority === 'urgent');
      }
      const cells = Array.from(row.cells).map((c) => c.textContent.trim());
      announce(`${words.arrived}: ${cells.slice(0, 4).join(', ')}`);
      if (document.hidden) document.title = `(${++unseen}) ${baseTitle}`;
    });
  }
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      unseen = 0;
      document.title = baseTitle;
    }
  });

  // Respond-by countdowns, kept current every 30 seconds.
  function tick() {
    for (const el of document.querySelectorAll('time[data-countdown]')) {
      const left = Date.parse(el.getAttribute('datetime')) - Date.now();
      const minutes = Math.round(Math.abs(left) / 60000);
      const span =
        minutes >= 2880
          ? `${Math.round(minutes / 1440)} d`
          : minutes >= 60
            ? `${Math.floor(minutes / 60)} h ${minutes % 60} min`
            : `${minutes} min`;
      el.textContent = left < 0 ? `${words.late} ${span}` : `${words.in} ${span}`;
      el.classList.toggle('overdue', left < 0);
    }
  }
  setInterval(tick, 30000);

  const live = document.querySelector('#inbox-rows, #outbox-recipients, #ack-panel, #sent-overdue-rows');
  if (!live || !window.EventSource) return;
  const source = new EventSource('/events');
  const on = (name, handler) =>
    source.addEventListener(name, (e) => {
      try {
        handler(JSON.parse(e.data));
      } catch {
        // A malformed event is ignored; the next one refreshes the view anyway.
      }
    });
  on('ready', () => document.body.setAttribute('data-live', 'ready'));
  on('notification', arrived);
  on('acknowledged', (event) => {
    refresh('#inbox-rows').then(tick);
    const panel = document.getElementById('ack-panel');
    if (panel && panel.getAttribute('data-id') === event.id && !panel.querySelector('.ack-by') && window.htmx)
      window.htmx.ajax('GET', `/inbox/${event.id}/ack-panel`, { target: '#ack-panel', swap: 'outerHTML' });
  });
  on('receipt', (event) => {
    const rows = document.getElementById('outbox-recipients');
    if (rows && rows.getAttribute('data-share') === event.id) refresh('#outbox-recipients');
  });
  // A step of the escalation ladder: the overdue views and the outbox follow it.
  on('escalated', (event) => {
    refresh('#inbox-rows').then(tick);
    refresh('#sent-overdue-rows');
    const rows = document.getElementById('outbox-recipients');
    if (rows && rows.getAttribute('data-share') === event.id) refresh('#outbox-recipients');
    announce(words.escalated);
  });
})();
