/* Search over the Pagefind index, narrowed by source and topic (page metadata).
   Says so where search cannot run (a page opened from a file). */
(function () {
  "use strict";
  var form, status, list, pagefind = null;

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) { el.className = cls; }
    return el;
  }

  function render(items) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = text("a", (item.meta && item.meta.title) || item.url);
      a.href = item.url;
      li.appendChild(a);
      if (item.meta && item.meta.source) { li.appendChild(text("span", " · " + item.meta.source, "meta")); }
      var p = document.createElement("p");
      /* Pagefind's excerpt is page text it has escaped, with <mark> around the hits. */
      p.innerHTML = item.excerpt;
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  function matches(item, source, topic) {
    var meta = item.meta || {};
    if (source && meta.source !== source) { return false; }
    if (topic && (meta.topics || "").split("|").indexOf(topic) < 0) { return false; }
    return true;
  }

  function run(event) {
    if (event) { event.preventDefault(); }
    var query = form.q.value.trim();
    var source = form.source.value, topic = form.topic.value;
    if (!query) { status.textContent = "Type words to search for."; list.textContent = ""; return; }
    status.textContent = "Searching…";
    pagefind.search(query).then(function (search) {
      return Promise.all(search.results.slice(0, 60).map(function (r) { return r.data(); }));
    }).then(function (items) {
      var kept = items.filter(function (item) { return matches(item, source, topic); });
      render(kept);
      status.textContent = kept.length + (kept.length === 1 ? " result" : " results") +
        " for “" + query + "”" + (source ? " in " + source : "") + (topic ? " about " + topic : "") + ".";
    }).catch(function (error) { status.textContent = "Search failed: " + error; });
  }

  /* A big site's index comes in shards (listed beside the first); search them all. */
  function mergeShards(index) {
    return fetch(new URL("shards.json", index)).then(function (response) {
      return response.ok ? response.json() : [];
    }).then(function (folders) {
      var root = new URL("../", index);
      return Promise.all(folders.slice(1).map(function (folder) {
        return pagefind.mergeIndex(new URL(folder, root).href);
      }));
    });
  }

  function start() {
    form = document.getElementById("search-form");
    status = document.getElementById("search-status");
    list = document.getElementById("search-results");
    var params = new URLSearchParams(location.search);
    form.q.value = params.get("q") || "";
    if (location.protocol === "file:") {
      document.getElementById("search-unavailable").hidden = false;
      form.hidden = true;
      return;
    }
    var index = new URL(form.getAttribute("data-index"), location.href);
    import(index.href).then(function (module) {
      pagefind = module;
      return pagefind.init ? pagefind.init() : null;
    }).then(function () {
      return mergeShards(index);
    }).then(function () {
      form.addEventListener("submit", run);
      form.source.addEventListener("change", run);
      form.topic.addEventListener("change", run);
      if (form.q.value) { run(); }
    }).catch(function () {
      document.getElementById("search-unavailable").hidden = false;
      form.hidden = true;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
