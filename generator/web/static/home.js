// Home page: start a document (new, from an old file, roll over, summary).
"use strict";

(() => {
  const { post, upload, el, toast, problemLines } = Wenshu;
  const $ = (id) => document.getElementById(id);

  // The templates of the chosen 文种 (one group of radio buttons per 文种).
  function templateGroup() {
    return [...$("new-template").querySelectorAll(".template-group")]
      .find((group) => group.dataset.kind === $("new-kind").value);
  }
  function showTemplates() {
    const shown = templateGroup();
    for (const group of $("new-template").querySelectorAll(".template-group")) group.hidden = group !== shown;
  }
  function chosenTemplate() {
    const group = templateGroup();
    const radio = group && group.querySelector("input[type=radio]:checked");
    return radio ? radio.value : "";
  }
  $("new-kind").addEventListener("change", showTemplates);
  showTemplates();

  function open(path, notice) {
    if (notice) sessionStorage.setItem(`notice:${path}`, JSON.stringify(notice));
    location.href = `/edit?path=${encodeURIComponent(path)}`;
  }

  function failed(error) {
    toast(problemLines(error).join("\n"), "error");
  }

  $("new-go").addEventListener("click", async () => {
    try {
      const result = await post("/api/new", {
        kind: $("new-kind").value, template: chosenTemplate(), name: $("new-name").value,
      });
      open(result.path);
    } catch (error) { failed(error); }
  });

  $("import-go").addEventListener("click", async () => {
    const file = $("import-file").files[0];
    if (!file) { toast("请先选择一个 .docx 或 .txt 文件。", "error"); return; }
    $("import-go").disabled = true;
    $("import-result").textContent = "正在转换……";
    try {
      const result = await upload("/api/upload/import-spec", file);
      const docs = result.documents;
      if (docs.length === 1) { open(docs[0].path, { type: "import", ...docs[0] }); return; }
      $("import-result").replaceChildren(
        el("p", {}, `这个文件里有 ${docs.length} 篇文档，已分别转换：`),
        el("ul", {}, docs.map((d) => el("li", {}, el("a", {
          href: "#", onclick: (e) => { e.preventDefault(); open(d.path, { type: "import", ...d }); },
        }, d.title || d.path)))),
      );
    } catch (error) {
      $("import-result").textContent = "";
      failed(error);
    } finally {
      $("import-go").disabled = false;
    }
  });

  const roll = $("roll-go");
  if (roll) roll.addEventListener("click", async () => {
    try {
      const result = await post("/api/rollover", {
        path: $("roll-plan").value, to: $("roll-to").value,
        term: $("roll-term").value, start: $("roll-start").value,
      });
      open(result.path, { type: "rollover", ...result });
    } catch (error) { failed(error); }
  });

  const sum = $("sum-go");
  if (sum) sum.addEventListener("click", async () => {
    try {
      const result = await post("/api/summary", { path: $("sum-plan").value });
      open(result.path, { type: "summary" });
    } catch (error) { failed(error); }
  });
})();
