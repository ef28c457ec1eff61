/* The timeline's dependency arrows: from the end of each bar a milestone depends on to the start of its own bar,
   in one SVG over the chart. Red when the dependency ends after the milestone starts (a conflict of order).
   Redrawn when the window changes size and before printing. The same facts are written beside each bar and in
   the table below the chart; the arrows only show them. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function draw(chart) {
    var svg = chart.querySelector(".timeline-arrows");
    var body = chart.querySelector(".timeline-body");
    if (!svg || !body) { return; }
    svg.querySelectorAll("path.timeline-arrow").forEach(function (path) { path.remove(); });
    var box = body.getBoundingClientRect();
    svg.setAttribute("width", box.width);
    svg.setAttribute("height", box.height);
    svg.setAttribute("viewBox", "0 0 " + box.width + " " + box.height);
    var bars = {};
    chart.querySelectorAll("[data-milestone]").forEach(function (row) {
      var bar = row.querySelector("[data-bar]");
      if (bar) { bars[row.dataset.milestone] = bar.getBoundingClientRect(); }
    });
    chart.querySelectorAll("[data-depends-on]").forEach(function (row) {
      var to = bars[row.dataset.milestone];
      if (!to) { return; }
      var late = (row.dataset.late || "").split(" ");
      row.dataset.dependsOn.split(" ").forEach(function (id) {
        var from = bars[id];
        if (!from) { return; }  // filtered out: the dependency is still named beside the bar
        var x1 = from.right - box.left, y1 = from.top + from.height / 2 - box.top;
        var x2 = to.left - box.left, y2 = to.top + to.height / 2 - box.top;
        var bend = Math.max(12, Math.abs(x2 - x1) / 3);
        var path = document.createElementNS(SVG, "path");
        path.setAttribute("d", "M " + x1 + " " + y1 + " C " + (x1 + bend) + " " + y1 + ", " + (x2 - bend) + " " + y2 +
          ", " + x2 + " " + y2);
        var conflict = late.indexOf(id) !== -1;
        path.setAttribute("class", "timeline-arrow" + (conflict ? " timeline-arrow--conflict" : ""));
        path.setAttribute("marker-end", conflict ? "url(#timeline-arrowhead-conflict)" : "url(#timeline-arrowhead)");
        path.dataset.from = id;
        path.dataset.to = row.dataset.milestone;
        svg.appendChild(path);
      });
    });
  }

  function drawAll() { document.querySelectorAll(".timeline").forEach(draw); }

  document.addEventListener("DOMContentLoaded", function () {
    drawAll();
    var timer = null;
    window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(drawAll, 100); });
    window.addEventListener("beforeprint", drawAll);
    window.addEventListener("afterprint", drawAll);
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  });
}());
