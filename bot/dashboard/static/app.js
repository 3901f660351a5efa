// Posko dashboard: sign in from a Telegram Mini App or a login link, then keep the page
// live (server-sent events) and send incident actions with the page's CSRF token.
// Plain JavaScript, no library, nothing fetched from anywhere but this server.
(function () {
  "use strict";
  var body = document.body;

  function toast(text) {
    var box = document.getElementById("toast");
    if (!box) {
      box = document.createElement("div");
      box.id = "toast";
      box.setAttribute("role", "status");
      document.body.appendChild(box);
    }
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { box.hidden = true; }, 5000);
  }

  // The Mini App: Telegram opens WEB_BASE_URL/dasbor/app#tgWebAppData=<initData>&…
  if (body.dataset.webapp) {
    var hash = new URLSearchParams(location.hash.slice(1));
    var initData = hash.get("tgWebAppData") || "";
    var status = document.getElementById("webapp-status");
    var failed = document.getElementById("webapp").dataset.failed;
    fetch(body.dataset.webapp, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ init_data: initData }).toString()
    }).then(function (r) { return r.json(); }).then(function (answer) {
      if (answer.ok) { location.replace(answer.next); } else { status.textContent = failed; }
    }).catch(function () { status.textContent = failed; });
    return;
  }

  // A login link's page: press its one button.
  var auto = document.querySelector("form[data-auto]");
  if (auto) { auto.submit(); return; }

  function bindForms(root) {
    root.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    root.querySelectorAll("form.act").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var data = new FormData(form);
        if (event.submitter) { data.set("action", event.submitter.value); }
        fetch(form.getAttribute("action"), {
          method: "POST",
          credentials: "same-origin",
          headers: {
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
            "X-CSRF-Token": body.dataset.csrf
          },
          body: new URLSearchParams(data).toString()
        }).then(function (r) { return r.json(); }).then(function (answer) {
          toast(answer.message);
          refresh();
        }).catch(function () { toast("…"); });
      });
    });
  }

  var parts = document.getElementById("parts");
  if (!parts || !body.dataset.parts) { return; }
  bindForms(parts);
  var busy = false, again = false;

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(body.dataset.parts, { credentials: "same-origin" }).then(function (r) {
      if (r.status === 401) { location.reload(); return null; }
      return r.text();
    }).then(function (html) {
      if (html === null) { return; }
      var focused = document.activeElement && document.activeElement.id;
      var y = window.scrollY;
      parts.innerHTML = html;
      bindForms(parts);
      window.scrollTo(0, y);
      if (focused && document.getElementById(focused)) { document.getElementById(focused).focus(); }
      parts.dispatchEvent(new CustomEvent("posko:refreshed"));
    }).finally(function () {
      busy = false;
      if (again) { again = false; refresh(); }
    });
  }

  var live = document.getElementById("live");
  function mark(on) {
    live.textContent = on ? live.dataset.on : live.dataset.off;
    live.className = on ? "on" : "";
  }
  if (window.EventSource && body.dataset.live) {
    var source = new EventSource(body.dataset.live);
    source.addEventListener("hello", function () { mark(true); });
    source.addEventListener("change", function () { refresh(); });
    source.addEventListener("ended", function () { source.close(); location.reload(); });
    source.onerror = function () { mark(false); };
    source.onopen = function () { mark(true); };
  }
})();
