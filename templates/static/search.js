/* Search over the Pagefind index of the article pages: results as you type, each
   opening at the paragraph that matches; the query lives in the address (?q=) so a
   search can be shared. Says so where search cannot run (a page opened from a file). */
(function () {
  "use strict";
  var form, status, list, pagefind = null, timer = null, asked = 0;

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) { el.className = cls; }
    return el;
  }

  /* The id of the paragraph holding the first hit: the last element with an id that
     starts at or before it (Pagefind records where each one starts). */
  function paragraphOf(item) {
    var hit = (item.locations || [])[0], best = null;
    (item.anchors || []).forEach(function (anchor) {
      if (anchor.id && hit !== undefined && anchor.location <= hit &&
          (!best || anchor.location >= best.location)) { best = anchor; }
    });
    return best ? best.id : "";
  }

  function render(items) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var meta = item.meta || {};
      var id = paragraphOf(item);
      var a = text("a", meta.title || item.url);
      a.href = item.url.split("#")[0] + (id ? "#" + encodeURIComponent(id) : "");
      li.appendChild(a);
      if (meta.source) {
        var about = text("span", " · ", "meta");
        about.appendChild(text("span", meta.source, "source"));
        if (meta.date) { about.appendChild(document.createTextNode(", " + meta.date)); }
        li.appendChild(about);
      }
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

  /* Keep the address in step with the form, without adding history entries. */
  function remember(query, source, topic) {
    var params = new URLSearchParams();
    if (query) { params.set("q", query); }
    if (source) { params.set("source", source); }
    if (topic) { params.set("topic", topic); }
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  }

  function run(event) {
    if (event && event.type === "submit") { event.preventDefault(); }
    var query = form.q.value.trim();
    var source = form.source.value, topic = form.topic.value;
    remember(query, source, topic);
    var mine = ++asked;
    if (!query) { status.textContent = "Type words to search for."; list.textContent = ""; return; }
    status.textContent = "Searching…";
    pagefind.search(query).then(function (search) {
      return Promise.all(search.results.slice(0, 60).map(function (r) { return r.data(); }));
    }).then(function (items) {
      if (mine !== asked) { return; }  /* a later keystroke has its own answer coming */
      var kept = items.filter(function (item) { return matches(item, source, topic); });
      render(kept);
      status.textContent = kept.length + (kept.length === 1 ? " result" : " results") +
        " for “" + query + "”" + (source ? " in " + source : "") + (topic ? " about " + topic : "") + ".";
    }).catch(function (error) { status.textContent = "Search failed: " + error; });
  }

  function typed() {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
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

  function unavailable() {
    document.getElementById("search-unavailable").hidden = false;
    form.hidden = true;
  }

  function start() {
    form = document.getElementById("search-form");
    status = document.getElementById("search-status");
    list = document.getElementById("search-results");
    var params = new URLSearchParams(location.search);
    form.q.value = params.get("q") || "";
    form.source.value = params.get("source") || "";
    form.topic.value = params.get("topic") || "";
    if (location.protocol === "file:") { unavailable(); return; }
    var index = new URL(form.getAttribute("data-index"), location.href);
    import(index.href).then(function (module) {
      pagefind = module;
      return pagefind.init ? pagefind.init() : null;
    }).then(function () {
      return mergeShards(index);
    }).then(function () {
      form.addEventListener("submit", run);
      form.q.addEventListener("input", typed);
      form.source.addEventListener("change", run);
      form.topic.addEventListener("change", run);
      if (form.q.value) { run(); }
    }).catch(unavailable);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
