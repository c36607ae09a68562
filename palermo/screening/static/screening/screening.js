// The border page answers without reloading: the form is posted in the background and the
// server's own rendering of the result replaces the result area.
(function () {
  "use strict";
  var form = document.getElementById("screening-form");
  var field = document.getElementById("q");
  var result = document.getElementById("screening-result");
  if (!form || !field || !result) { return; }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Palermo-Fragment": "result" },
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok && response.status !== 200) { throw new Error(String(response.status)); }
      return response.text();
    }).then(function (html) {
      result.innerHTML = html;
      field.select();
    }).catch(function () {
      form.submit();  // fall back to an ordinary page load
    }).finally(function () {
      button.disabled = false;
    });
  });

  field.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();
