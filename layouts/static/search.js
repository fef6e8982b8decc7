// Site search with Pagefind's JS API. The header box shows the best results as you type on every
// page; on /search/ it drives the full list, with filters and sorting. The index comes in parts
// (pagefind/parts.json), each a Pagefind bundle, loaded from the site's base path the first time
// the box is used; only the index chunks a query needs are fetched.
const FILTERS = { source: "Source", year: "Year", people: "People", places: "Places", organisations: "Organisations" };
const PAGE_SIZE = 20;
const PANEL_SIZE = 6;
const FILTER_VALUES_SHOWN = 12; // a facet's most frequent values; "Show all" and its own filter box reach the rest
const EXCERPT_WORDS = 30;
// Ids the layouts give (layouts/_search.html): the title, and the hidden tail that holds what is
// searchable but no excerpt should show (every spelling of the names, the byline's names).
const TITLE_ID = "search-title-text";
const TAIL_ID = "search-also";
const NOTHING_YET = "Nothing to search yet: the archive has no briefings."; // an index of no part

const form = document.querySelector("form.site-search");
const input = form.elements.q;
const page = document.getElementById("search-page"); // only on /search/
const view = page ? pageView(page) : panelView(form.querySelector(".search-panel"));
const state = { generation: 0, found: null, shown: 0, chosen: {}, sort: "", facets: {} };
let partNames = null;
let merged = null;
let separate = null;

function parts() {
  partNames ??= fetch(`${form.dataset.bundle}parts.json`).then((response) => {
    if (!response.ok) throw new Error("no search index");
    return response.json();
  }).then((names) => {
    if (!names.length) throw new Error(NOTHING_YET);
    return names;
  });
  return partNames;
}

async function part(name, alone) {
  // A module URL of its own ("?alone") is a Pagefind instance of its own.
  const pf = await import(`${form.dataset.bundle}${name}/pagefind.js${alone ? "?alone" : ""}`);
  await pf.options({ baseUrl: form.dataset.base });
  return pf;
}

// Every part searched as one, best matches first.
function pagefind() {
  merged ??= parts().then(async ([first, ...others]) => {
    const pf = await part(first, false);
    await Promise.all(others.map((name) => pf.mergeIndex(`${form.dataset.bundle}${name}/`, { baseUrl: form.dataset.base })));
    if (page) await pf.filters(); // loads every filter's values, so results can count them
    return pf;
  });
  return merged;
}

// Each part on its own, for sorting by date: a merged search orders results by score only.
function eachPart() {
  separate ??= parts().then((names) => (names.length === 1 ? pagefind().then((pf) => [pf])
    : Promise.all(names.map((name) => part(name, true)))));
  return separate;
}

// What a search found: how many, the filter counts, and `take(n)`, the next n results' records.
function byScore(found) {
  let at = 0;
  return { count: found.results.length, filters: found.filters,
    take: (n) => data(found.results.slice(at, (at += n))) };
}

// The parts' date-ordered lists merged by date, a record at a time as they are shown.
function byDate(founds, direction) {
  const lists = founds.map((found) => ({ results: found.results, at: 0, head: null }));
  const before = direction === "asc" ? (a, b) => a < b : (a, b) => a > b;
  const filters = {};
  for (const found of founds) {
    for (const [key, values] of Object.entries(found.filters)) {
      filters[key] ??= {};
      for (const [value, count] of Object.entries(values)) filters[key][value] = (filters[key][value] ?? 0) + count;
    }
  }
  async function take(n) {
    const records = [];
    while (records.length < n) {
      await Promise.all(lists.map(async (list) => {
        if (!list.head && list.at < list.results.length) list.head = await list.results[list.at++].data();
      }));
      const next = lists.filter((list) => list.head)
        .reduce((best, list) => (!best || before(list.head.meta.sort, best.head.meta.sort) ? list : best), null);
      if (!next) break;
      records.push(next.head);
      next.head = null;
    }
    return records;
  }
  return { count: founds.reduce((sum, found) => sum + found.results.length, 0), filters, take };
}

