/*
 * The DVO ballot's live counter: "5 van 7 gekozen".
 *
 * Updates an aria-live region as boxes are ticked, says how many more (or fewer) are needed and which ranks are
 * missing or given twice, and enables the submit button only when exactly the required number is chosen with a
 * complete order or none. Rank and remark show only for a ticked priority; unticking one clears its rank. The texts come from data attributes that the
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

    function extra(box) { return document.getElementById(box.getAttribute("aria-controls")); }
    function rank(box) {
      var part = extra(box);
      var select = part && part.querySelector("[data-ballot-preference]");
      return select ? select.value : "";
    }
    function quoted(list) {
      return list.map(function (box) { return "\u201c" + box.getAttribute("data-title") + "\u201d"; }).join(", ");
    }

    // The order problem of the ticked boxes, or "": every one a distinct place, or none a place at all.
    function rankProblem(checked) {
      var ranked = checked.filter(function (box) { return rank(box) !== ""; });
      if (!ranked.length) { return ""; }
      var byPlace = {};
      ranked.forEach(function (box) { (byPlace[rank(box)] = byPlace[rank(box)] || []).push(box); });
      var twice = Object.keys(byPlace).filter(function (place) { return byPlace[place].length > 1; });
      if (twice.length) {
        return fill(form.getAttribute("data-hint-rank-twice"), { PLACE: twice[0], NAMES: quoted(byPlace[twice[0]]) });
      }
      var missing = checked.filter(function (box) { return rank(box) === ""; });
      if (missing.length) { return fill(form.getAttribute("data-hint-rank-missing"), { NAMES: quoted(missing) }); }
      return "";
    }

    function update() {
      var checked = boxes.filter(function (box) { return box.checked; });
      var count = checked.length;
      var problem = count === required ? rankProblem(checked) : "";
      boxes.forEach(function (box) {
        var part = extra(box);
        if (part) { part.hidden = !box.checked; }
      });
      if (counter) {
        counter.textContent = fill(form.getAttribute("data-counter-text"), { COUNT: count, REQUIRED: required });
        counter.classList.toggle("text-success", count === required && !problem);
        counter.classList.toggle("text-danger", count > required);
      }
      if (hint) {
        if (count < required) {
          hint.textContent = fill(form.getAttribute("data-hint-more"), { N: required - count });
        } else if (count > required) {
          hint.textContent = fill(form.getAttribute("data-hint-less"), { N: count - required });
        } else {
          hint.textContent = problem || form.getAttribute("data-hint-ok") || "";
        }
      }
      if (submit) {
        var ok = count === required && !problem;
        submit.disabled = !ok;
        submit.setAttribute("aria-disabled", ok ? "false" : "true");
      }
      boxes.forEach(function (box) {
        var card = box.closest(".card");
        if (card) { card.classList.toggle("border-primary", box.checked); }
      });
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var part = extra(box);
        var select = part && part.querySelector("[data-ballot-preference]");
        if (!box.checked && select) { select.value = ""; }  // an unticked priority keeps no place
        update();
      });
      var part = extra(box);
      var select = part && part.querySelector("[data-ballot-preference]");
      if (select) { select.addEventListener("change", update); }
    });
    form.addEventListener("submit", function (event) {
      var checked = boxes.filter(function (box) { return box.checked; });
      if (checked.length !== required || rankProblem(checked)) {
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
