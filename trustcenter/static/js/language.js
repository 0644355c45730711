// Remember the language a visitor switches to, so that "/" sends them there next time
// (Django's LocaleMiddleware reads this cookie before Accept-Language).
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-language-cookie] a[hreflang]");
    if (!link) return;
    var cookieName = link.closest("[data-language-cookie]").getAttribute("data-language-cookie");
    document.cookie =
      cookieName + "=" + encodeURIComponent(link.getAttribute("hreflang")) +
      "; path=/; max-age=31536000; samesite=lax" +
      (window.location.protocol === "https:" ? "; secure" : "");
  });
})();
