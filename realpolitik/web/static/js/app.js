// Charts for the dashboard. Data comes from <script type="application/json"> blocks written by the
// server (the CSP allows no inline script), drawn with the plotly.js served from the plotly package.
(function () {
  "use strict";
  var QUADS = {
    "1": ["verbal cooperation", "#7fbf7b"], "2": ["material cooperation", "#1b7837"],
    "3": ["verbal conflict", "#f4a582"], "4": ["material conflict", "#b2182b"]
  };
  var CONFIG = { responsive: true, displaylogo: false };

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function activity(el) {
    var data = readJson(el.dataset.activity);
    if (!data || !data.weeks.length) { el.textContent = "No events yet."; return; }
    var traces = Object.keys(QUADS).map(function (q) {
      return { type: "bar", x: data.weeks, y: data.series[q], name: QUADS[q][0], marker: { color: QUADS[q][1] },
               customdata: data.weeks.map(function () { return q; }) };
    });
    window.Plotly.newPlot(el, traces, {
      barmode: "stack", height: 320, margin: { t: 20, r: 10, b: 40, l: 50 },
      yaxis: { title: { text: "events per week" } }, legend: { orientation: "h" }
    }, CONFIG);
    // A click on a bar opens the explorer on that week's events of that quad class.
    el.on("plotly_click", function (ev) {
      var pt = ev.points && ev.points[0];
      if (!pt) { return; }
      var start = new Date(pt.x + "T00:00:00Z");
      var end = new Date(start.getTime() + 6 * 86400000);
      var day = function (d) { return d.toISOString().slice(0, 10); };
      window.location.href = "/events?" + new URLSearchParams({
        from: day(start), to: day(end), quad_class: pt.customdata, negated: "false"
      }).toString();
    });
  }

  function figure(el) {
    var fig = readJson(el.dataset.figure);
    if (!fig) { return; }
    var layout = fig.layout || {};
    layout.autosize = true;
    window.Plotly.newPlot(el, fig.data || [], layout, CONFIG);
  }

  function draw() {
    if (!window.Plotly) { return; }
    document.querySelectorAll("[data-activity]").forEach(activity);
    document.querySelectorAll("[data-figure]").forEach(figure);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
