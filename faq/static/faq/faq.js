// Progressive disclosure for FAQ items. Without this script every answer stays visible.
// Each question gets a real <button> (keyboard and screen readers work natively) with
// aria-expanded; the legacy class "content-faqys" marks an open question for old CSS.
// The question's permalink stays beside the button (a link inside a button is invalid).
// The stylesheet already paints the answers collapsed when scripts run (the "js" class set in
// <head>) until the list is marked data-faq-ready, so enhancing moves nothing.
(function () {
  "use strict";

  var COPIED_MESSAGE_MS = 4000;

  function setOpen(item, open) {
    var button = item.querySelector(".content-faq-toggle");
    var answer = item.querySelector(".content-faq-footer");
    var question = item.querySelector(".content-faq-question");
    if (!button || !answer) return;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    answer.hidden = !open;
    question.classList.toggle("content-faqys", open);
  }

  function enhance(item, index) {
    var question = item.querySelector(".content-faq-question");
    var text = item.querySelector(".content-faq-question-text");
    var icon = item.querySelector(".content-faq-toggle-icon");
    var answer = item.querySelector(".content-faq-footer");
    if (!question || !text || !answer || question.querySelector(".content-faq-toggle")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "content-faq-toggle";
    if (answer.id) button.setAttribute("aria-controls", answer.id);
    question.insertBefore(button, text);
    button.appendChild(text);
    if (icon) button.appendChild(icon);
    button.addEventListener("click", function () {
      setOpen(item, button.getAttribute("aria-expanded") !== "true");
    });
    // A numbered question keeps its number while the filter hides the ones before it.
    item.value = index + 1;
    setOpen(item, false);
  }

  // A link to a question (#faq-<id>, or its -question/-answer parts) opens it and shows it.
  function openFromHash() {
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return; // a malformed fragment: nothing to open
    }
    if (!id) return;
    var target = document.getElementById(id);
    var item = target && target.closest("[data-faq-item]");
    if (!item) return;
    item.hidden = false;
    setOpen(item, true);
    item.scrollIntoView();
  }

  // Full-width and half-width forms alike (Ｆ and F), and any case.
  function normalize(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setUpFilter(items) {
    var input = document.querySelector("[data-faq-filter]");
    var status = document.querySelector("[data-faq-filter-status]");
    if (!input || !status) return;
    var texts = items.map(function (item) {
      return normalize(item.textContent);
    });
    input.addEventListener("input", function () {
      var query = normalize(input.value);
      var shown = 0;
      items.forEach(function (item, index) {
        var match = texts[index].indexOf(query) !== -1;
        item.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = query
        ? status
            .getAttribute("data-message")
            .replace("{shown}", shown)
            .replace("{total}", items.length)
        : "";
    });
  }

  function setUpExpandAll(items) {
    [
      ["[data-faq-expand-all]", true],
      ["[data-faq-collapse-all]", false],
    ].forEach(function (action) {
      var button = document.querySelector(action[0]);
      if (!button) return;
      button.addEventListener("click", function () {
        items.forEach(function (item) {
          setOpen(item, action[1]);
        });
      });
    });
  }

  // Following a permalink also copies its address, and says so (visibly and to screen readers).
  function setUpCopiedFeedback(list) {
    var status = document.querySelector("[data-faq-copied]");
    if (!status || !navigator.clipboard) return;
    var timer;
    list.addEventListener("click", function (event) {
      var link = event.target.closest(".content-faq-permalink");
      if (!link) return;
      navigator.clipboard.writeText(link.href).then(function () {
        window.clearTimeout(timer);
        status.textContent = status.getAttribute("data-message");
        timer = window.setTimeout(function () {
          status.textContent = "";
        }, COPIED_MESSAGE_MS);
      }, function () {
        // No permission to write to the clipboard: the link still works, silently.
      });
    });
  }

  function init() {
    var list = document.querySelector("[data-faq-list]");
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-faq-item]"));
    items.forEach(enhance);
    list.setAttribute("data-faq-ready", "");
    setUpFilter(items);
    setUpExpandAll(items);
    setUpCopiedFeedback(list);
    openFromHash();
    window.addEventListener("hashchange", openFromHash);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
