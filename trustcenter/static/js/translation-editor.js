// The translation editor's filter, "next pending" button, refusal messages and save warnings
// (issue 16.7), and the translation memory's notes beside each segment (16.1), a static file:
// the admin's Content-Security-Policy is meant to need no inline script from the project.
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
    // The segment's own Translate or Edit button, in its toolbar (not a note's).
    const button = next.querySelector(":scope > ul button");
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

  // The review panel's notes (the source's change, the previous translation, the memory's
  // suggestions) go beside the segment each is about (issue 16.1); without this script they
  // stay in the panel below the editor. The editor's segments carry no id in the DOM, so they
  // are matched to its props in the order it renders them: the tabs' segments, each tab's
  // grouped by field and block in first-seen order. A note moves only into a segment showing
  // the source text the props give it, so a future editor rendering otherwise leaves the notes
  // in the panel rather than beside the wrong text.
  const props = JSON.parse(editor.dataset.props);
  const panel = document.querySelector("[data-translation-review]");
  const notes = new Map(
    [...document.querySelectorAll("[data-pending-segment]")].map((note) => [
      note.dataset.pendingSegment,
      note,
    ]),
  );

  function segmentsInRenderedOrder() {
    const tabs = props.tabs
      .map((tab) => props.segments.filter((segment) => segment.location.tab === tab.slug))
      .filter((segments) => segments.length);
    const ordered = [];
    for (const segments of tabs.length > 1 ? tabs : [props.segments]) {
      const groups = new Map();
      for (const segment of segments) {
        const key = `${segment.location.field}/${segment.location.blockId || "null"}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(segment);
      }
      for (const group of groups.values()) ordered.push(...group);
    }
    return ordered;
  }

  function placeNotesBesideSegments() {
    if (!notes.size) return;
    const rendered = editor.querySelectorAll("section > ul > li > ul > li");
    segmentsInRenderedOrder().forEach((segment, index) => {
      const note = segment.type === "string" && notes.get(String(segment.id));
      const item = rendered[index];
      if (!note || !item || item.contains(note)) return;
      const source = item.querySelector(":scope > p");
      if (!source || source.textContent !== segment.source) return;
      const listed = note.parentElement;
      note.setAttribute("data-beside-segment", "");
      source.after(note);
      if (listed.matches("[data-translation-review] li")) listed.remove();
    });
    if (panel && !panel.querySelector("[data-pending-segment]")) {
      panel.querySelector("[data-panel-help]").textContent = panel.dataset.besideHelp;
    }
  }

  // Text the compiled editor builds in English, outside its translation catalogue: the
  // section heading ("English to 简体中文 translation") and the footer's screen-reader label of
  // its "More actions" toggle.
  const untranslated = [
    [
      "section > div > h3",
      `${props.sourceLocale.displayName} to ${props.locale.displayName} translation`,
      tools.dataset.heading,
    ],
    ["footer .w-sr-only", "More actions", tools.dataset.moreActions],
  ];
  function translateCompiledText() {
    for (const [selector, english, translated] of untranslated) {
      for (const element of editor.querySelectorAll(selector)) {
        if (element.textContent === english) element.textContent = translated;
      }
    }
  }

  // Wagtail's action footer (Publish, Preview) is fixed at the bottom left of the editor, over
  // the start of this bar: the bar starts right of it, or sits above it where the footer takes
  // most of the width (a narrow window).
  let footer = null;
  const footerResized = new ResizeObserver(() => {
    tools.style.paddingInlineStart = "";
    tools.style.bottom = "";
    const overlap = footer.getBoundingClientRect().right - tools.getBoundingClientRect().left;
    if (overlap < tools.offsetWidth / 2) {
      tools.style.paddingInlineStart = `calc(${Math.max(overlap, 0)}px + 1.25rem)`;
    } else {
      tools.style.bottom = `${footer.offsetHeight}px`;
    }
  });
  function clearFooter() {
    const rendered = editor.querySelector("footer");
    if (!rendered || rendered === footer) return;
    footer = rendered;
    footerResized.disconnect();
    footerResized.observe(footer);
    footerResized.observe(tools);
  }

  function onRender() {
    clearFooter();
    translateCompiledText();
    placeNotesBesideSegments();
    update();
  }

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
      onRender();
    });
  }).observe(editor, { childList: true, subtree: true, characterData: true });
  tools.hidden = false;
  onRender();
})();
