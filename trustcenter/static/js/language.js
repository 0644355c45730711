// The language switch: it remembers the language a visitor switches to, so that "/" sends them
// there next time (Django's LocaleMiddleware reads this cookie before Accept-Language), and
// keeps the place on the page (#faq-…), since a page's anchors are the same in every language.
(function () {
  "use strict";

  var LINKS = "[data-language-cookie] a[hreflang]";

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(LINKS);
    if (!link) return;
    var cookieName = link.closest("[data-language-cookie]").getAttribute("data-language-cookie");
    document.cookie =
      cookieName + "=" + encodeURIComponent(link.getAttribute("hreflang")) +
      "; path=/; max-age=31536000; samesite=lax" +
      (window.location.protocol === "https:" ? "; secure" : "");
  });

  // On the links themselves, not only on click: opened in a new tab, they keep it too.
  function keepFragment() {
    document.querySelectorAll(LINKS).forEach(function (link) {
      link.hash = window.location.hash;
    });
  }

  keepFragment();
  window.addEventListener("hashchange", keepFragment);
})();
