/*
 * Copy buttons (progressive enhancement). Each `button.copy-button[data-copy]` copies
 * the text of the element whose id it names, exactly as the page shows it (its
 * rendered text: line breaks where the page breaks lines). The buttons are `hidden`
 * in the HTML and shown only here, where the Clipboard API is there to use; without
 * JavaScript the text stays on the page to select by hand. A static file, as the
 * site's Content-Security-Policy allows no inline script.
 */
(function () {
  "use strict";

  if (!window.isSecureContext || !navigator.clipboard || !navigator.clipboard.writeText) {
    return;
  }

  var RESET_AFTER_MS = 4000;

  function shownText(element) {
    // Rendered text, spaces at either end of each line removed.
    return element.innerText
      .split("\n")
      .map(function (line) { return line.trim(); })
      .join("\n")
      .trim();
  }

  function enhance(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) {
      return;
    }
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    button.insertAdjacentElement("afterend", status);
    var timer = null;

    function say(message, state) {
      status.textContent = message;
      button.setAttribute("data-state", state);
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        status.textContent = "";
        button.removeAttribute("data-state");
      }, RESET_AFTER_MS);
    }

    button.addEventListener("click", function () {
      navigator.clipboard.writeText(shownText(source)).then(
        function () { say("Copied", "copied"); },
        function () { say("Could not copy: select the text instead", "failed"); }
      );
    });
    button.hidden = false;
  }

  var buttons = document.querySelectorAll("button.copy-button[data-copy]");
  for (var i = 0; i < buttons.length; i += 1) {
    enhance(buttons[i]);
  }
})();
