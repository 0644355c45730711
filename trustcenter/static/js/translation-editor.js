// The translation editor's filter, "next pending" button, refusal messages and save warnings
// (issue 16.7), a static file: the admin's Content-Security-Policy is meant to need no inline
// script from the project.
//
// wagtail-localize's editor is a compiled React app with generated class names, so this
// reads its DOM by structure (trustcenter/static/css/translation-editor.css says which) and
// marks only attributes React never sets (hidden, data-current-pending): React re-renders a
// segment's class ("complete", "incomplete", "errored") and content, never those. It renders
// after this script runs and again on every save, so the filter is applied on each change.
(() => {
  const tools = document.querySelector("[data-translation-editor-tools]");
  const editor = document.querySelector(".js-translation-editor");
  if (!tools || !editor) return;
  const filter = tools.querySelector("input[type=search]");
  const nextButton = tools.querySelector("[data-next-pending]");
  const status = tools.querySelector("[data-status]");

  const groups = () => editor.querySelectorAll("section > ul > li");
  const segmentsOf = (group) => group.querySelectorAll(":scope > ul > li");
  // No translation yet ("incomplete"), or one with an error or awaiting review ("errored").
  const isPending = (segment) =>
    segment.classList.contains("incomplete") || segment.classList.contains("errored");

  function update() {
    const words = filter.value.trim().toLocaleLowerCase();
    let shown = 0;
    let pending = 0;
    for (const group of groups()) {
      let groupShown = false;
      for (const segment of segmentsOf(group)) {
        const match = !words || segment.textContent.toLocaleLowerCase().includes(words);
        if (segment.hidden === match) segment.hidden = !match;
        if (match) {
          groupShown = true;
          shown += 1;
          if (isPending(segment)) pending += 1;
        }
      }
      if (group.hidden === groupShown) group.hidden = !groupShown;
    }
    const label = words ? tools.dataset.filteredLabel : tools.dataset.allLabel;
    status.textContent = label.replace("{shown}", shown).replace("{pending}", pending);
    nextButton.disabled = pending === 0;
  }

  function jumpToNextPending() {
    const pending = [...editor.querySelectorAll("section > ul > li > ul > li")].filter(
      (segment) => !segment.hidden && isPending(segment),
    );
    if (!pending.length) return;
    const current = editor.querySelector("li[data-current-pending]");
    const next = pending[(pending.indexOf(current) + 1) % pending.length];
    if (current) current.removeAttribute("data-current-pending");
    next.setAttribute("data-current-pending", "");
    next.scrollIntoView({ block: "center" });
    const button = next.querySelector("button");
    if (button) button.focus({ preventScroll: true });
  }

  // The editor shows any refused save as "Server error": the bar shows why (the save views
  // answer a refusal with a 400 and its reason in the translator's language). A stored save
  // may carry formatting and glossary warnings the editor doesn't know of: the bar shows
  // those until the next save. The response goes on to the editor untouched.
  const refusal = tools.querySelector("[data-refusal]");
  const warnings = tools.querySelector("[data-warnings]");
  const showWarnings = (data) => {
    const lines = [data.formatting_warnings, data.glossary_warnings]
      .filter(Array.isArray)
      .flat()
      .filter((line) => typeof line === "string");
    warnings.replaceChildren(
      ...lines.map((line) => Object.assign(document.createElement("li"), { textContent: line })),
    );
  };
  const editorFetch = window.fetch;
  window.fetch = async (...args) => {
    const response = await editorFetch(...args);
    if (response.status === 400) {
      warnings.replaceChildren();
      response
        .clone()
        .json()
        .then((data) => {
          if (data && typeof data.error === "string") refusal.textContent = data.error;
        })
        .catch(() => {});
    } else if (response.ok) {
      refusal.textContent = "";
      warnings.replaceChildren();
      response
        .clone()
        .json()
        .then((data) => {
          if (data && typeof data === "object") showWarnings(data);
        })
        .catch(() => {});
    }
    return response;
  };

  filter.addEventListener("input", update);
  nextButton.addEventListener("click", jumpToNextPending);
  // Only the tree (React rendering, a save changing a segment's state), not attributes: the
  // filter's own hidden attributes don't call it again.
  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      update();
    });
  }).observe(editor, { childList: true, subtree: true, characterData: true });
  tools.hidden = false;
  update();
})();
