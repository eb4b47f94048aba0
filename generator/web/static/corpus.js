// The corpus panel beside the editor: search (the same search as `wenshu corpus
// search`), the full text of a hit, "insert here" as text or as a linked 引用, and
// importing old files into the corpus.
"use strict";

const CorpusPanel = (() => {
  const { get, upload, el, toast, problemLines } = Wenshu;
  const $ = (id) => document.getElementById(id);
  let formOf = () => null;
  let filled = false;

  function fillFilters(filters) {
    if (filled) return;
    filled = true;
    for (const [id, values] of [["corpus-category", filters.categories], ["corpus-topic", filters.topics], ["corpus-kind", filters.kinds]]) {
      $(id).append(...values.map((v) => el("option", { value: v }, v)));
    }
  }

  function matchedLine(matched) {
    return matched.map((m) => (m.term && m.term !== m.word ? `${m.word}→${m.term}` : m.word)).join("、");
  }

  async function search() {
    const params = new URLSearchParams({
      q: $("corpus-q").value, category: $("corpus-category").value,
      topic: $("corpus-topic").value, kind: $("corpus-kind").value,
    });
    try {
      const result = await get(`/api/corpus/search?${params}`);
      fillFilters(result.filters);
      $("corpus-detail").hidden = true;
      const list = $("corpus-results");
      list.hidden = false;
      if (!result.hits.length) {
        list.replaceChildren(el("p", { class: "hint" }, $("corpus-q").value ? "没有找到。换个说法，或去掉筛选条件。" : "输入要找的内容，如“青年教师培养”“双减”。"));
        return;
      }
      list.replaceChildren(...result.hits.map((hit) => el("div", { class: "hit", tabindex: 0, onclick: () => show(hit.id) },
        el("div", { class: "hit-title" }, el("span", { class: "tag" }, hit.category), hit.title || "（无标题）"),
        el("div", { class: "hit-text" }, hit.text.length > 70 ? `${hit.text.slice(0, 70)}……` : hit.text),
        hit.matched.length ? el("div", { class: "hint" }, `匹配：${matchedLine(hit.matched)}`) : null)));
    } catch (error) {
      toast(error.message, "error");
    }
  }

  async function show(id) {
    try {
      const section = await get(`/api/corpus/show?id=${encodeURIComponent(id)}`);
      const box = $("corpus-detail");
      box.hidden = false;
      $("corpus-results").hidden = true;
      box.replaceChildren(...[
        el("div", { class: "detail-head" }, el("b", {}, section.title || "（无标题）"), ` ${section.id}`),
        el("div", { class: "hint" }, [section.category, ...section.topics].join(" · ")),
        section.text ? el("p", { class: "detail-text" }, section.text) : null,
        section.items.length ? el("ul", {}, section.items.map((i) => el("li", {}, i))) : null,
        el("div", { class: "detail-actions" },
          el("button", { type: "button", class: "primary", onclick: () => insert(section, false) }, "插入文字"),
          el("button", { type: "button", onclick: () => insert(section, true) }, "插入引用（保持关联）"),
          el("button", { type: "button", class: "plain", onclick: () => { box.hidden = true; $("corpus-results").hidden = false; } }, "返回结果")),
        el("p", { class: "hint" }, "先在左边点一下要插入的位置。“插入引用”在生成时才把片段放进文档，并自动填入本校的单位、部门等。"),
      ].filter(Boolean));
      box.scrollIntoView({ block: "nearest" });
    } catch (error) {
      toast(error.message, "error");
    }
  }

  // As text, the section's {{ 单位 }} and the like are filled from the document first.
  async function insert(section, asRef) {
    const form = formOf();
    if (!form) return;
    let content = section;
    if (!asRef) {
      try {
        content = await Wenshu.post("/api/corpus/resolve", { id: section.id, state: SpecForm.pruned(form.state) || {} });
      } catch (error) {
        toast(error.message, "error");
        return;
      }
    }
    const problem = form.insert(content, asRef);
    if (problem) toast(problem, "error");
    else toast(asRef ? `已插入引用 ${section.id}。` : "已插入文字。");
  }

  async function importFile() {
    const file = $("corpus-file").files[0];
    if (!file) { toast("请先选择一个 .docx 或 .txt 文件。", "error"); return; }
    $("corpus-import-result").textContent = "正在导入……";
    try {
      const r = await upload("/api/upload/corpus", file);
      const lines = [`导入 ${r.documents} 篇文档：新增 ${r.sections_added} 个片段，重复 ${r.duplicates} 个（已记录来源），去除无关行 ${r.noise_lines_removed} 行。`];
      for (const f of r.failed) lines.push(`未能导入 ${f.path}：${f.reason}`);
      $("corpus-import-result").replaceChildren(...lines.map((l) => el("p", {}, l)));
    } catch (error) {
      $("corpus-import-result").textContent = problemLines(error).join("\n");
    }
  }

  function init(getForm) {
    formOf = getForm;
    $("corpus-go").addEventListener("click", search);
    $("corpus-q").addEventListener("keydown", (event) => { if (event.key === "Enter") search(); });
    for (const id of ["corpus-category", "corpus-topic", "corpus-kind"]) $(id).addEventListener("change", search);
    $("corpus-import-go").addEventListener("click", importFile);
    get("/api/corpus/search?q=").then((r) => fillFilters(r.filters)).catch(() => {});
  }

  return { init };
})();
