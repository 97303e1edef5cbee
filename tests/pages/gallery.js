// Builds the gallery: every widget × every theme × both languages, on the seed data.
// `?only=gauge` limits it to one widget.
(function () {
  var SRC = "/seeds/quang-nam-2024.json";
  var WIDGETS = [
    { name: "gauge", attrs: { indicator: "wifi-nha-van-hoa" } },
    { name: "gauge", attrs: { indicator: "hscv-tinh", variant: "ring" } },
    { name: "bullet", attrs: { indicator: "wifi-nha-van-hoa" } },
    { name: "trend", attrs: { indicator: "wifi-nha-van-hoa" } },
    { name: "scorecard", attrs: {} , wide: true },
    { name: "table", attrs: {}, wide: true }
  ];
  var only = new URLSearchParams(location.search).get("only");
  var root = document.getElementById("gallery");
  ["light", "dark", "high-contrast", "auto"].forEach(function (theme) {
    var section = document.createElement("section");
    var h = document.createElement("h2");
    h.textContent = "Theme: " + theme;
    section.appendChild(h);
    var grid = document.createElement("div");
    grid.className = "grid";
    ["vi", "en"].forEach(function (lang) {
      WIDGETS.forEach(function (w) {
        if (only && w.name !== only) return;
        if (!customElementsKnown(w.name)) return;
        var el = document.createElement("chitieu-" + w.name);
        el.setAttribute("src", SRC);
        el.setAttribute("theme", theme);
        el.setAttribute("lang", lang);
        Object.keys(w.attrs).forEach(function (k) { el.setAttribute(k, w.attrs[k]); });
        if (w.wide) el.className = "wide";
        grid.appendChild(el);
      });
    });
    section.appendChild(grid);
    root.appendChild(section);
  });
  // Only widgets this build defines are shown, so the page works while widgets are added.
  function customElementsKnown(name) {
    return !!customElements.get("chitieu-" + name);
  }
})();
