// The demo site's shared behaviour: the language toggle and the copy buttons. An external
// file, so the site itself runs under a strict Content-Security-Policy (no inline script).
//
// Translations live in the page:
// - `data-vi` / `data-en` on an element: its text in each language (set with textContent);
// - `data-vi-ATTR` / `data-en-ATTR` for ATTR in ATTRS: an attribute in each language;
// - `data-show-lang="vi"` / `"en"` on a block of rich content: shown only in that language.
// Widgets (<chitieu-*> and <div data-chitieu>) get the language as an attribute, which
// re-renders them. Page scripts use `window.site` for text they create and listen for the
// `site:lang` event. The choice is kept for the next page (localStorage) and may be given
// as `?lang=en`.
(function () {
  var ATTRS = ["aria-label", "title", "placeholder", "content"];
  var STORE = "chitieu-site-lang";
  var toggle = document.getElementById("lang-toggle");
  var current = document.documentElement.lang === "en" ? "en" : "vi";

  function stored() {
    var q = /[?&]lang=(vi|en)\b/.exec(location.search);
    if (q) return q[1];
    try { return localStorage.getItem(STORE); } catch (e) { return null; }
  }

  function translate(scope) {
    scope.querySelectorAll("[data-vi]").forEach(function (el) {
      var text = el.getAttribute("data-" + current);
      if (text !== null && el.textContent !== text) el.textContent = text;
    });
    ATTRS.forEach(function (a) {
      scope.querySelectorAll("[data-vi-" + a + "]").forEach(function (el) {
        var v = el.getAttribute("data-" + current + "-" + a);
        if (v !== null) el.setAttribute(a, v);
      });
    });
    scope.querySelectorAll("[data-show-lang]").forEach(function (el) {
      el.hidden = el.getAttribute("data-show-lang") !== current;
    });
  }

  function setLang(lang, remember) {
    current = lang === "en" ? "en" : "vi";
    document.documentElement.lang = current;
    translate(document);
    document.querySelectorAll("chitieu-gauge, chitieu-bullet, chitieu-trend, chitieu-table, chitieu-scorecard")
      .forEach(function (w) { w.setAttribute("lang", current); });
    document.querySelectorAll("[data-chitieu]").forEach(function (d) { d.setAttribute("data-lang", current); });
    if (toggle) {
      // The button names the other language, in that language.
      toggle.textContent = current === "vi" ? "English" : "Tiếng Việt";
      toggle.setAttribute("lang", current === "vi" ? "en" : "vi");
    }
    if (remember) {
      try { localStorage.setItem(STORE, current); } catch (e) { /* private mode: not kept */ }
    }
    document.dispatchEvent(new CustomEvent("site:lang", { detail: { lang: current } }));
  }

  // --- copy buttons: <button data-copy="ID"> copies the text of #ID ----------------------
  var COPY = {
    vi: { done: "Đã sao chép.", selected: "Đã chọn đoạn mã: nhấn Ctrl+C (trên điện thoại: giữ và chọn Sao chép)." },
    en: { done: "Copied.", selected: "The code is selected: press Ctrl+C (on a phone: press and hold, then Copy)." }
  };
  function statusFor(button) {
    var id = button.getAttribute("aria-describedby");
    var s = id && document.getElementById(id);
    if (!s) {
      s = document.createElement("span");
      s.className = "copy-status";
      s.setAttribute("role", "status");
      s.id = "copy-status-" + Math.random().toString(36).slice(2);
      button.insertAdjacentElement("afterend", s);
      button.setAttribute("aria-describedby", s.id);
    }
    return s;
  }
  function say(button, key) {
    var s = statusFor(button);
    s.className = "copy-status" + (key === "done" ? " ok" : "");
    s.setAttribute("data-vi", COPY.vi[key]);
    s.setAttribute("data-en", COPY.en[key]);
    s.textContent = COPY[current][key];
  }
  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  function fallbackCopy(button, el) {
    selectText(el);
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    if (copied) selectText(el); // some browsers drop the selection after copying
    say(button, copied ? "done" : "selected");
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("button[data-copy]");
    if (!button) return;
    var el = document.getElementById(button.getAttribute("data-copy"));
    if (!el) return;
    var text = el.textContent;
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      navigator.clipboard.writeText(text).then(
        function () { say(button, "done"); },
        function () { fallbackCopy(button, el); }
      );
    } else {
      fallbackCopy(button, el);
    }
  });

  // --- the page scripts' handle ----------------------------------------------------------
  window.site = {
    lang: function () { return current; },
    // Sets el's text in the current language and keeps it for the other one.
    text: function (el, vi, en) {
      el.setAttribute("data-vi", vi);
      el.setAttribute("data-en", en === undefined ? vi : en);
      el.textContent = current === "en" && en !== undefined ? en : vi;
      return el;
    },
    // Translates elements a page script has just added.
    translate: function (scope) { translate(scope || document); },
    onLang: function (fn) { document.addEventListener("site:lang", function (e) { fn(e.detail.lang); }); }
  };

  if (toggle) {
    toggle.addEventListener("click", function () { setLang(current === "vi" ? "en" : "vi", true); });
  }
  var initial = stored();
  if (initial === "en" || initial === "vi") {
    if (initial !== current) setLang(initial, false);
    else translate(document);
  }
})();
