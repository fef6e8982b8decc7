// The dev server's live reload, added to pages as they are served (never to the files in public/).
// Reloads when a rebuild changed the page, keeping the scroll position; swaps changed stylesheets in
// place; shows build problems over the page until the next good build.
(() => {
  const script = document.currentScript;
  const base = script.dataset.base;
  const scrollKey = "livereload-scroll:" + location.pathname;

  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    const [x, y] = JSON.parse(saved);
    const restore = () => window.scrollTo(x, y);
    document.readyState === "complete" ? restore() : window.addEventListener("load", restore);
  }

  const events = new EventSource(
    `${base}__livereload/events?epoch=${script.dataset.epoch}&page=${encodeURIComponent(location.pathname)}`);

  events.addEventListener("reload", () => {
    events.close();
    sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  });

  events.addEventListener("css", (event) => {
    const { version, urls } = JSON.parse(event.data);
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const href = new URL(link.href);
      if (!urls.includes(href.pathname)) continue;
      href.searchParams.set("livereload", version);
      const fresh = link.cloneNode();
      fresh.href = href.href;
      fresh.addEventListener("load", () => link.remove(), { once: true });
      link.after(fresh);  // the old sheet stays until the new one has loaded: no flash of unstyled page
    }
  });

  events.addEventListener("problems", (event) => showProblems(JSON.parse(event.data)));

  function showProblems(problems) {
    document.getElementById("livereload-problems")?.remove();
    if (!problems.length) return;
    const box = document.createElement("div");
    box.id = "livereload-problems";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:60vh;overflow:auto;" +
      "margin:0;padding:1em 1.5em;background:#2b0d0d;color:#ffe4e4;font:14px/1.5 ui-monospace,monospace;" +
      "border-top:4px solid #e5484d;box-shadow:0 -4px 24px #0008";
    const title = document.createElement("strong");
    title.textContent = `Build problem${problems.length > 1 ? "s" : ""}`;
    const close = document.createElement("button");
    close.textContent = "×";
    close.setAttribute("aria-label", "Hide");
    close.style.cssText = "float:right;background:none;border:0;color:inherit;font-size:20px;cursor:pointer";
    close.addEventListener("click", () => box.remove());
    const list = document.createElement("ul");
    list.style.cssText = "margin:.5em 0 0;padding-left:1.2em";
    for (const problem of problems) {
      const item = document.createElement("li");
      item.className = "livereload-problem";
      item.textContent = `${problem.file}${problem.line ? ":" + problem.line : ""}: ${problem.message}`;
      list.append(item);
    }
    box.append(close, title, list);
    document.body.append(box);
  }
})();
