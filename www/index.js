// The home page: the plan switcher under "Các kế hoạch khác".
(function () {
  var plan = document.getElementById("plan");
  plan.addEventListener("change", function () {
    document.getElementById("plan-table").setAttribute("src", plan.value);
    // The resolution has no appendix of tasks: its list says it has none.
    document.getElementById("plan-tasks").setAttribute("src", plan.value);
  });
})();
