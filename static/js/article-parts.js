/*
 * Paragraph links across the parts of a long article (progressive enhancement).
 * A long article is shown in parts (`?part=2`); the site's own links to a
 * paragraph already name its part, but a link from elsewhere to `#p900` lands
 * on the first part. When the address names a paragraph this part does not
 * hold, go to the part that does, keeping the anchor. The parts' first
 * paragraphs are in `data-part-starts` on the parts navigation. A static file,
 * as the site's Content-Security-Policy allows no inline script.
 */
(function () {
  "use strict";

  var nav = document.querySelector("[data-part-starts]");
  if (!nav) {
    return;
  }
  var starts = nav.getAttribute("data-part-starts").split(",").map(Number);

  function follow() {
    var match = /^#p(\d+)$/.exec(window.location.hash);
    if (!match || document.getElementById("p" + match[1])) {
      return;
    }
    var number = Number(match[1]);
    var part = 1;
    for (var index = 0; index < starts.length; index += 1) {
      if (starts[index] <= number) {
        part = index + 1;
      }
    }
    var url = new URL(window.location.href);
    if (part > 1) {
      url.searchParams.set("part", String(part));
    } else {
      url.searchParams.delete("part");
    }
    if (url.href !== window.location.href) {
      window.location.replace(url.href);
    }
  }

  follow();
  window.addEventListener("hashchange", follow);
}());
