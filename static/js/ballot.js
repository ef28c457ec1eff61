/*
 * The DVO ballot's live counter: "5 van 7 gekozen".
 *
 * Updates an aria-live region as boxes are ticked, says how many more (or fewer) are needed, and enables the
 * submit button only when exactly the required number is chosen. The texts come from data attributes that the
 * server rendered in the user's language. The server checks the same rule anyway; without JavaScript the form
 * still works. No inline script: this file is loaded with defer.
 */
(function () {
  "use strict";

  function fill(template, values) {
    return Object.keys(values).reduce(function (text, key) {
      return text.split("__" + key + "__").join(String(values[key]));
    }, template || "");
  }

  function setUp(form) {
    var required = parseInt(form.getAttribute("data-required"), 10);
    var boxes = Array.prototype.slice.call(form.querySelectorAll("[data-ballot-choice]"));
    var counter = form.querySelector("[data-ballot-counter]");
    var hint = form.querySelector("[data-ballot-hint]");
    var submit = form.querySelector("[data-ballot-submit]");

    function update() {
      var count = boxes.filter(function (box) { return box.checked; }).length;
      if (counter) {
        counter.textContent = fill(form.getAttribute("data-counter-text"), { COUNT: count, REQUIRED: required });
      }
      if (hint) {
        if (count < required) {
          hint.textContent = fill(form.getAttribute("data-hint-more"), { N: required - count });
        } else if (count > required) {
          hint.textContent = fill(form.getAttribute("data-hint-less"), { N: count - required });
        } else {
          hint.textContent = form.getAttribute("data-hint-ok") || "";
        }
      }
      if (submit) {
        var ok = count === required;
        submit.disabled = !ok;
        submit.setAttribute("aria-disabled", ok ? "false" : "true");
      }
      boxes.forEach(function (box) {
        var card = box.closest(".card");
        if (card) { card.classList.toggle("border-primary", box.checked); }
      });
    }

    boxes.forEach(function (box) { box.addEventListener("change", update); });
    form.addEventListener("submit", function (event) {
      var count = boxes.filter(function (box) { return box.checked; }).length;
      if (count !== required) {
        event.preventDefault();
        update();
        if (counter) { counter.focus(); }
      }
    });
    if (counter) { counter.setAttribute("tabindex", "-1"); }
    update();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ballot-form]"), setUp);
    var errors = document.getElementById("ballot-errors");
    if (errors) { errors.focus(); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
