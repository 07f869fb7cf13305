// The web chat's only script of its own (the pages work without it): keeps the unread count in
// the header current while a page is open (Server-Sent Events from /notifications/stream), and
// turns on Web Push from the settings page's button (the service worker /sw.js shows the messages).
(() => {
  if (window.ocopLive) return;
  window.ocopLive = true;

  if ("EventSource" in window) {
    const source = new EventSource("/notifications/stream");
    source.addEventListener("count", (event) => {
      const n = Number(event.data);
      if (!Number.isFinite(n)) return;
      for (const badge of document.querySelectorAll("[data-unread]")) {
        badge.textContent = String(n);
        badge.hidden = n === 0;
      }
    });
  }

  const base64ToBytes = (text) => {
    const padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  };

  const say = (form, key) => {
    const status = document.querySelector("[data-push-status]");
    if (!status) return;
    status.textContent = form.dataset[key] || "";
    status.hidden = false;
  };

  async function subscribe(form) {
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      say(form, "unsupported");
      return;
    }
    if ((await Notification.requestPermission()) !== "granted") {
      say(form, "denied");
      return;
    }
    const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    await navigator.serviceWorker.ready;
    const subscription =
      (await registration.pushManager.getSubscription()) ||
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: base64ToBytes(form.dataset.key),
      }));
    const csrf = form.querySelector('input[name="_csrf"]').value;
    const response = await fetch(form.action, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ _csrf: csrf, ...subscription.toJSON() }),
      credentials: "same-origin",
    });
    say(form, response.ok ? "done" : "failed");
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-push-subscribe")) return;
    event.preventDefault();
    subscribe(form).catch(() => say(form, "failed"));
  });
})();
