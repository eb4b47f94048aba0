// Table keys (行事历, 具体分工, 教研组 …) edited as grids: one row per line of the
// table, as in WPS 表格 or Excel. Rows can be added, moved and removed; several rows
// copied from a spreadsheet paste into the grid from the clicked cell on; a workbook
// can be read into the grid or the grid saved as one. The server turns the rows into
// the spec's own structure (sheets/shapes.py).
"use strict";

const SpecGrid = (() => {
  const { el } = Wenshu;

  function emptyRow(columns) {
    return Object.fromEntries(columns.map((c) => [c.key, ""]));
  }

  function render(form, holder, key, hint, path) {
    const columns = hint.columns;
    const box = el("div", { class: "grid-box", "data-path": SpecForm.pathText(path) });
    if (typeof holder[key] === "string") {
      box.append(el("div", { class: "sheet-ref" },
        `这个表格在文件“${holder[key]}”中（与本文档在同一文件夹），请在 WPS 表格或 Excel 中修改它。`));
      return box;
    }
    if (!Array.isArray(holder[key])) holder[key] = [];
    const rows = holder[key];
    if (!rows.length) rows.push(emptyRow(columns));

    const table = el("table", { class: "grid", "data-table": key });
    table.append(el("thead", {}, el("tr", {}, el("th", { class: "no" }, ""),
      columns.map((c) => el("th", { title: c.help || "" }, c.key)), el("th", {}, ""))));
    const body = el("tbody");
    rows.forEach((row, r) => {
      const tr = el("tr", {}, el("td", { class: "no" }, String(r + 1)));
      columns.forEach((column, c) => {
        const area = el("textarea", { rows: 1, "data-col": column.key, "aria-label": `第${r + 1}行 ${column.key}` });
        const value = row[column.key];
        area.value = value === null || value === undefined ? "" : (typeof value === "object" ? "（引用）" : String(value));
        area.readOnly = typeof value === "object" && value !== null;
        area.dataset.insert = "text";
        area.wenshuInsert = { text: (text) => { area.value += text; area.dispatchEvent(new Event("input")); }, ref: null };
        area.addEventListener("input", () => {
          row[column.key] = area.value;
          SpecForm.grow(area);
          form.onChange();
        });
        area.addEventListener("paste", (event) => {
          const text = (event.clipboardData || window.clipboardData).getData("text/plain");
          if (!text.includes("\t") && !text.trim().includes("\n")) return;
          event.preventDefault();
          pasteAt(rows, columns, r, c, parseTSV(text));
          form.changed(true);
        });
        requestAnimationFrame(() => SpecForm.grow(area));
        tr.append(el("td", { "data-col": column.key }, area));
      });
      tr.append(el("td", { class: "row-controls" },
        small("上移", r > 0, () => { swap(rows, r, r - 1); form.changed(true); }),
        small("下移", r < rows.length - 1, () => { swap(rows, r, r + 1); form.changed(true); }),
        small("删除", true, () => { rows.splice(r, 1); form.changed(true); })));
      body.append(tr);
    });
    table.append(body);

    const file = el("input", { type: "file", accept: ".xlsx", hidden: true });
    file.addEventListener("change", async () => {
      if (!file.files[0]) return;
      try {
        const result = await Wenshu.upload(`/api/upload/table?kind=${encodeURIComponent(form.state["文种"])}&key=${encodeURIComponent(key)}`, file.files[0]);
        rows.splice(0, rows.length, ...result.rows);
        form.changed(true);
        Wenshu.toast(`已从 ${result.label} 读入 ${result.rows.length} 行。` + (result.warnings.length ? `\n${result.warnings.join("\n")}` : ""));
      } catch (error) {
        Wenshu.toast(Wenshu.problemLines(error).join("\n"), "error");
      }
      file.value = "";
    });
    const tools = el("div", { class: "grid-tools" },
      el("button", { type: "button", class: "small", onclick: () => { rows.push(emptyRow(columns)); form.changed(true); } }, "＋ 添加一行"),
      el("button", { type: "button", class: "small plain", onclick: () => file.click() }, "从 Excel/WPS 表格导入"),
      el("button", {
        type: "button", class: "small plain",
        onclick: async () => {
          try {
            const blob = await Wenshu.postForFile("/api/table/export", { key, rows: SpecForm.pruned(rows) || [], state: SpecForm.pruned(form.state) });
            Wenshu.saveBlob(blob, `${key}.xlsx`);
          } catch (error) {
            Wenshu.toast(Wenshu.problemLines(error).join("\n"), "error");
          }
        },
      }, "导出为 Excel 表格"),
      file,
      el("span", { class: "hint" }, "可从 Excel 或 WPS 表格复制几行，点一个格子后粘贴。"));
    box.append(el("div", { class: "grid-scroll" }, table), tools, el("div", { class: "grid-msgs" }));
    return box;
  }

  // A table written out in the spec (a 通知's 附件 表格: 表头 and 行): header cells and
  // rows edited in place; rows and columns added, moved and removed; rows pasted from
  // a spreadsheet. `parts` names the header and rows keys.
  function matrix(form, holder, key, parts, path) {
    if (!holder[key] || typeof holder[key] !== "object" || Array.isArray(holder[key])) holder[key] = {};
    const obj = holder[key];
    if (!Array.isArray(obj[parts.header])) obj[parts.header] = [];
    if (!Array.isArray(obj[parts.rows])) obj[parts.rows] = [];
    const header = obj[parts.header];
    const rows = obj[parts.rows];
    const width = () => Math.max(header.length, ...rows.map((r) => (Array.isArray(r) ? r.length : 0)));
    const fill = () => {
      const n = Math.max(1, width());
      while (header.length < n) header.push(`列${header.length + 1}`);
      rows.forEach((r, i) => {
        if (!Array.isArray(r)) rows[i] = r = [r];
        while (r.length < n) r.push("");
      });
    };
    fill();
    const base = SpecForm.pathText(path);
    const cellArea = (list, i, label) => {
      const area = el("textarea", { rows: 1, "aria-label": label });
      area.value = list[i] === null || list[i] === undefined ? "" : String(list[i]);
      area.dataset.insert = "text";
      area.wenshuInsert = { text: (text) => { area.value += text; area.dispatchEvent(new Event("input")); }, ref: null };
      area.addEventListener("input", () => { list[i] = area.value; SpecForm.grow(area); form.onChange(); });
      requestAnimationFrame(() => SpecForm.grow(area));
      return area;
    };
    const table = el("table", { class: "grid matrix", "data-path": base });
    table.append(el("thead", {}, el("tr", { "data-path": `${base}.${parts.header}` }, el("th", { class: "no" }, parts.header),
      header.map((_, c) => el("th", { class: "head-cell" }, cellArea(header, c, `${parts.header} 第${c + 1}列`),
        small("删除列", header.length > 1, () => {
          header.splice(c, 1);
          rows.forEach((r) => r.splice(c, 1));
          form.changed(true);
        }))),
      el("th", {}, ""))));
    const body = el("tbody");
    rows.forEach((row, r) => {
      body.append(el("tr", { "data-path": `${base}.${parts.rows}[${r + 1}]` }, el("td", { class: "no" }, String(r + 1)),
        row.map((_, c) => {
          const area = cellArea(row, c, `第${r + 1}行 ${header[c] || `第${c + 1}列`}`);
          area.addEventListener("paste", (event) => {
            const text = (event.clipboardData || window.clipboardData).getData("text/plain");
            if (!text.includes("\t") && !text.trim().includes("\n")) return;
            event.preventDefault();
            parseTSV(text).forEach((line, i) => {
              while (rows.length <= r + i) rows.push([]);
              line.forEach((value, j) => { rows[r + i][c + j] = value.trim(); });
            });
            fill();
            form.changed(true);
          });
          return el("td", {}, area);
        }),
        el("td", { class: "row-controls" },
          small("上移", r > 0, () => { swap(rows, r, r - 1); form.changed(true); }),
          small("下移", r < rows.length - 1, () => { swap(rows, r, r + 1); form.changed(true); }),
          small("删除", rows.length > 1, () => { rows.splice(r, 1); form.changed(true); }))));
    });
    table.append(body);
    const tools = el("div", { class: "grid-tools" },
      el("button", { type: "button", class: "small", onclick: () => { rows.push(header.map(() => "")); form.changed(true); } }, "＋ 添加一行"),
      el("button", {
        type: "button", class: "small plain",
        onclick: () => { header.push(`列${header.length + 1}`); rows.forEach((row) => row.push("")); form.changed(true); },
      }, "＋ 添加一列"),
      el("span", { class: "hint" }, "第一行是表头。空着的格打印后可手写；可从 Excel 或 WPS 表格复制几行，点一个格子后粘贴。"));
    return el("div", { class: "grid-box" }, el("div", { class: "grid-scroll" }, table), tools, el("div", { class: "grid-msgs" }));
  }

  // Show a problem of one row of a written-out table under the table; false when `tr`
  // is not in one.
  function markRow(tr, problem) {
    const box = tr.closest(".grid-box");
    if (!box) return false;
    tr.classList.add(problem.severity === "warning" ? "has-warning" : "has-error");
    const where = tr.parentElement.tagName === "TBODY" ? `第${tr.sectionRowIndex + 1}行：` : "表头：";
    box.querySelector(".grid-msgs").append(el("div", { class: `field-msg ${problem.severity}` },
      problem.severity === "warning" ? "提醒：" : "错误：", where, problem.message));
    return true;
  }

  function small(label, enabled, onclick) {
    return el("button", { type: "button", class: "small plain", disabled: !enabled, onclick }, label);
  }

  function swap(rows, a, b) {
    [rows[a], rows[b]] = [rows[b], rows[a]];
  }

  // Cells copied from a spreadsheet: tab between cells, line break between rows, a
  // cell holding a line break or a tab in double quotes.
  function parseTSV(text) {
    const rows = [[]];
    let cell = "";
    let quoted = false;
    text = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"' && cell === "") quoted = true;
      else if (ch === "\t") { rows[rows.length - 1].push(cell); cell = ""; }
      else if (ch === "\n") { rows[rows.length - 1].push(cell); rows.push([]); cell = ""; }
      else cell += ch;
    }
    rows[rows.length - 1].push(cell);
    return rows;
  }

  // Write pasted cells from row r, column c on, adding rows as needed.
  function pasteAt(rows, columns, r, c, cells) {
    cells.forEach((line, i) => {
      while (rows.length <= r + i) rows.push(emptyRow(columns));
      const row = rows[r + i];
      line.forEach((value, j) => {
        const column = columns[c + j];
        if (column) row[column.key] = value.trim();
      });
    });
  }

  // Show a problem on its cell; false when the grid is not on the page.
  function mark(container, problem) {
    const table = container.querySelector(`table.grid[data-table="${CSS.escape(problem.cell.table)}"]`);
    if (!table) return false;
    const cls = problem.severity === "warning" ? "has-warning" : "has-error";
    let where = "";
    if (problem.cell.row !== null && problem.cell.row !== undefined) {
      const tr = table.tBodies[0].rows[problem.cell.row];
      if (tr) {
        const td = problem.cell.column ? tr.querySelector(`td[data-col="${CSS.escape(problem.cell.column)}"]`) : tr;
        (td || tr).classList.add(cls);
        if (td) td.title = problem.message;
      }
      where = `第${problem.cell.row + 1}行${problem.cell.column ? ` ${problem.cell.column}` : ""}：`;
    }
    const box = table.closest(".grid-box").querySelector(".grid-msgs");
    box.append(el("div", { class: `field-msg ${problem.severity}` },
      problem.severity === "warning" ? "提醒：" : "错误：", where, problem.message));
    return true;
  }

  return { render, matrix, mark, markRow, parseTSV };
})();
