// The demo site's own behaviour: the language toggle and the plan switcher. An external
// file, so the site itself runs under a strict Content-Security-Policy.
(function () {
  var toggle = document.getElementById("lang-toggle");
  function setLang(lang) {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-vi]").forEach(function (el) {
      el.textContent = el.getAttribute("data-" + lang);
    });
    // Widgets read <html lang> when they render; setting their own attribute re-renders them.
    document.querySelectorAll("chitieu-gauge, chitieu-bullet, chitieu-trend, chitieu-table, chitieu-scorecard")
      .forEach(function (w) { w.setAttribute("lang", lang); });
    toggle.textContent = lang === "vi" ? "English" : "Tiếng Việt";
    toggle.setAttribute("aria-pressed", String(lang === "en"));
  }
  toggle.addEventListener("click", function () {
    setLang(document.documentElement.lang === "vi" ? "en" : "vi");
  });
  document.getElementById("plan").addEventListener("change", function (e) {
    document.getElementById("plan-table").setAttribute("src", e.target.value);
  });
})();
