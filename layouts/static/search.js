// Site search with Pagefind's JS API. The header box shows the best results as you type on every
// page; on /search/ it drives the full list, with filters and sorting. Pagefind's bundle is
// loaded from the site's base path the first time the box is used, and only the index chunks a
// query needs are fetched.
const FILTERS = { source: "Source", year: "Year", people: "People", places: "Places", organisations: "Organisations" };
const PAGE_SIZE = 20;
const PANEL_SIZE = 6;
const FILTER_VALUES_SHOWN = 12;

const form = document.querySelector("form.site-search");
const input = form.elements.q;
const page = document.getElementById("search-page"); // only on /search/
const view = page ? pageView(page) : panelView(form.querySelector(".search-panel"));
const state = { generation: 0, results: [], shown: 0, chosen: {}, sort: "" };
let bundle = null;

function pagefind() {
  bundle ??= import(form.dataset.bundle).then(async (pf) => {
    await pf.options({ baseUrl: form.dataset.base });
    if (page) await pf.filters(); // loads every filter's values, so results can count them
    return pf;
  });
  return bundle;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function chosenFilters() {
  const filters = {};
  for (const [key, values] of Object.entries(state.chosen)) if (values.size) filters[key] = { any: [...values] };
  return filters;
}

async function search() {
  const generation = ++state.generation;
  const query = input.value.trim();
  const filters = chosenFilters();
  view.remember?.(query);
  if (!query && !Object.keys(filters).length) return view.clear();
  let pf;
  try {
    pf = await pagefind();
  } catch {
    return view.status("Search is not available: the search index was not found.");
  }
  const options = { filters: { ...filters, type: "briefing" }, sort: state.sort ? { date: state.sort } : undefined };
  const found = await pf.debouncedSearch(query || null, options, 150);
  if (found === null || generation !== state.generation) return; // a newer keystroke took over
  state.results = found.results;
  state.shown = 0;
  const items = await nextItems();
  if (generation !== state.generation) return;
  view.start(found, query); // with the first results, so the count and the list appear together
  view.add(items, state.shown < state.results.length);
  if (query && !Object.keys(filters).length) {
    const entities = await pf.search(query, { filters: { type: "entity" } });
    if (generation === state.generation) view.entities(await data(entities.results.slice(0, 5)));
  }
}

const data = (results) => Promise.all(results.map((result) => result.data()));

async function nextItems() {
  const batch = state.results.slice(state.shown, state.shown + view.size);
  state.shown += batch.length;
  return (await data(batch)).map(resultItem);
}

async function showMore() {
  const generation = state.generation;
  const items = await nextItems();
  if (generation === state.generation) view.add(items, state.shown < state.results.length);
}

function resultItem(record) {
  const item = element("li", "search-result");
  const link = item.appendChild(element("h2")).appendChild(element("a", "", record.meta.title));
  link.href = record.url;
  const byline = [record.meta.date, record.meta.source || record.meta.kind].filter(Boolean).join(" · ");
  if (byline) item.appendChild(element("p", "byline", byline));
  // Pagefind escapes the page text in excerpts; its only markup is <mark> around the matches.
  item.appendChild(element("p", "excerpt")).innerHTML = record.excerpt;
  return item;
}

function countLine(count, query) {
  const what = count === 1 ? "1 briefing" : `${count.toLocaleString()} briefings`;
  return query ? `${what} for “${query}”` : what;
}

// The dropdown under the header box, on every page but /search/.
function panelView(panel) {
  const list = element("ol", "search-results");
  const footer = element("p", "search-all");
  const status = (text) => { panel.replaceChildren(element("p", "search-status", text)); panel.hidden = false; };
  document.addEventListener("click", (event) => { if (!form.contains(event.target)) panel.hidden = true; });
  input.addEventListener("focus", () => { if (panel.childElementCount) panel.hidden = false; });
  return {
    size: PANEL_SIZE,
    status,
    clear() { panel.replaceChildren(); panel.hidden = true; },
    start(found, query) {
      list.replaceChildren();
      const all = element("a", "", `All ${countLine(found.results.length, query)}, with filters →`);
      footer.replaceChildren(all);
      all.href = `${form.action}?q=${encodeURIComponent(query)}`;
      panel.replaceChildren(...(found.results.length ? [list, footer] : [element("p", "search-status", `No briefings for “${query}”.`)]));
      panel.hidden = false;
    },
    add(items) { list.append(...items); },
    entities() {},
  };
}

// The search page: the full list, "more results", filters with counts, sorting, related entities.
function pageView(section) {
  const [controls, status, list, more, entities] = [".search-controls", ".search-status", ".search-results",
    ".search-more", ".search-entities"].map((selector) => section.querySelector(selector));
  const filterBox = controls.querySelector(".search-filters");
  controls.hidden = false;
  controls.addEventListener("submit", (event) => event.preventDefault());
  controls.elements.sort.addEventListener("change", (event) => { state.sort = event.target.value; search(); });
  more.addEventListener("click", () => showMore());
  form.addEventListener("submit", (event) => { event.preventDefault(); search(); });

  function filterSet(key, counts) {
    const chosen = state.chosen[key] ?? new Set();
    const values = Object.entries(counts ?? {}).filter(([value, count]) => count || chosen.has(value))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, FILTER_VALUES_SHOWN);
    if (!values.length) return null;
    const set = element("fieldset", "search-filter");
    set.appendChild(element("legend", "", FILTERS[key]));
    for (const [value, count] of values) {
      const label = set.appendChild(element("label"));
      const box = label.appendChild(element("input"));
      Object.assign(box, { type: "checkbox", name: key, value, checked: chosen.has(value) });
      label.append(` ${value} `, element("span", "count", `(${count})`));
    }
    return set;
  }

  filterBox.addEventListener("change", (event) => {
    const { name, value, checked } = event.target;
    const chosen = (state.chosen[name] ??= new Set());
    checked ? chosen.add(value) : chosen.delete(value);
    search();
  });

  return {
    size: PAGE_SIZE,
    status(text) { status.textContent = text; },
    remember(query) { history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname); },
    clear() {
      status.textContent = "";
      list.replaceChildren();
      filterBox.replaceChildren();
      entities.hidden = more.hidden = true;
    },
    start(found, query) {
      status.textContent = found.results.length ? countLine(found.results.length, query) : `No briefings for “${query}”.`;
      list.replaceChildren();
      entities.hidden = true;
      filterBox.replaceChildren(...Object.keys(FILTERS).map((key) => filterSet(key, found.filters[key])).filter(Boolean));
    },
    add(items, hasMore) { list.append(...items); more.hidden = !hasMore; },
    entities(records) {
      entities.querySelector("ol").replaceChildren(...records.map(resultItem));
      entities.hidden = !records.length;
    },
  };
}

input.addEventListener("input", () => search());
input.addEventListener("focus", () => pagefind().catch(() => {}), { once: true }); // start loading early
input.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !page) view.clear();
});
// "/" focuses the search box, unless the reader is typing somewhere.
document.addEventListener("keydown", (event) => {
  const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
  if (event.key !== "/" || typing || event.ctrlKey || event.metaKey || event.altKey) return;
  event.preventDefault();
  input.focus();
  input.select();
});

if (page) {
  input.value = new URLSearchParams(location.search).get("q") ?? "";
  if (input.value) search();
  else input.focus();
}
