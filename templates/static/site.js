/* Popover previews for links to source paragraphs. The text is fetched from the
   linked page (once per page) and the paragraph picked by its id, so no page carries
   copies of other pages' paragraphs. Progressive enhancement: without JavaScript, or
   from file:// where pages cannot be fetched, the links simply go to the paragraph. */
(function () {
  "use strict";
  var box = null, owner = null, pages = {};

  function hide() {
    if (box) { box.hidden = true; }
    if (owner) { owner.removeAttribute("aria-describedby"); owner = null; }
  }

  function page(url) {
    if (!pages[url]) {
      pages[url] = fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      }).then(function (html) {
        return new DOMParser().parseFromString(html, "text/html");
      });
      pages[url].catch(function () { delete pages[url]; });
    }
    return pages[url];
  }

  function paragraphText(doc, id) {
    var el = doc.getElementById(id);
    if (!el) { return ""; }
    var body = el.querySelector("p, h2, pre") || el;
    return body.textContent.trim();
  }

  function place(link, text) {
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
    var view = document.documentElement.clientWidth;
    var width = Math.min(360, view - 16);
    box.style.width = width + "px";
    box.style.left = Math.max(8, Math.min(r.left + window.scrollX,
                                          window.scrollX + view - width - 8)) + "px";
    box.style.top = (r.bottom + window.scrollY + 6) + "px";
    link.setAttribute("aria-describedby", box.id);
  }

  function show(link) {
    if (location.protocol === "file:") { return; }
    var target = new URL(link.getAttribute("href"), location.href);
    var id = decodeURIComponent(target.hash.slice(1));
    if (!id) { return; }
    target.hash = "";
    if (owner && owner !== link) { hide(); }
    owner = link;
    page(target.href).then(function (doc) {
      var text = paragraphText(doc, id);
      if (owner === link && text) { place(link, text); }
    }).catch(function () { /* no preview; the link still works */ });
  }

  function previewable(node) {
    return node && node.closest ? node.closest("a.ref") : null;
  }

  document.addEventListener("mouseover", function (e) {
    var link = previewable(e.target);
    if (link) { show(link); } else if (owner && !(box && box.contains(e.target))) { hide(); }
  });
  document.addEventListener("focusin", function (e) {
    var link = previewable(e.target);
    if (link) { show(link); } else { hide(); }
  });
  document.addEventListener("focusout", function (e) {
    if (owner && e.target === owner) { hide(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); }
  });
})();
