"use strict";
/* Swagger UI from the local swagger-ui-dist copy; no validator, no outside requests. */
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null, deepLinking: false });
});
