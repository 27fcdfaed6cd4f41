// The ingest page: submit files, URLs and coding jobs with the token, then poll job progress.
(function () {
  "use strict";
  var tokenInput = document.getElementById("token");
  var message = document.getElementById("ingest-message");
  var KEY = "realpolitik-token";

  tokenInput.value = sessionStorage.getItem(KEY) || "";
  tokenInput.addEventListener("change", function () { sessionStorage.setItem(KEY, tokenInput.value.trim()); });

  function say(text, isError) {
    message.textContent = text;
    message.className = "message" + (isError ? " error" : "");
  }

  function send(url, body, isJson) {
    var headers = { "Authorization": "Bearer " + tokenInput.value.trim() };
    if (isJson) { headers["Content-Type"] = "application/json"; }
    return fetch(url, { method: "POST", headers: headers, body: isJson ? JSON.stringify(body) : body })
      .then(function (r) {
        return r.json().then(function (data) {
          if (!r.ok) { throw new Error(data.error || ("HTTP " + r.status)); }
          say("Job " + data.job.id + " queued.", false);
          refresh();
        });
      })
      .catch(function (err) { say(err.message, true); });
  }

  document.getElementById("upload-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    send("/api/ingest/files", new FormData(ev.target), false);
  });
  document.getElementById("url-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var urls = ev.target.urls.value.split(/\s+/).filter(function (u) { return u.length > 0; });
    send("/api/ingest/urls", { urls: urls }, true);
  });
  document.getElementById("code-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    send("/api/code", { recode: ev.target.recode.checked }, true);
  });

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text == null ? "" : String(text);
    row.appendChild(td);
    return td;
  }

  function showJobs(jobs) {
    var body = document.querySelector("#jobs tbody");
    body.textContent = "";
    jobs.forEach(function (j) {
      var tr = document.createElement("tr");
      tr.className = "job " + j.status;
      cell(tr, j.id); cell(tr, j.kind); cell(tr, j.status);
      var td = cell(tr, "");
      var bar = document.createElement("progress");
      bar.max = j.total || 1;
      bar.value = j.status === "done" ? bar.max : (j.done || 0);
      td.appendChild(bar);
      td.appendChild(document.createTextNode(" " + (j.done || 0) + (j.total ? " / " + j.total : "")));
      cell(tr, j.error || j.message); cell(tr, j.started);
      body.appendChild(tr);
    });
    return jobs.some(function (j) { return j.status === "queued" || j.status === "running"; });
  }

  function showStatus(s) {
    var el = document.getElementById("status");
    var log = Object.keys(s.ingest_log).map(function (k) { return s.ingest_log[k] + " " + k; }).join(", ");
    el.textContent = s.articles + " articles (" + s.uncoded + " not coded yet), " + s.events + " events, " +
      s.mentions + " mentions; ingest log: " + (log || "empty") + (s.last_event ? "; events up to " + s.last_event : "");
  }

  var timer = null;
  function refresh() {
    fetch("/api/status").then(function (r) { return r.json(); }).then(function (s) {
      showStatus(s);
      var active = showJobs(s.jobs || []);
      clearTimeout(timer);
      timer = setTimeout(refresh, active ? 1000 : 5000);
    }).catch(function () { timer = setTimeout(refresh, 5000); });
  }
  refresh();
})();
