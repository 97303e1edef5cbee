// N gauges of one library, from inline data: ?lib=chitieu|echarts|echarts-gauge|chartjs|
// chartjs-doughnut|highcharts&n=N. Sets window.__bench = { done, ms, error } once every
// gauge has been drawn and the frame after it painted.
(function () {
  var q = new URLSearchParams(location.search);
  var lib = q.get("lib"), n = Number(q.get("n") || 10);
  var grid = document.getElementById("grid");
  var SCRIPTS = {
    chitieu: ["/dist/chitieu.js"],
    echarts: ["node_modules/echarts/dist/echarts.min.js"],
    "echarts-gauge": ["dist/echarts-gauge.js"],
    chartjs: ["node_modules/chart.js/dist/chart.umd.min.js"],
    "chartjs-doughnut": ["dist/chartjs-doughnut.js"],
    highcharts: [
      "node_modules/highcharts/highcharts.js",
      "node_modules/highcharts/highcharts-more.js",
      "node_modules/highcharts/modules/solid-gauge.js"
    ]
  };
  function value(i) { return 20 + ((i * 37) % 80); }
  function cell() {
    var d = document.createElement("div");
    d.className = "cell";
    grid.appendChild(d);
    return d;
  }
  function finish(error) {
    // Two frames: the first runs before the paint of what was drawn, the second after it.
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        performance.mark("painted");
        var ms = performance.measure("total", "start", "painted").duration;
        window.__bench = { done: true, ms: ms, error: error || null };
      });
    });
  }
  function load(urls, then) {
    if (!urls.length) return then();
    var s = document.createElement("script");
    s.src = urls[0];
    s.onload = function () { load(urls.slice(1), then); };
    s.onerror = function () { window.__bench = { done: true, error: "could not load " + urls[0] }; };
    document.head.appendChild(s);
  }
  var DRAW = {
    chitieu: function () {
      var ready = 0, failed = null;
      function done() { if (++ready === n) finish(failed); }
      document.addEventListener("chitieu:ready", done);
      document.addEventListener("chitieu:error", function (e) { failed = e.detail.message; done(); });
      for (var i = 0; i < n; i++) {
        window.chitieu.mount(cell(), {
          widget: "gauge", indicator: "g", export: "none",
          data: {
            schema: "chitieu/1", plan: { id: "p" + i, title: "Kế hoạch " + i }, as_of: "2025-06-30",
            indicators: [{
              id: "g", name: { vi: "Chỉ tiêu " + i }, unit: "percent",
              targets: [{ op: "gte", value: 90, deadline: "2025" }],
              observations: [{ period: "2024", value: value(i) }]
            }]
          }
        });
      }
    },
    echarts: function () {
      for (var i = 0; i < n; i++) {
        window.echarts.init(cell()).setOption({
          animation: false,
          series: [{
            type: "gauge", min: 0, max: 100, progress: { show: true },
            detail: { formatter: "{value}%" }, data: [{ value: value(i), name: "Chỉ tiêu " + i }]
          }]
        });
      }
      finish();
    },
    chartjs: function () {
      for (var i = 0; i < n; i++) {
        var c = document.createElement("canvas");
        c.width = 240; c.height = 180;
        cell().appendChild(c);
        new window.Chart(c, {
          type: "doughnut",
          data: { labels: ["Chỉ tiêu " + i, ""], datasets: [{ data: [value(i), 100 - value(i)] }] },
          options: {
            animation: false, responsive: false, circumference: 180, rotation: -90,
            plugins: { legend: { display: false }, tooltip: { enabled: false } }
          }
        });
      }
      finish();
    },
    highcharts: function () {
      for (var i = 0; i < n; i++) {
        window.Highcharts.chart(cell(), {
          chart: { type: "solidgauge", animation: false },
          title: { text: "Chỉ tiêu " + i }, credits: { enabled: false }, tooltip: { enabled: false },
          pane: { startAngle: -90, endAngle: 90, background: { innerRadius: "60%", outerRadius: "100%", shape: "arc" } },
          yAxis: { min: 0, max: 100 },
          plotOptions: { series: { animation: false } },
          series: [{ data: [value(i)] }]
        });
      }
      finish();
    }
  };
  DRAW["echarts-gauge"] = DRAW.echarts;
  DRAW["chartjs-doughnut"] = DRAW.chartjs;
  if (!SCRIPTS[lib]) { window.__bench = { done: true, error: "unknown lib " + lib }; return; }
  load(SCRIPTS[lib], function () {
    try { DRAW[lib](); } catch (e) { window.__bench = { done: true, error: String(e) }; }
  });
})();
