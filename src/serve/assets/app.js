// vnsearch's page: every state lives in the URL (/?q=…&province=…&doc=…), every text from a
// document is put on the page with textContent or as a text node, never parsed as HTML.
"use strict";

(function () {
  const PAGE_SIZE = 10;
  const TYPING_DELAY_MS = 200;
  const LIST_PREVIEW = 8;
  // Keys of the page's URL that go to the API unchanged; repeatable ones may appear many times.
  const FILTER_KEYS = ["province", "region", "resolution", "year", "from", "to", "category", "person", "merged"];
  const REPEATED = new Set(["province", "region", "resolution", "person"]);
  // The dimensions the results page counts beside its hits.
  const PAGE_FACETS = "region,province,year,resolution,category,person";
  // The engine's heading for provinces with no region (search::facets::UNKNOWN_REGION): not a
  // region a filter can name, so it only opens and closes.
  const UNKNOWN_REGION = "Không rõ vùng";
  const MONTHS = ["Th1", "Th2", "Th3", "Th4", "Th5", "Th6", "Th7", "Th8", "Th9", "Th10", "Th11", "Th12"];
  const CHIP_LABELS = {
    province: "Tỉnh, thành", region: "Vùng", resolution: "Văn bản", year: "Năm",
    from: "Từ ngày", to: "Đến ngày", category: "Chuyên mục", person: "Nhân vật", merged: "Sau sáp nhập",
  };

  const $ = (id) => document.getElementById(id);
  const number = new Intl.NumberFormat("vi-VN");
  let firstResultsShown = false;
  let searchSeq = 0;
  let inflight = null;

  // ---- state <-> URL -------------------------------------------------------------------

  function readState() {
    const params = new URLSearchParams(location.search);
    const state = { q: params.get("q") || "", sort: params.get("sort") || "", page: 1, doc: params.get("doc") || "" };
    const page = parseInt(params.get("page") || "1", 10);
    state.page = Number.isFinite(page) && page > 0 ? page : 1;
    for (const key of FILTER_KEYS) {
      state[key] = REPEATED.has(key) ? params.getAll(key) : params.get(key) || "";
    }
    return state;
  }

  function stateParams(state, { withDoc = true } = {}) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const key of FILTER_KEYS) {
      if (REPEATED.has(key)) state[key].forEach((v) => params.append(key, v));
      else if (state[key]) params.set(key, state[key]);
    }
    if (state.sort) params.set("sort", state.sort);
    if (state.page > 1) params.set("page", String(state.page));
    if (withDoc && state.doc) params.set("doc", state.doc);
    return params;
  }

  function urlOf(state, options) {
    const query = stateParams(state, options).toString();
    return query ? "/?" + query : "/";
  }

  function go(state, { replace = false } = {}) {
    const url = urlOf(state);
    // Entries made here are marked, so "back to results" knows it may use history.back().
    if (replace) history.replaceState(history.state, "", url);
    else history.pushState({ inPage: true }, "", url);
    render();
  }

  function change(mutate, options) {
    const state = readState();
    mutate(state);
    state.doc = "";
    go(state, options);
  }

  // The API's parameters for the current results (the page's own keys become offset/limit).
  function apiParams(state, drop = []) {
    const params = new URLSearchParams();
    params.set("q", state.q);
    for (const key of FILTER_KEYS) {
      if (drop.includes(key)) continue;
      if (REPEATED.has(key)) state[key].forEach((v) => params.append(key, v));
      else if (state[key]) params.set(key, state[key]);
    }
    return params;
  }

  async function getJSON(url, signal) {
    const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      throw new Error("Máy chủ trả lời không phải JSON (" + response.status + ")");
    }
    if (!response.ok) throw new Error(body && body.error ? body.error : "HTTP " + response.status);
    return body;
  }

  // ---- building blocks ------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // Text with [start, end) ranges in code points marked; line breaks start new paragraphs
  // when `paragraphs` is set. Only text nodes and <mark>/<p> elements are created.
  function marked(text, ranges, paragraphs) {
    const chars = Array.from(text);
    const fragment = document.createDocumentFragment();
    let block = paragraphs ? el("p") : fragment;
    const flush = () => {
      if (paragraphs && block.childNodes.length) fragment.append(block);
      if (paragraphs) block = el("p");
    };
    const emit = (from, to, mark) => {
      let piece = "";
      const out = (s) => {
        if (!s) return;
        block.append(mark ? el("mark", { text: s }) : document.createTextNode(s));
      };
      for (let i = from; i < to; i++) {
        if (paragraphs && chars[i] === "\n") {
          out(piece);
          piece = "";
          flush();
        } else {
          piece += chars[i];
        }
      }
      out(piece);
    };
    let cursor = 0;
    const sorted = (ranges || []).slice().sort((a, b) => a[0] - b[0]);
    for (const [start, end] of sorted) {
      const s = Math.max(start, cursor);
      const e = Math.min(end, chars.length);
      if (e <= s) continue;
      emit(cursor, s, false);
      emit(s, e, true);
      cursor = e;
    }
    emit(cursor, chars.length, false);
    if (paragraphs) flush();
    return fragment;
  }

  function plural(n, word) {
    return number.format(n) + " " + word;
  }

  function dateLabel(hit) {
    if (!hit.date) return null;
    if (hit.year_only) return "năm " + hit.date;
    const [y, m, d] = hit.date.split("-");
    return d + "/" + m + "/" + y;
  }

  function button(label, onclick, attrs = {}) {
    return el("button", Object.assign({ type: "button", onclick }, attrs), label);
  }

  function clear(node) {
    node.replaceChildren();
    return node;
  }

  // ---- results -------------------------------------------------------------------------

  function activeFilters(state) {
    const chips = [];
    for (const key of FILTER_KEYS) {
      const values = REPEATED.has(key) ? state[key] : state[key] ? [state[key]] : [];
      values.forEach((value) => chips.push({ key, value }));
    }
    return chips;
  }

  function removeFilter(state, key, value) {
    if (REPEATED.has(key)) state[key] = state[key].filter((v) => v !== value);
    else state[key] = "";
    if (key === "year") {
      state.from = "";
      state.to = "";
    }
    state.page = 1;
  }

  function chipButton({ key, value }) {
    const label = key === "merged" ? CHIP_LABELS.merged : CHIP_LABELS[key] + ": " + value;
    return el(
      "button",
      {
        type: "button", class: "chip", "data-key": key, "data-value": value,
        title: "Bỏ bộ lọc này",
        onclick: () => change((s) => removeFilter(s, key, value)),
      },
      label, el("span", { class: "x", "aria-hidden": "true", text: "×" })
    );
  }

  function renderChips(state) {
    const chips = activeFilters(state);
    const box = clear($("chips"));
    chips.forEach((chip) => box.append(chipButton(chip)));
    if (chips.length > 1) {
      box.append(button("Xóa tất cả bộ lọc", () => change((s) => {
        for (const key of FILTER_KEYS) s[key] = REPEATED.has(key) ? [] : "";
        s.page = 1;
      }), { class: "chip clear-all" }));
    }
  }

  function renderHits(state, data) {
    const list = clear($("hits"));
    list.start = data.offset + 1;
    for (const hit of data.hits) {
      const docState = Object.assign(readState(), { doc: hit.id });
      const link = el("a", { href: urlOf(docState), class: "title", "data-id": hit.id });
      link.textContent = hit.title || "(không có tiêu đề)";
      link.addEventListener("click", (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        go(docState);
      });
      const facts = [dateLabel(hit), hit.primary_province, hit.source, hit.category].filter(Boolean);
      const item = el("li", { class: "hit", "data-id": hit.id },
        el("h2", {}, link),
        el("p", { class: "meta", text: facts.join(" · ") }));
      if (hit.references && hit.references.length) {
        const refs = el("p", { class: "refs" });
        hit.references.slice(0, 6).forEach((label) => {
          refs.append(button(label, () => change((s) => {
            if (!s.resolution.includes(label)) s.resolution.push(label);
            s.page = 1;
          }), { class: "ref", title: "Lọc theo văn bản này" }));
        });
        if (hit.references.length > 6) refs.append(el("span", { class: "more", text: "+" + (hit.references.length - 6) }));
        item.append(refs);
      }
      for (const snippet of hit.snippets || []) {
        item.append(el("p", { class: "snippet" }, marked(snippet.text, snippet.highlights, false)));
      }
      list.append(item);
    }
  }

  function renderSummary(state, data) {
    const summary = $("summary");
    if (data.total === 0) {
      summary.textContent = "Không tìm thấy bài viết nào";
    } else {
      const first = data.offset + 1;
      const last = data.offset + data.hits.length;
      summary.textContent = "Tìm thấy " + plural(data.total, "bài viết") +
        (data.hits.length ? " · hiển thị " + number.format(first) + "–" + number.format(last) : "") +
        " · " + data.took_ms.toFixed(1).replace(".", ",") + " ms";
    }
    summary.dataset.total = String(data.total);
    const notice = $("notice");
    const notes = [];
    if (data.matching === "most") notes.push("Không bài nào có đủ mọi từ: đang hiện các bài có phần lớn các từ.");
    if (data.fallback) notes.push("Câu tìm kiếm có dấu ngoặc chưa đóng: đã đọc như các từ thường.");
    notice.hidden = notes.length === 0;
    notice.textContent = notes.join(" ");
  }

  function renderEmpty(state, data) {
    const box = clear($("empty"));
    box.hidden = data.total !== 0;
    if (data.total !== 0) return;
    box.append(el("p", { class: "lead", text: "Không có bài viết nào khớp." }));
    const chips = activeFilters(state);
    if (chips.length) {
      const line = el("p", {}, "Thử bỏ bớt bộ lọc: ");
      chips.forEach((chip) => line.append(chipButton(chip)));
      box.append(line);
    }
    if (state.q) {
      box.append(el("p", { text: "Hoặc gõ ít từ hơn, bỏ dấu ngoặc kép, hoặc gõ không dấu (\"nghi quyet\" tìm được cả \"Nghị quyết\")." }));
    }
  }

  function renderPager(state, data) {
    const nav = clear($("pager"));
    const pages = Math.ceil(data.total / PAGE_SIZE);
    if (pages <= 1) return;
    const page = Math.min(state.page, pages);
    const to = (p) => () => change((s) => { s.page = p; });
    nav.append(button("‹ Trước", to(page - 1), { class: "prev", disabled: page <= 1 }));
    nav.append(el("span", { class: "where", text: "Trang " + number.format(page) + " / " + number.format(pages) }));
    nav.append(button("Sau ›", to(page + 1), { class: "next", disabled: page >= pages }));
  }

  // ---- facets --------------------------------------------------------------------------

  function facetButton(label, count, active, onclick, attrs = {}) {
    return el("button", Object.assign({ type: "button", class: "value" + (active ? " active" : ""), onclick, "aria-pressed": active ? "true" : "false" }, attrs),
      el("span", { class: "name", text: label }),
      el("span", { class: "count", text: number.format(count) }));
  }

  function toggleIn(key, value) {
    return () => change((s) => {
      s[key] = s[key].includes(value) ? s[key].filter((v) => v !== value) : s[key].concat([value]);
      s.page = 1;
    });
  }

  function setOrClear(key, value) {
    return () => change((s) => {
      s[key] = s[key] === value ? "" : value;
      if (key === "year") { s.from = ""; s.to = ""; }
      s.page = 1;
    });
  }

  // One node of a tree: a toggle that shows or hides its children, then its own head (a
  // filter button, or a plain label).
  function treeNode(head, children, open) {
    const list = el("div", { class: "children", hidden: !open });
    const toggle = el("button", {
      type: "button", class: "toggle", "aria-expanded": open ? "true" : "false",
      "aria-label": open ? "Thu gọn" : "Mở rộng",
    });
    toggle.addEventListener("click", () => {
      const opening = list.hidden;
      list.hidden = !opening;
      toggle.setAttribute("aria-expanded", opening ? "true" : "false");
      toggle.setAttribute("aria-label", opening ? "Thu gọn" : "Mở rộng");
    });
    children.forEach((child) => list.append(child));
    // A label that filters nothing opens and closes its node instead.
    if (head.classList.contains("static")) head.addEventListener("click", () => toggle.click());
    return el("div", { class: "node" }, el("div", { class: "row" }, toggle, head), list);
  }

  function renderPlaces(state, regions, provinces) {
    const tree = clear($("place-tree"));
    if (!regions.length) {
      tree.append(el("p", { class: "none", text: "Không có" }));
      return;
    }
    for (const region of regions) {
      const name = region.value;
      const children = provinces.filter((p) => p.path[0] === name);
      const anyActive = state.region.includes(name) || children.some((p) => state.province.includes(p.value));
      const head = name === UNKNOWN_REGION
        ? el("span", { class: "value static" }, el("span", { class: "name", text: name }), el("span", { class: "count", text: number.format(region.count) }))
        : facetButton(name, region.count, state.region.includes(name), toggleIn("region", name), { "data-region": name });
      const items = children.map((province) => facetButton(province.value, province.count, state.province.includes(province.value),
        toggleIn("province", province.value), { "data-province": province.value }));
      tree.append(treeNode(head, items, anyActive || regions.length === 1));
    }
  }

  function limited(container, nodes) {
    nodes.slice(0, LIST_PREVIEW).forEach((n) => container.append(n));
    if (nodes.length > LIST_PREVIEW) {
      const rest = nodes.slice(LIST_PREVIEW);
      const more = button("Xem thêm " + rest.length, () => {
        more.replaceWith(...rest);
      }, { class: "more" });
      container.append(more);
    }
  }

  // The year facet ends with how many articles it leaves out (`undated`, `guessed`): shown
  // as plain counts, not filters (no year selects them).
  const DATING_LABELS = { undated: "Không rõ ngày", guessed: "Ngày chỉ là ước đoán" };
  const isYear = (y) => /^[0-9]{4}$/.test(y.value);

  function renderYears(state, years) {
    const list = clear($("year-list"));
    const nodes = years.filter(isYear).map((y) => facetButton(y.value, y.count, state.year === y.value, setOrClear("year", y.value), { "data-year": y.value }));
    for (const y of years) {
      if (isYear(y) || !y.count) continue;
      nodes.push(el("span", { class: "value static dating", "data-dating": y.value },
        el("span", { class: "name", text: DATING_LABELS[y.value] || y.value }),
        el("span", { class: "count", text: number.format(y.count) })));
    }
    if (!nodes.length) list.append(el("p", { class: "none", text: "Không có" }));
    limited(list, nodes);
  }

  function renderCategories(state, categories) {
    const list = clear($("category-list"));
    const nodes = categories.map((c) => facetButton(c.value, c.count, state.category === c.value, setOrClear("category", c.value)));
    if (!nodes.length) list.append(el("p", { class: "none", text: "Không có" }));
    limited(list, nodes);
  }

  // People named with an office, most named first; several may be picked (all must match).
  function renderPeople(state, people) {
    const list = clear($("person-list"));
    const nodes = people.map((p) => facetButton(p.value, p.count, state.person.includes(p.value), toggleIn("person", p.value), { "data-person": p.value }));
    if (!nodes.length) list.append(el("p", { class: "none", text: "Không có" }));
    limited(list, nodes);
  }

  // Cited documents: kind → plenum or symbol → khóa (→ document), as nested lists; a node is
  // clickable when the server says which filter selects it (`filter`).
  function renderResolutions(state, counts) {
    const tree = clear($("resolution-tree"));
    if (!counts.length) {
      tree.append(el("p", { class: "none", text: "Không có" }));
      return;
    }
    const root = { children: [] };
    const byPath = new Map();
    for (const count of counts) {
      const node = { count, children: [] };
      byPath.set(count.path.join("\u0000"), node);
      const parent = count.path.length > 1 ? byPath.get(count.path.slice(0, -1).join("\u0000")) : root;
      (parent || root).children.push(node);
    }
    const draw = (nodes, container, depth) => {
      const items = nodes.map((node) => {
        const { count } = node;
        const active = count.filter && state.resolution.includes(count.filter);
        const label = count.value;
        const head = count.filter
          ? facetButton(label, count.count, active, toggleIn("resolution", count.filter), { "data-resolution": count.filter, title: count.filter })
          : el("span", { class: "value static" }, el("span", { class: "name", text: label }), el("span", { class: "count", text: number.format(count.count) }));
        if (!node.children.length) return el("div", { class: "leaf" }, head);
        const inner = el("div");
        draw(node.children, inner, depth + 1);
        const hasActive = node.children.some(function within(n) {
          return (n.count.filter && state.resolution.includes(n.count.filter)) || n.children.some(within);
        });
        return treeNode(head, Array.from(inner.childNodes), hasActive || (depth === 0 && nodes.length <= 2));
      });
      limited(container, items);
    };
    draw(root.children, tree, 0);
  }

  // ---- timeline ------------------------------------------------------------------------

  // The timeline is /api/trend drawn as SVG: one column per year (per month once a year is
  // chosen), every text set with textContent. Articles in no period are named in the caption.
  const SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
    children.forEach((child) => child && node.append(child));
    return node;
  }

  function timelineParams(state) {
    const params = apiParams(state, state.year ? ["from", "to"] : []);
    params.set("by", state.year ? "month" : "year");
    return params;
  }

  function renderTimeline(state, trend) {
    const figure = $("timeline");
    const bars = clear($("timeline-bars"));
    const byPeriod = new Map(((trend && trend.periods) || []).map((p) => [p.period, p.count]));
    let points;
    const apart = [];
    if (state.year) {
      $("timeline-caption").textContent = "Số bài theo tháng, năm " + state.year + " (bấm một tháng để lọc)";
      points = MONTHS.map((label, i) => {
        const key = state.year + "-" + String(i + 1).padStart(2, "0");
        return {
          key, label, count: byPeriod.get(key) || 0,
          title: "Tháng " + (i + 1) + "/" + state.year,
          active: state.from === key && state.to === key,
          onclick: () => change((s) => {
            const same = s.from === key && s.to === key;
            s.from = same ? "" : key;
            s.to = same ? "" : key;
            s.page = 1;
          }),
        };
      });
      const bare = ((trend && trend.year_only) || []).reduce((n, p) => n + p.count, 0);
      if (bare) apart.push(plural(bare, "bài") + " chỉ rõ năm, không rõ tháng");
    } else {
      $("timeline-caption").textContent = "Số bài theo năm (bấm một năm để lọc)";
      // The API fills every year between the first and the last, so gaps show as gaps.
      points = ((trend && trend.periods) || []).slice(0, 200).map((p) => ({
        key: p.period, label: p.period, count: p.count, title: "Năm " + p.period, active: false,
        onclick: setOrClear("year", p.period),
      }));
    }
    if (trend && trend.undated) apart.push(plural(trend.undated, "bài") + " không có ngày");
    if (trend && trend.guessed) apart.push(plural(trend.guessed, "bài") + " chỉ có ngày đoán");
    if (apart.length) $("timeline-caption").append(el("span", { class: "apart", text: " · " + apart.join(" · ") }));
    figure.hidden = points.length === 0 || points.every((p) => p.count === 0);
    const max = Math.max(1, ...points.map((p) => p.count));
    const step = Math.ceil(points.length / 12);
    const width = 36, chart = 84, top = 14, height = top + chart + 16;
    const graph = svg("svg", {
      viewBox: "0 0 " + points.length * width + " " + height, preserveAspectRatio: "xMidYMid meet",
      role: "group", "aria-label": $("timeline-caption").textContent,
    });
    points.forEach((p, i) => {
      const h = p.count ? Math.max(3, (chart * p.count) / max) : 0;
      const x = i * width;
      const enabled = p.count > 0 || p.active;
      const label = p.title + ": " + plural(p.count, "bài");
      const press = (event) => {
        if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        p.onclick();
      };
      const column = svg("g", {
        class: "column" + (p.active ? " active" : "") + (enabled ? " enabled" : ""), "data-period": p.key,
        role: "button", tabindex: enabled ? "0" : null, "aria-label": label, "aria-disabled": enabled ? null : "true",
        onclick: enabled ? press : null, onkeydown: enabled ? press : null,
      },
      svg("title", { text: label }),
      svg("rect", { class: "hit", x, y: 0, width, height, fill: "transparent" }),
      svg("rect", { class: "bar", x: x + 4, y: top + chart - h, width: width - 8, height: h, rx: 2 }),
      svg("text", { class: "n", x: x + width / 2, y: top + chart - h - 3, "text-anchor": "middle", text: p.count ? number.format(p.count) : "" }),
      svg("text", { class: "label", x: x + width / 2, y: height - 3, "text-anchor": "middle", text: i % step === 0 || points.length <= 12 ? p.label : "" }));
      graph.append(column);
    });
    bars.append(graph);
  }

  // ---- the two views -------------------------------------------------------------------

  function showError(message) {
    $("summary").textContent = "Lỗi: " + message;
    $("summary").dataset.total = "";
    clear($("hits"));
    clear($("pager"));
    $("timeline").hidden = true;
    $("empty").hidden = true;
  }

  async function renderResults(state) {
    $("results-view").hidden = false;
    $("article-view").hidden = true;
    document.title = (state.q ? state.q + " — " : "") + "vnsearch";
    $("sort").value = state.sort || (state.q ? "relevance" : "date");
    $("merged").checked = state.merged === "1" || state.merged === "true";
    renderChips(state);

    const seq = ++searchSeq;
    if (inflight) inflight.abort();
    inflight = new AbortController();
    const signal = inflight.signal;
    const search = apiParams(state);
    // With no query every article matches equally: newest first unless told otherwise.
    search.set("sort", state.sort || (state.q ? "relevance" : "date"));
    search.set("offset", String((state.page - 1) * PAGE_SIZE));
    search.set("limit", String(PAGE_SIZE));
    search.set("facets", PAGE_FACETS);
    const requests = [getJSON("/api/search?" + search, signal)];
    // Counts for places that ignore the place filters themselves, so other provinces can be added.
    const placesFiltered = state.province.length || state.region.length;
    if (placesFiltered) {
      const places = apiParams(state, ["province", "region"]);
      places.append("field", "region");
      places.append("field", "province");
      requests.push(getJSON("/api/facets?" + places, signal));
    } else {
      requests.push(null);
    }
    requests.push(getJSON("/api/trend?" + timelineParams(state), signal));
    document.body.setAttribute("aria-busy", "true");
    let data, places, trend;
    try {
      [data, places, trend] = await Promise.all(requests);
    } catch (error) {
      if (error.name === "AbortError" || seq !== searchSeq) return;
      document.body.removeAttribute("aria-busy");
      showError(error.message);
      return;
    }
    if (seq !== searchSeq) return;
    document.body.removeAttribute("aria-busy");
    const facets = data.facets || {};
    const placeFacets = places ? places.facets : facets;
    renderSummary(state, data);
    renderHits(state, data);
    renderEmpty(state, data);
    renderPager(state, data);
    renderPlaces(state, placeFacets.region || [], placeFacets.province || []);
    renderYears(state, facets.year || []);
    renderResolutions(state, facets.resolution || []);
    renderCategories(state, facets.category || []);
    renderPeople(state, facets.person || []);
    renderTimeline(state, trend);
    if (!firstResultsShown) {
      firstResultsShown = true;
      // Since the navigation started (performance's time origin): what bench/serve reports.
      document.body.dataset.firstResultsMs = String(Math.round(performance.now()));
    }
    document.body.dataset.ready = String(seq);
  }

  async function renderArticle(state) {
    $("results-view").hidden = true;
    $("article-view").hidden = false;
    const back = $("back");
    back.href = urlOf(state, { withDoc: false });
    const title = clear($("article-title"));
    const facts = clear($("article-facts"));
    const body = clear($("article-body"));
    const marks = $("article-marks");
    marks.hidden = true;
    title.textContent = "Đang tải…";
    const seq = ++searchSeq;
    if (inflight) inflight.abort();
    inflight = new AbortController();
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    let doc;
    try {
      doc = await getJSON("/api/doc/" + encodeURIComponent(state.doc) + (state.q ? "?" + params : ""), inflight.signal);
    } catch (error) {
      if (error.name === "AbortError" || seq !== searchSeq) return;
      title.textContent = "Không mở được bài viết";
      body.append(el("p", { class: "error", text: error.message }));
      return;
    }
    if (seq !== searchSeq) return;
    document.title = (doc.title || doc.id) + " — vnsearch";
    title.textContent = doc.title || "(không có tiêu đề)";
    const row = (label, value) => {
      if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
      facts.append(el("dt", { text: label }), el("dd", {}, value instanceof Node ? value : String(value)));
    };
    row("Ngày", dateLabel(doc));
    row("Nguồn", doc.source);
    row("Tỉnh, thành", doc.primary_province);
    row("Nhắc đến", (doc.provinces || []).join(", "));
    row("Văn bản trích dẫn", (doc.references || []).join(", "));
    row("Chuyên mục", doc.category);
    row("Nhân vật", (doc.people || []).map((p) => p.name + " (" + p.role_as_written + ")").join("; "));
    row("Tác giả", doc.author);
    if (doc.url && /^https?:\/\//i.test(doc.url)) {
      row("Bài gốc", el("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank", text: doc.url }));
    }
    row("Mã", doc.id);
    body.append(marked(doc.text || "", doc.highlights || [], true));
    const found = body.querySelectorAll("mark");
    if (state.q) {
      marks.hidden = false;
      clear(marks);
      if (found.length) {
        let at = -1;
        const where = el("span", { class: "where" });
        const jump = (delta) => () => {
          at = (at + delta + found.length) % found.length;
          found.forEach((m) => m.classList.remove("current"));
          found[at].classList.add("current");
          found[at].scrollIntoView({ block: "center" });
          where.textContent = (at + 1) + " / " + found.length;
        };
        where.textContent = plural(found.length, "chỗ khớp") + " với «" + state.q + "»";
        marks.append(where, " ", button("‹", jump(-1), { "aria-label": "Chỗ khớp trước" }), button("›", jump(1), { "aria-label": "Chỗ khớp sau" }));
      } else {
        marks.textContent = "Các từ «" + state.q + "» chỉ khớp ở tiêu đề hoặc nguồn.";
      }
    }
    window.scrollTo(0, 0);
    document.body.dataset.ready = "doc-" + seq;
  }

  function render() {
    const state = readState();
    const input = $("q");
    if (document.activeElement !== input && input.value !== state.q) input.value = state.q;
    if (state.doc) renderArticle(state);
    else renderResults(state);
  }

  // ---- wiring --------------------------------------------------------------------------

  function setUp() {
    const input = $("q");
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => change((s) => { s.q = input.value.trim() ? input.value : ""; s.page = 1; }, { replace: true }), TYPING_DELAY_MS);
    });
    $("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      change((s) => { s.q = input.value; s.page = 1; });
    });
    $("sort").addEventListener("change", (event) => change((s) => { s.sort = event.target.value; s.page = 1; }));
    $("merged").addEventListener("change", (event) => change((s) => {
      s.merged = event.target.checked ? "1" : "";
      // Province names differ between the two maps: the province filters start over.
      s.province = [];
      s.region = [];
      s.page = 1;
    }));
    $("back").addEventListener("click", (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      if (history.state && history.state.inPage) history.back();
      else change(() => {});
    });
    $("home").addEventListener("click", (event) => {
      event.preventDefault();
      input.value = "";
      go(Object.assign(readState(), { q: "", doc: "", page: 1, province: [], region: [], resolution: [], year: "", from: "", to: "", category: "", person: [], merged: "", sort: "" }));
    });
    window.addEventListener("popstate", render);
    // "/" puts the cursor in the search box, as on many search pages.
    document.addEventListener("keydown", (event) => {
      const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
        input.select();
      }
    });
    if (window.matchMedia("(max-width: 760px)").matches) $("filters").open = false;
    render();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
