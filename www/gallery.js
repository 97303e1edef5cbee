// The gallery: every widget on one seed dataset, in the theme and language chosen. The
// choice is kept in the address (?plan=…&indicator=…&theme=…&wlang=…) so it can be shared.
(function () {
  var PLANS = {
    "quang-nam-2024": {
      indicator: "wifi-nha-van-hoa",
      vi: "Kế hoạch này có cả mục tiêu và kết quả năm 2023.",
      en: "This plan has both targets and 2023 results."
    },
    "quang-nam-2025-2030": {
      vi: "Nghị quyết này chỉ đặt mục tiêu (2025 và 2030); chưa có kết quả, nên biểu đồ báo “chưa có số liệu”.",
      en: "This resolution only sets targets (2025 and 2030); there are no results yet, so the widgets say “no data”."
    },
    "nghe-an-2024": {
      vi: "Kế hoạch này chỉ đặt mục tiêu năm 2024; chưa có kết quả, nên biểu đồ báo “chưa có số liệu”.",
      en: "This plan only sets 2024 targets; there are no results yet, so the widgets say “no data”."
    },
    "quang-tri-dti": {
      vi: "Kế hoạch này đặt mục tiêu hằng năm, không có thời hạn; chưa có kết quả.",
      en: "This plan sets standing annual targets with no deadline; there are no results yet."
    }
  };
  var THEMES = ["light", "dark", "high-contrast", "auto"];
  var form = document.getElementById("gallery-controls");
  var planSelect = document.getElementById("plan");
  var indicatorSelect = document.getElementById("indicator");
  var stage = document.getElementById("stage");
  var note = document.getElementById("plan-note");
  var widgets = [].slice.call(stage.querySelectorAll(".g"));
  var dataset = null; // the raw JSON of the chosen plan, for the indicator list

  var params = new URLSearchParams(location.search);
  var state = {
    plan: PLANS[params.get("plan")] ? params.get("plan") : "quang-nam-2024",
    indicator: params.get("indicator") || "",
    theme: THEMES.indexOf(params.get("theme")) >= 0 ? params.get("theme") : "light",
    wlang: params.get("wlang") === "en" || (!params.get("wlang") && window.site.lang() === "en") ? "en" : "vi"
  };

  function src() { return "seeds/" + state.plan + ".json"; }

  function nameOf(ind, lang) {
    if (typeof ind.name === "string") return ind.name;
    return (lang === "en" && ind.name.en) || ind.name.vi;
  }

  function fillIndicators() {
    var lang = window.site.lang();
    indicatorSelect.replaceChildren();
    dataset.indicators.forEach(function (ind) {
      var o = document.createElement("option");
      o.value = ind.id;
      o.textContent = nameOf(ind, lang);
      indicatorSelect.appendChild(o);
    });
    indicatorSelect.value = state.indicator;
  }

  function apply() {
    planSelect.value = state.plan;
    form.querySelector('input[name="theme"][value="' + state.theme + '"]').checked = true;
    form.querySelector('input[name="wlang"][value="' + state.wlang + '"]').checked = true;
    stage.setAttribute("data-theme", state.theme);
    widgets.forEach(function (w) {
      w.setAttribute("src", src());
      w.setAttribute("theme", state.theme);
      w.setAttribute("lang", state.wlang);
      if (w.hasAttribute("data-per-indicator")) w.setAttribute("indicator", state.indicator);
    });
    var p = PLANS[state.plan];
    window.site.text(note, p.vi, p.en);
    var q = new URLSearchParams({ plan: state.plan, indicator: state.indicator, theme: state.theme, wlang: state.wlang });
    history.replaceState(null, "", "?" + q.toString());
  }

  // The default indicator of a plan: the one named in PLANS, else the first with a target.
  function defaultIndicator() {
    var named = PLANS[state.plan].indicator;
    var withTarget = dataset.indicators.filter(function (i) { return i.targets && i.targets.length; })[0];
    return named || (withTarget || dataset.indicators[0]).id;
  }

  function loadPlan(keepIndicator) {
    var plan = state.plan;
    return fetch(src()).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (json) {
      if (plan !== state.plan) return;
      dataset = json;
      var ids = json.indicators.map(function (i) { return i.id; });
      if (!keepIndicator || ids.indexOf(state.indicator) < 0) state.indicator = defaultIndicator();
      fillIndicators();
      apply();
    });
  }

  planSelect.addEventListener("change", function () { state.plan = planSelect.value; loadPlan(false); });
  indicatorSelect.addEventListener("change", function () { state.indicator = indicatorSelect.value; apply(); });
  form.addEventListener("change", function (e) {
    if (e.target.name === "theme") { state.theme = e.target.value; apply(); }
    if (e.target.name === "wlang") { state.wlang = e.target.value; apply(); }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  // The page's language toggle also switches the widgets (site.js sets their lang); keep
  // the radio buttons and the indicator names in step.
  window.site.onLang(function (lang) {
    state.wlang = lang;
    if (dataset) fillIndicators();
    apply();
  });

  loadPlan(true);
})();
