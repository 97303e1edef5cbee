// 1,000 widgets on one page, all from one dataset URL: gauges for every indicator of the
// seed in turn, with a bullet every tenth widget. They start when they near the viewport.
(function () {
  var ids = ["hscv-tinh", "wifi-nha-van-hoa", "hscv-huyen", "hscv-xa"];
  var grid = document.getElementById("grid");
  for (var i = 0; i < 1000; i++) {
    var el = document.createElement(i % 10 === 9 ? "chitieu-bullet" : "chitieu-gauge");
    el.id = "w" + i;
    el.setAttribute("src", "/seeds/quang-nam-2024.json");
    el.setAttribute("indicator", ids[i % ids.length]);
    el.setAttribute("export", "none");
    grid.appendChild(el);
  }
})();
