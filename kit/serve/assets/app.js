// kit serve: send each change on the page to the server, then show what it sends back.
// The server edits the course file's text, checks it and composes the preview; this
// script only carries changes there and puts the answers in place.
"use strict";

(function () {
  const token = document.querySelector('meta[name="kit-token"]').content;
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const draft = $("#draft");
  const loaded = $("#loaded");
  const initial = JSON.parse($("#initial").textContent);
  // The page's words, in the course's language (page.html); none are written here.
  const words = JSON.parse($("#words").textContent);
  const counted = (key, n) => words[key][n === 1 ? 0 : 1].replace("{n}", String(n));
  let week = initial.week;
  let tab = "plan";
  let queue = Promise.resolve();
  let version = 0;

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Kit-Token": token },
      body: JSON.stringify(body),
    });
    let data = {};
    try { data = await response.json(); } catch (e) { data = { error: words.no_answer }; }
    return { status: response.status, data };
  }

  // Changes go one after another, each on the text the one before it left.
  function send(change, newWeek) {
    queue = queue.then(async () => {
      const body = { text: draft.value, week: newWeek === undefined ? week : newWeek, change };
      const { status, data } = await post("/api/change", body);
      if (status !== 200) { showBanner(data.error || words.change_failed, "error"); return; }
      apply(data);
    }).catch((e) => showBanner(words.no_answer + " " + e, "error"));
    return queue;
  }

  function keyOf(el) {
    return [el.dataset.op, el.dataset.path, el.dataset.week, el.dataset.id, el.id].join("|");
  }

  function apply(data) {
    draft.value = data.text;
    week = data.week;
    const active = document.activeElement;
    const key = active && active.dataset && active.dataset.op ? keyOf(active) : active && active.id;
    const typing = active && ["INPUT", "TEXTAREA"].includes(active.tagName) && active.value !== active.defaultValue;
    const typed = typing ? active.value : null;
    const selection = typing && active.selectionStart != null ? [active.selectionStart, active.selectionEnd] : null;
    const editor = $("#editor");
    const opened = $("#advanced") && $("#advanced").open;
    editor.innerHTML = data.editor;
    if (opened && $("#advanced")) $("#advanced").open = true;
    if (data.preview !== null) {
      $("#preview").innerHTML = data.preview;
      $("#preview-note").hidden = true;
      $("#preview").classList.remove("stale");
    } else {
      $("#preview-note").hidden = false;
      $("#preview").classList.add("stale");
    }
    if (key) {
      const again = $$("[data-op], input, select, textarea, button", editor).find(
        (el) => (el.dataset.op ? keyOf(el) : el.id) === key);
      if (again) {
        if (typed !== null) again.value = typed;
        again.focus({ preventScroll: true });
        if (selection && again.setSelectionRange) {
          try { again.setSelectionRange(selection[0], selection[1]); } catch (e) { /* not text */ }
        }
      }
    }
    showProblems(data.problems, data.warnings);
    showTab(tab);
    $("#f-raw").value = draft.value;
    updateStatus(data.problems.length, data.warnings.length);
    version += 1;
    document.body.dataset.version = String(version);
  }

  function findField(field) {
    let key = field;
    while (key) {
      const el = $(`#editor [data-field="${CSS.escape(key)}"]`);
      if (el) return el;
      const shorter = key.replace(/(\[\d+\]|\.[^.\[\]]+)$/, "");
      if (shorter === key) break;
      key = shorter;
    }
    return null;
  }

  function problemLine(p) {
    const line = document.createElement("p");
    line.className = p.warning ? "warning" : "problem";
    line.textContent = p.words || p.text;
    // The file, line and column are for a text editor, and the path for authors: after.
    if (p.at) {
      const at = document.createElement("span");
      at.className = "at";
      at.textContent = p.at;
      line.append(at);
    }
    return line;
  }

  // Problems and warnings go beside their field; those of the whole course, or of a
  // field the page does not show, go in the summary above the editor. Warnings are
  // also listed in the summary and before Build, since they do not stop either.
  function showProblems(problems, warnings) {
    warnings = warnings || [];
    $$("#editor .problems").forEach((el) => { el.innerHTML = ""; });
    $$("#editor .has-problem, #editor .has-warning").forEach((el) => el.classList.remove("has-problem", "has-warning"));
    const general = $("#general-problems ul");
    general.innerHTML = "";
    const slotOf = (holder) => holder && Array.from(holder.children).find((c) => c.classList.contains("problems"));
    for (const p of problems.concat(warnings)) {
      let holder = p.field ? findField(p.field) : null;
      // A setting the page has no box for is corrected in the course file's text.
      const raw = p.field && !slotOf(holder) ? $("#raw-field") : null;
      if (raw) holder = raw;
      const slot = slotOf(holder);
      if (slot) {
        slot.appendChild(problemLine(p));
        holder.classList.add(p.warning ? "has-warning" : "has-problem");
        // Advanced is folded shut until something in it needs a look.
        const folded = holder.closest("details");
        if (folded) folded.open = true;
      }
      if ((!slot || raw) && !p.warning) {
        const item = document.createElement("li");
        item.appendChild(problemLine(p));
        general.appendChild(item);
      }
    }
    $("#general-problems").hidden = general.children.length === 0;
    for (const box of ["#general-warnings", "#build-warnings"]) {
      const list = $(box + " ul");
      list.innerHTML = "";
      for (const w of warnings) {
        const item = document.createElement("li");
        item.appendChild(problemLine(w));
        list.appendChild(item);
      }
      $(box).hidden = warnings.length === 0;
    }
  }

  function dirty() { return draft.value !== loaded.value; }

  let warningCount = initial.warnings.length;

  function updateStatus(count, warned) {
    if (warned !== undefined) warningCount = warned;
    const status = $("#status");
    const parts = [];
    if (count) parts.push(counted("problems", count));
    parts.push(dirty() ? words.unsaved : words.saved);
    if (warningCount) parts.push(counted("warnings", warningCount));
    status.textContent = parts.join(" · ");
    status.className = "status " + (count ? "bad" : dirty() ? "pending" : "good");
  }

  function showTab(name) {
    tab = name;
    $$("#preview [data-tab]").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
    $$("#preview [data-panel]").forEach((p) => { p.hidden = p.dataset.panel !== name; });
  }

  function showBanner(html, kind) {
    const banner = $("#banner");
    banner.className = "banner " + (kind || "");
    if (typeof html === "string") banner.textContent = html; else { banner.innerHTML = ""; banner.appendChild(html); }
    banner.hidden = false;
  }

  function hideBanner() { $("#banner").hidden = true; }

  function valueOf(el) {
    if (el.type === "checkbox") return el.checked ? "true" : (el.dataset.off || "");
    if (el.dataset.lines) return el.value.split("\n");
    return el.value;
  }

  // A date box tells of a change, and even of leaving, as each part of a date is typed;
  // sending each would redraw the box under the typing fingers. So a typed date is sent
  // once typing has paused, or on Enter, Save or Build; a date picked from the calendar
  // is sent at once.
  const DATE_PAUSE_MS = 1000;
  let dateKeyAt = 0;
  let dateTimer = null;
  let dateField = null;

  function flushDate() {
    if (!dateField) return;
    clearTimeout(dateTimer);
    const el = dateField;
    dateField = null;
    sendField(el);
  }

  function waitForDate(el) {
    dateField = el;
    clearTimeout(dateTimer);
    dateTimer = setTimeout(flushDate, DATE_PAUSE_MS);
  }

  // A field's change is sent when it is finished: on leaving it, Enter, or a pick.
  document.addEventListener("change", (event) => {
    const el = event.target;
    if (el.dataset.upload) { upload(el); return; }
    if (!el.closest("#editor") || !el.dataset.op) return;
    if (el.type === "date" && Date.now() - dateKeyAt < DATE_PAUSE_MS) { waitForDate(el); return; }
    sendField(el);
  });

  function sendField(el) {
    const op = el.dataset.op;
    if (op === "set") send({ op, path: JSON.parse(el.dataset.path), value: valueOf(el) });
    else if (op === "drop") send({ op, week: Number(el.dataset.week), id: el.dataset.id, on: el.checked });
    else if (op === "reword") send({ op, week: Number(el.dataset.week), id: el.dataset.id, text: el.value });
  }

  document.addEventListener("keydown", (event) => {
    const el = event.target;
    if (el.type === "date") {
      dateKeyAt = Date.now();
      if (event.key === "Enter") flushDate(); else if (dateField === el) waitForDate(el);
    }
    if (event.key === "Enter" && el.classList.contains("one-line")) {
      event.preventDefault();
      el.blur();
      return;
    }
    if (event.key !== "Enter" || el.tagName !== "INPUT") return;
    const button = el.closest(".add-row") && $("button[data-op]", el.closest(".add-row"));
    if (button) { event.preventDefault(); button.click(); }
  });

  document.addEventListener("click", (event) => {
    const el = event.target.closest("button");
    if (!el) return;
    if (el.dataset.selectWeek !== undefined) { send(null, Number(el.dataset.selectWeek)); return; }
    if (el.dataset.tab) { showTab(el.dataset.tab); return; }
    const op = el.dataset.op;
    if (!op || !el.closest("#editor")) return;
    const path = el.dataset.path ? JSON.parse(el.dataset.path) : null;
    if (op === "add") {
      const from = el.dataset.from ? $(el.dataset.from) : null;
      let value = from ? from.value.trim() : "";
      if (from && !value) { from.focus(); return; }
      if (el.dataset.wrap) value = { [el.dataset.wrap]: value };
      // A skipped date with a reason is written {date, label}; without one, the date alone.
      const label = el.dataset.labelFrom ? $(el.dataset.labelFrom).value.trim() : "";
      if (label) value = { date: value, label };
      // Emptied once taken, as the field it came from now holds it.
      if (from) from.value = "";
      if (el.dataset.labelFrom) $(el.dataset.labelFrom).value = "";
      let next = week;
      if (path.length === 1 && path[0] === "weeks") next = $$("#editor .week-row").length;
      send({ op, path, value }, next);
    } else if (op === "remove") {
      send({ op, path });
    } else if (op === "move") {
      const to = Number(el.dataset.to);
      const next = path[0] === "weeks" && path[1] === week ? to : week;
      send({ op, path, to }, next);
    } else if (op === "drop") {
      send({ op, week: Number(el.dataset.week), id: el.dataset.id, on: el.dataset.on !== "false" });
    }
  });

  $("#editor").addEventListener("click", (event) => {
    if (event.target.id === "apply-raw") send({ op: "text", text: $("#f-raw").value });
  });

  async function upload(input) {
    const file = input.files[0];
    if (!file) return;
    const form = new FormData();
    form.append("token", token);
    form.append("kind", input.dataset.upload);
    form.append("file", file);
    const response = await fetch("/api/upload", { method: "POST", body: form, headers: { "X-Kit-Token": token } });
    let data = {};
    try { data = await response.json(); } catch (e) { data = { error: words.upload_failed }; }
    if (!response.ok) { showBanner(`${file.name}: ${data.error}`, "error"); return; }
    hideBanner();
    send({ op: "set", path: ["brand", data.kind], value: data.path });
  }

  async function save(confirm) {
    flushDate();
    await queue;
    const { status, data } = await post("/api/save", { text: draft.value, loaded: loaded.value, confirm });
    if (status === 200) {
      loaded.value = data.loaded;
      hideBanner();
      updateStatus($$("#editor .problem, #general-problems .problem").length, data.warnings);
      return;
    }
    if (data.confirm) {
      const box = document.createElement("div");
      box.innerHTML = counted("confirm", data.confirm) + " ";
      const yes = document.createElement("button");
      yes.id = "save-anyway"; yes.textContent = words.save_anyway; yes.onclick = () => save(true);
      const no = document.createElement("button");
      no.textContent = words.keep_editing; no.className = "secondary"; no.onclick = hideBanner;
      box.append(yes, " ", no);
      showBanner(box, "warn");
    } else if (data.conflict !== undefined) {
      const box = document.createElement("div");
      box.innerHTML = words.conflict;
      const diff = document.createElement("pre");
      diff.className = "diff"; diff.id = "conflict-diff"; diff.textContent = data.conflict || words.removed;
      const reload = document.createElement("button");
      reload.id = "reload"; reload.textContent = words.reload;
      reload.onclick = () => { loaded.value = draft.value; window.location.reload(); };
      const keep = document.createElement("button");
      keep.textContent = words.keep_editing; keep.className = "secondary"; keep.onclick = hideBanner;
      box.append(diff, reload, " ", keep);
      showBanner(box, "error");
    } else {
      showBanner(data.error || words.not_saved, "error");
    }
  }

  // A build that stops says so plainly, above the reasons, one to a line.
  function stopped(where, error, folder) {
    where.innerHTML = "";
    const box = document.createElement("div");
    box.className = "banner error build-stopped";
    box.setAttribute("role", "alert");
    const head = document.createElement("strong");
    head.textContent = words.stopped;
    box.appendChild(head);
    const reasons = document.createElement("ul");
    for (const line of (error || "").split("\n").filter((l) => l.trim())) {
      const item = document.createElement("li");
      item.textContent = line;
      reasons.appendChild(item);
    }
    box.appendChild(reasons);
    // A file named in the reasons is in the kit's folder, which the page shows in full.
    if (folder) {
      const at = document.createElement("p");
      at.className = "hint";
      at.textContent = words.folder + " " + folder;
      box.appendChild(at);
    }
    where.appendChild(box);
  }

  async function build() {
    flushDate();
    await queue;
    const pdf = $("#build-pdf").checked;
    const booklet = $("#build-booklet").checked;
    const { status, data } = await post("/api/build", { text: draft.value, pdf, booklet });
    if (status !== 200) { stopped($("#build-result"), data.error); return; }
    $("#build").disabled = true;
    $("#build-result").innerHTML = "";
    const progress = $("#build-progress");
    progress.hidden = false;
    let job = data;
    while (job.state === "running") {
      $(".step", progress).textContent = job.total
        ? `${job.step}: ${words.of.replace("{done}", job.done).replace("{total}", job.total)}`
        : job.step + "…";
      $(".bar", progress).style.width = job.total ? `${(100 * job.done) / job.total}%` : "15%";
      await new Promise((r) => setTimeout(r, 300));
      const answer = await fetch("/api/build");
      job = await answer.json();
    }
    $("#build").disabled = false;
    progress.hidden = true;
    const result = $("#build-result");
    if (job.state !== "done") { stopped(result, job.error, job.folder); return; }
    // The words are the page's own (page.html); only the counts and names are filled in.
    const done = $("#build-done").content.cloneNode(true);
    $(".build-head .count", done).textContent = String(job.files.length);
    const removed = $(".removed", done);
    if (job.removed.length) {
      $$(".count", removed).forEach((c) => { c.textContent = String(job.removed.length); });
      $(job.removed.length === 1 ? ".many" : ".one", removed).remove();
      $(".names", removed).textContent = job.removed.join(", ");
    } else {
      removed.remove();
    }
    const wrote = new Map(job.groups.map((g) => [g.folder, g.files]));
    for (const group of $$(".file-group", done)) {
      const names = wrote.get(group.dataset.folder);
      if (!names) { group.remove(); continue; }
      const list = $(".files", group);
      for (const name of names) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = "/download/" + encodeURIComponent(name); link.textContent = name; link.download = name;
        item.appendChild(link);
        list.appendChild(item);
      }
    }
    result.appendChild(done);
  }

  $("#save").addEventListener("click", () => save(false));
  // The status names the problems; clicking it shows the first of them.
  $("#status").addEventListener("click", () => {
    const first = $("#general-problems:not([hidden]) .problem, #editor .problem");
    if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
  });
  $("#build").addEventListener("click", build);
  $("#open-build").addEventListener("click", () => { $("#build-panel").hidden = false; });
  $("#close-build").addEventListener("click", () => { $("#build-panel").hidden = true; });
  window.addEventListener("beforeunload", (event) => {
    if (dirty()) { event.preventDefault(); event.returnValue = ""; }
  });

  showProblems(initial.problems, initial.warnings);
  showTab(tab);
  $("#f-raw").value = draft.value;
  updateStatus(initial.problems.length, initial.warnings.length);
  document.body.dataset.version = "0";
})();
