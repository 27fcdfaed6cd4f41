// Swagger UI for /docs, started from a static file because the CSP allows no inline script.
(function () {
  "use strict";
  var el = document.getElementById("swagger-ui");
  if (!el || typeof SwaggerUIBundle === "undefined") { return; }
  SwaggerUIBundle({ url: el.dataset.spec, dom_id: "#swagger-ui", deepLinking: true });
})();
