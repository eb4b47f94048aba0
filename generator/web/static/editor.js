// The editor page: loads a spec into the generated form, checks and previews it as
// the user types, saves it (without overwriting changes made elsewhere), downloads
// the built Word or PDF file.
"use strict";

(() => {
  const { get, post, el, toast, problemLines, download } = Wenshu;
  const $ = (id) => document.getElementById(id);
  const path = document.querySelector(".editor-grid").dataset.path;
  let form = null;
  let version = null;
  let dirty = false;
  let timer = null;
  let asked = 0;

  function setDirty(value) {
    dirty = value;
    $("save-state").textContent = dirty ? "有未保存的修改" : "已保存";
    $("save-state").classList.toggle("unsaved", dirty);
  }

  function changed() {
    setDirty(true);
    clearTimeout(timer);
    timer = setTimeout(refresh, 200);
  }

  function state() {
    return SpecForm.pruned(form.state) || {};
  }

  // Check the form's data and show the preview (answers to older requests are dropped).
  async function refresh() {
    const mine = ++asked;
    let result;
    try {
      result = await post("/api/preview", { path, state: state(), profile: $("profile").value });
    } catch (error) {
      if (mine === asked) $("preview-state").textContent = error.message;
      return;
    }
    if (mine !== asked) return;
    const unplaced = form.showProblems(result.problems);
    showSummary(result.problems, unplaced);
    if (result.html !== null) {
      $("preview").innerHTML = result.html;
      $("preview-state").textContent = "";
      $("preview").classList.remove("stale");
    } else {
      $("preview-state").textContent = "有错误，改正后预览会更新";
      $("preview").classList.add("stale");
    }
    document.body.dataset.previewCount = String(Number(document.body.dataset.previewCount || 0) + 1);
  }

  function showSummary(problems, unplaced) {
    const errors = problems.filter((p) => p.severity !== "warning").length;
    const warnings = problems.length - errors;
    const box = $("summary");
    box.replaceChildren();
    box.className = `summary ${errors ? "error" : warnings ? "warning" : "ok"}`;
    if (!problems.length) {
      box.append("没有发现问题，可以下载。");
      return;
    }
    box.append(el("div", {}, errors ? `有 ${errors} 处错误` : "", errors && warnings ? "，" : "",
      warnings ? `${warnings} 处提醒` : "", "。错误要改正后才能生成文档；提醒可以不改。"));
    for (const problem of unplaced) {
      box.append(el("div", { class: `field-msg ${problem.severity}` }, problem.text));
    }
  }

  async function save(copy) {
    clearTimeout(timer);
    try {
      const result = await post("/api/save", { path, state: state(), version, copy: !!copy });
      if (copy) {
        setDirty(false);
        location.href = `/edit?path=${encodeURIComponent(result.path)}`;
        return true;
      }
      version = result.version;
      setDirty(false);
      $("notices").querySelector(".conflict")?.remove();
      toast("已保存。");
      return true;
    } catch (error) {
      if (error.status === 409) showConflict(error.message);
      else toast(problemLines(error).join("\n"), "error");
      return false;
    }
  }

  function showConflict(message) {
    $("notices").querySelector(".conflict")?.remove();
    $("notices").prepend(el("div", { class: "notice conflict" },
      el("p", {}, el("b", {}, "没有保存。"), message),
      el("p", {}, "你可以重新载入文件（放弃网页中这次的修改），或者把网页中的内容另存为一份新文件（两份都保留）。"),
      el("button", { type: "button", onclick: () => { setDirty(false); location.reload(); } }, "重新载入"),
      el("button", { type: "button", class: "primary", onclick: () => save(true) }, "另存一份")));
    window.scrollTo(0, 0);
  }

  async function build(format) {
    if (dirty && !(await save(false))) return;
    const label = format === "pdf" ? "PDF" : "Word";
    toast(`正在生成 ${label} 文件……`);
    try {
      const result = await post("/api/build", { path, format, profile: $("profile").value });
      const notes = [...result.warnings, ...result.notes];
      toast(`已生成 ${result.file}` + (notes.length ? `\n${notes.join("\n")}` : ""));
      download(`/download?path=${encodeURIComponent(result.file)}`);
    } catch (error) {
      toast(problemLines(error).join("\n"), "error");
    }
  }

  // What the home page asked to tell (import notes, the rollover checklist).
  function showNotice() {
    const raw = sessionStorage.getItem(`notice:${path}`);
    if (!raw) return;
    sessionStorage.removeItem(`notice:${path}`);
    const notice = JSON.parse(raw);
    const box = el("div", { class: "notice" });
    const close = el("button", { type: "button", class: "small plain close", onclick: () => box.remove() }, "关闭");
    if (notice.type === "import") {
      box.append(close, el("h3", {}, `已从旧文件转换：${notice.title || path}`));
      if (notice.mapped.length) box.append(el("p", {}, "识别出的部分："), el("ul", {}, notice.mapped.map((m) => el("li", {}, m))));
      if (notice.review.length) box.append(el("p", {}, "请核对："), el("ul", {}, notice.review.map((m) => el("li", {}, m))));
      if (notice.unplaced.length) {
        box.append(el("p", {}, el("b", {}, `有 ${notice.unplaced.length} 段没能归类`), "，已放在“主要工作”最后的“【未归类】原文内容”中，请移到合适的位置或删除："),
          el("ul", { class: "unplaced" }, notice.unplaced.map((t) => el("li", {}, t.length > 60 ? `${t.slice(0, 60)}……` : t))));
      }
    } else if (notice.type === "rollover") {
      box.append(close, el("h3", {}, `已生成新学期的计划（${notice.period}）`), el("p", {}, `日期：${notice.method}`));
      for (const note of notice.notes) box.append(el("p", {}, note));
      if (!notice.review.length) box.append(el("p", {}, `已修改 ${notice.changes.length} 处，没有需要人工核对的地方。`));
      else box.append(el("p", {}, `已修改 ${notice.changes.length} 处。下面这些地方没有改动或是推算的，请逐项核对后打勾：`));
      box.append(el("ul", { class: "checklist" }, notice.review.map((r) => el("li", {},
        el("label", {}, el("input", { type: "checkbox" }), ` ${r.path} `, r.text ? `“${r.text}”` : "", ` —— ${r.reason} `),
        el("a", { href: "#", onclick: (event) => { event.preventDefault(); form.reveal(r.path); } }, "查看")))));
    } else if (notice.type === "summary") {
      box.append(close, el("h3", {}, "已由计划生成总结框架"), el("p", {}, "把其中的“【待填写】”换成实际内容；每个目标选一个完成情况。"));
    }
    $("notices").append(box);
  }

  async function load() {
    let doc;
    try {
      doc = await get(`/api/doc?path=${encodeURIComponent(path)}`);
    } catch (error) {
      $("notices").append(el("div", { class: "notice error" }, error.message));
      return;
    }
    if (doc.unreadable) {
      $("notices").append(el("div", { class: "notice error" },
        el("p", {}, "这个文件现在无法在网页中编辑："), el("ul", {}, doc.unreadable.map((m) => el("li", {}, m))),
        el("p", {}, "请先用文本编辑器改正上面的问题，再刷新本页。")),
        el("pre", { class: "raw" }, doc.text));
      return;
    }
    version = doc.version;
    form = new SpecForm.Form($("form"), doc, changed);
    form.render();
    window.wenshuForm = form;
    showNotice();
    refresh();
    CorpusPanel.init(() => form);
  }

  $("form").addEventListener("submit", (event) => event.preventDefault());
  $("save").addEventListener("click", () => save(false));
  $("dl-docx").addEventListener("click", () => build("docx"));
  $("dl-pdf").addEventListener("click", () => build("pdf"));
  $("profile").addEventListener("change", refresh);
  $("toggle-corpus").addEventListener("click", () => {
    const pane = $("corpus");
    pane.hidden = !pane.hidden;
    document.querySelector(".editor-grid").classList.toggle("with-corpus", !pane.hidden);
    if (!pane.hidden) $("corpus-q").focus();
  });
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "s") {
      event.preventDefault();
      save(false);
    }
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
  load();
})();
