/* Popover previews for links to source paragraphs. Progressive enhancement: without
   JavaScript the links simply go to the paragraph. */
(function () {
  "use strict";
  var box = null;
  var owner = null;

  function hide() {
    if (box) { box.hidden = true; }
    if (owner) { owner.removeAttribute("aria-describedby"); owner = null; }
  }

  function show(link) {
    var text = link.getAttribute("data-preview");
    if (!text) { return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "preview-popover";
      box.className = "popover";
      box.setAttribute("role", "tooltip");
      document.body.appendChild(box);
    }
    box.textContent = text;
    box.hidden = false;
    var r = link.getBoundingClientRect();
    var width = Math.min(360, document.documentElement.clientWidth - 16);
    box.style.width = width + "px";
    var left = Math.max(8, Math.min(r.left + window.scrollX,
                                    window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = left + "px";
    box.style.top = (r.bottom + window.scrollY + 6) + "px";
    owner = link;
    link.setAttribute("aria-describedby", box.id);
  }

  document.addEventListener("mouseover", function (e) {
    var link = e.target.closest && e.target.closest("a[data-preview]");
    if (link) { show(link); } else if (owner && !(box && box.contains(e.target))) { hide(); }
  });
  document.addEventListener("focusin", function (e) {
    var link = e.target.closest && e.target.closest("a[data-preview]");
    if (link) { show(link); } else { hide(); }
  });
  document.addEventListener("focusout", function (e) {
    if (owner && e.target === owner) { hide(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); }
  });
})();
