// Progressive disclosure for FAQ items. Without this script every answer stays visible.
// Each question gets a real <button> (keyboard and screen readers work natively) with
// aria-expanded; the legacy class "content-faqys" marks an open question for old CSS.
// The question's permalink stays beside the button (a link inside a button is invalid).
(function () {
  "use strict";

  function setOpen(item, open) {
    var button = item.querySelector(".content-faq-toggle");
    var answer = item.querySelector(".content-faq-footer");
    var question = item.querySelector(".content-faq-question");
    if (!button || !answer) return;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    answer.hidden = !open;
    question.classList.toggle("content-faqys", open);
  }

  function enhance(item) {
    var question = item.querySelector(".content-faq-question");
    var text = item.querySelector(".content-faq-question-text");
    var answer = item.querySelector(".content-faq-footer");
    if (!question || !text || !answer || question.querySelector(".content-faq-toggle")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "content-faq-toggle";
    if (answer.id) button.setAttribute("aria-controls", answer.id);
    question.insertBefore(button, text);
    button.appendChild(text);
    button.addEventListener("click", function () {
      setOpen(item, button.getAttribute("aria-expanded") !== "true");
    });
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
    setOpen(item, true);
    item.scrollIntoView();
  }

  function init() {
    document.querySelectorAll("[data-faq-item]").forEach(enhance);
    openFromHash();
    window.addEventListener("hashchange", openFromHash);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
