// The embedding guide: a log of the chitieu:ready and chitieu:error events the previews
// raise, and a button that adds a widget whose data file is missing, to show an error.
(function () {
  var log = document.getElementById("event-log");
  var summary = document.getElementById("event-summary");
  var counts = { ready: 0, error: 0 };
  var MAX = 30;

  function where(target) {
    var holder = target.closest && target.closest("[id]");
    return holder ? "#" + holder.id : target.localName;
  }
  function record(kind, e) {
    counts[kind]++;
    var li = document.createElement("li");
    var name = document.createElement("code");
    name.textContent = "chitieu:" + kind;
    li.appendChild(name);
    var text = " — " + (e.detail && e.detail.widget) + " (" + where(e.target) + ")";
    if (kind === "error") text += ": " + e.detail.message;
    li.appendChild(document.createTextNode(text));
    log.appendChild(li);
    while (log.children.length > MAX) log.removeChild(log.firstChild);
    window.site.text(summary,
      counts.ready + " lần chitieu:ready, " + counts.error + " lần chitieu:error (" + MAX + " sự kiện gần nhất ở dưới).",
      counts.ready + " chitieu:ready, " + counts.error + " chitieu:error (the last " + MAX + " events below).");
  }
  document.addEventListener("chitieu:ready", function (e) { record("ready", e); });
  document.addEventListener("chitieu:error", function (e) { record("error", e); });

  document.getElementById("make-error").addEventListener("click", function () {
    var holder = document.getElementById("error-demo");
    var w = document.createElement("chitieu-gauge");
    w.id = "missing-file";
    w.setAttribute("src", "seeds/khong-co-tep-nay.json");
    w.setAttribute("indicator", "wifi-nha-van-hoa");
    holder.replaceChildren(w);
  });
})();