async function find(pf, query, options) {
  if (!state.sort) {
    const found = await pf.debouncedSearch(query, options, 150);
    return found && byScore(found);
  }
  const generation = state.generation;
  await new Promise((resolve) => setTimeout(resolve, 150)); // as debouncedSearch waits for typing to pause
  if (generation !== state.generation) return null;
  const sorted = { ...options, sort: { date: state.sort } };
  return byDate(await Promise.all((await eachPart()).map((one) => one.search(query, sorted))), state.sort);
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

// `how`: "push" when the reader chose a filter or an order (Back undoes it), "replace" while typing,
// "keep" when the state came from the URL (loading the page, Back and Forward).
async function search(how = "replace") {
  const generation = ++state.generation;
  const query = input.value.trim();
  const filters = chosenFilters();
  if (how !== "keep") view.remember?.(query, how === "push");
  if (!query && !Object.keys(filters).length) return view.clear();
  let pf;
  try {
    pf = await pagefind();
  } catch (error) {
    return view.status(error.message === NOTHING_YET ? NOTHING_YET : "Search is not available: the search index was not found.");
  }
  const found = await find(pf, query || null, { filters: { ...filters, type: "briefing" } });
  if (found === null || generation !== state.generation) return; // a newer keystroke took over
  state.found = found;
  state.shown = 0;
  const items = await nextItems();
  if (generation !== state.generation) return;
  view.start(found, query); // with the first results, so the count and the list appear together
  view.add(items, state.shown < found.count);
  if (query && !Object.keys(filters).length) {
    const entities = await pf.search(query, { filters: { type: "entity" } });
    if (generation === state.generation) view.entities(await data(entities.results.slice(0, 5)));
  }
}

const data = (results) => Promise.all(results.map((result) => result.data()));

async function nextItems() {
  const records = await state.found.take(view.size);
  state.shown += records.length;
  return records.map(resultItem);
}

async function showMore() {
  const generation = state.generation;
  const items = await nextItems();
  if (generation === state.generation) view.add(items, state.shown < state.found.count);
}

function resultItem(record) {
  const item = element("li", "search-result");
  const link = item.appendChild(element("h2")).appendChild(element("a", "", record.meta.title));
  link.href = record.url;
  const byline = [record.meta.date, record.meta.source || record.meta.kind].filter(Boolean).join(" · ");
  if (byline) item.appendChild(element("p", "byline", byline));
  item.appendChild(excerpt(record));
  return item;
}

// The excerpt, from the briefing's own text only: the title (shown above it) and the hidden tail
// (spellings, names from the byline) are searched but never shown. The words are the densest run
// of matches, as Pagefind picks them; when only the title or the tail matched, the text's start.
// Built as text nodes and <mark>s, so nothing in the page text is read as markup.
function excerpt(record) {
  const words = record.content.split(/\s+/);
  const anchor = (id) => record.anchors?.find((one) => one.id === id);
  const title = anchor(TITLE_ID);
  const start = title ? title.location + title.text.split(/\s+/).length : 0;
  const end = anchor(TAIL_ID)?.location ?? words.length;
  const hits = (record.locations ?? []).filter((at) => at >= start && at < end).sort((x, y) => x - y);
  // The run of EXCERPT_WORDS words holding the most matches, begun a few words before its first.
  let first = hits.length ? hits[0] : start;
  for (let i = 0, j = 0, best = 0; i < hits.length; i++) {
    while (hits[i] - hits[j] >= EXCERPT_WORDS) j++;
    if (i - j + 1 > best) [best, first] = [i - j + 1, hits[j]];
  }
  const from = Math.max(start, Math.min(first - 5, end - EXCERPT_WORDS));
  const marked = new Set(hits);
  const node = element("p", "excerpt");
  const to = Math.min(from + EXCERPT_WORDS, end);
  if (from > start) node.append("… ");
  for (let at = from; at < to; at++) {
    if (at > from) node.append(" ");
    node.append(marked.has(at) ? element("mark", "", words[at]) : words[at]);
  }
  if (to < end) node.append(" …");
  return node;
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
      const all = element("a", "", `All ${countLine(found.count, query)}, with filters →`);
      footer.replaceChildren(all);
      all.href = `${form.action}?q=${encodeURIComponent(query)}`;
      panel.replaceChildren(...(found.count ? [list, footer] : [element("p", "search-status", `No briefings for “${query}”.`)]));
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
  controls.elements.sort.addEventListener("change", (event) => { state.sort = event.target.value; search("push"); });
  more.addEventListener("click", () => showMore());
  form.addEventListener("submit", (event) => { event.preventDefault(); search("push"); });
  // Back and Forward bring back the query, filters and order the URL holds.
  window.addEventListener("popstate", () => { restore(); search("keep"); });

  // A facet: its values with their counts, most frequent first. Past FILTER_VALUES_SHOWN, a box
  // finds values by their words and "Show all" lists the rest; chosen values always show.
  function filterSet(key, counts) {
    const chosen = state.chosen[key] ?? new Set();
    const values = Object.entries(counts ?? {}).filter(([value, count]) => count || chosen.has(value))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (!values.length) return null;
    const facet = (state.facets[key] ??= { all: false, find: "" });
    const set = element("fieldset", "search-filter");
    set.appendChild(element("legend", "", `${FILTERS[key]} (${values.length})`));
    const list = element("div", "search-filter-values");
    const fill = () => {
      const words = facet.find.toLowerCase().split(/\s+/).filter(Boolean);
      const matching = values.filter(([value]) => words.every((word) => value.toLowerCase().includes(word)));
      const shown = facet.all || words.length ? matching
        : matching.filter(([value], at) => at < FILTER_VALUES_SHOWN || chosen.has(value));
      list.replaceChildren(...shown.map(([value, count]) => {
        const label = element("label");
        const box = label.appendChild(element("input"));
        Object.assign(box, { type: "checkbox", name: key, value, checked: chosen.has(value) });
        label.append(` ${value} `, element("span", "count", `(${count})`));
        return label;
      }));
      if (!shown.length) list.append(element("p", "search-filter-none", "None match."));
    };
    if (values.length > FILTER_VALUES_SHOWN) {
      const find = set.appendChild(element("input", "search-filter-find"));
      Object.assign(find, { type: "search", value: facet.find, placeholder: `Find in ${FILTERS[key].toLowerCase()}` });
      find.setAttribute("aria-label", `Find a value in ${FILTERS[key]}`);
      find.addEventListener("input", () => { facet.find = find.value; fill(); });
    }
    set.appendChild(list);
    if (values.length > FILTER_VALUES_SHOWN) {
      const toggle = set.appendChild(element("button", "search-filter-all"));
      toggle.type = "button";
      const label = () => { toggle.textContent = facet.all ? "Show fewer" : `Show all ${values.length}`; };
      toggle.addEventListener("click", () => { facet.all = !facet.all; label(); fill(); });
      label();
    }
    fill();
    return set;
  }

  filterBox.addEventListener("change", (event) => {
    const { name, value, checked, type } = event.target;
    if (type !== "checkbox") return; // a facet's find box
    const chosen = (state.chosen[name] ??= new Set());
    checked ? chosen.add(value) : chosen.delete(value);
    search("push");
  });

  return {
    size: PAGE_SIZE,
    status(text) { status.textContent = text; },
    remember(query, push) {
      const url = searchURL(query);
      if (url === location.search) return;
      history[push ? "pushState" : "replaceState"](null, "", url || location.pathname);
    },
    clear() {
      status.textContent = "";
      list.replaceChildren();
      filterBox.replaceChildren();
      entities.hidden = more.hidden = true;
    },
    start(found, query) {
      status.textContent = found.count ? countLine(found.count, query) : `No briefings for “${query}”.`;
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

// The search page's state in its URL, `?q=troops&places=Kyiv&places=Odesa&sort=desc`, so a search
// can be bookmarked, shared and reloaded.
function searchURL(query) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const key of Object.keys(FILTERS)) for (const value of state.chosen[key] ?? []) params.append(key, value);
  if (state.sort) params.set("sort", state.sort);
  const text = params.toString();
  return text ? `?${text}` : "";
}

function restore() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  state.chosen = Object.fromEntries(Object.keys(FILTERS).map((key) => [key, new Set(params.getAll(key))]));
  state.sort = ["asc", "desc"].includes(params.get("sort")) ? params.get("sort") : "";
  page.querySelector(".search-controls").elements.sort.value = state.sort;
  if (Object.keys(chosenFilters()).length) page.querySelector(".search-filter-box").open = true;
}

if (page) {
  restore();
  if (input.value || Object.keys(chosenFilters()).length) search("keep");
  else input.focus();
}
