// The editor's form, generated from a 文种's JSON Schema (the one `wenshu schema`
// prints) and the server's list of table keys. No 文种 has page code of its own: a
// model becomes a group of fields, a list gets add / remove / move buttons (a tree,
// one whose 条目 are its own kind, also indent / outdent), text that may be a corpus
// reference gets a reference chip, and table keys become grids (grid.js).
//
// The form edits `state` (the spec's data) in place and calls onChange after each
// edit. Every field carries data-path, written as the spec loader writes paths
// (行事历[2].月份), so each message lands beside its field.
"use strict";

const SpecForm = (() => {
  const { el } = Wenshu;

  // Keys typed on one line; other text gets a growing text area.
  const SHORT = new Set([
    "单位", "部门", "岗位", "学年", "学期", "年度", "模板", "标题", "日期", "月份", "周次",
    "负责人", "姓名", "职务", "编号", "指标", "名称", "组长", "活动时间", "开学", "周起始",
    "完成情况", "计划", "引用", "类别", "实际", "时间", "地点", "主持", "主题", "课题", "主备",
    "文号", "版头", "主送", "联系人", "印发机关", "印发日期", "教研组", "级别", "性别", "出生年月",
  ]);
  // Keys the page leaves to a text editor.
  const HIDDEN = new Set(["模板目录", "文种"]);
  // Keys not offered as "add" buttons: a reference is inserted from the corpus panel.
  const NOT_OFFERED = new Set(["引用", "变量"]);

  function pathText(path) {
    let out = "";
    for (const part of path) {
      out += typeof part === "number" ? `[${part + 1}]` : (out ? "." : "") + part;
    }
    return out;
  }

  // 行事历[2].月份 → ["行事历", 1, "月份"], as the server's paths.
  function parsePath(text) {
    const out = [];
    for (const m of String(text || "").matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
      out.push(m[2] !== undefined ? Number(m[2]) - 1 : m[1]);
    }
    return out;
  }

  class Form {
    constructor(container, payload, onChange) {
      this.container = container;
      this.schema = payload.schema;
      this.tables = payload.tables || {};
      this.choices = payload.choices || {};
      this.help = payload.help || { top: {}, below: {} };
      this.state = payload.state;
      this.onChange = onChange;
      this.focused = null;
      container.addEventListener("focusin", (event) => {
        const target = event.target.closest("[data-insert]");
        if (target) this.focused = target;
      });
    }

    // ------------------------------------------------------------- schema

    // The help of the key at `path`, looked up as the server does (KeyHelp.at in
    // spec/schema.py): a top-level key has its own; a key below takes the longest
    // entry ending its path (附件.标题), never the help of a top-level key of its name.
    helpFor(path) {
      const keys = path.filter((p) => typeof p === "string");
      if (keys.length === 1 && keys[0] in this.help.top) return this.help.top[keys[0]];
      for (let n = keys.length; n > 0; n--) {
        const text = this.help.below[keys.slice(-n).join(".")];
        if (text !== undefined) return text;
      }
      return "";
    }

    resolve(node) {
      let guard = 0;
      while (node && node.$ref && guard++ < 20) {
        node = this.schema.$defs[node.$ref.split("/").pop()];
      }
      return node || {};
    }

    branches(node) {
      node = this.resolve(node);
      const all = node.anyOf ? node.anyOf.map((n) => this.resolve(n)) : [node];
      return all.filter((n) => n.type !== "null");
    }

    isRef(node) {
      const props = node.properties;
      return !!props && "引用" in props && Object.keys(props).every((k) => k === "引用" || k === "变量");
    }

    kindOf(node) {
      if (this.isRef(node)) return "ref";
      if (node.const !== undefined) return "const";
      if (node.enum) return "enum";
      if (node.type === "object" && node.properties) return "model";
      if (node.type === "object") return "map";
      if (node.type === "array" && !node.prefixItems) return "list";
      if (node.type === "boolean") return "bool";
      return "text";
    }

    classify(node, key, path) {
      if (path.length === 1 && this.tables[key]) return "grid";
      if (this.tableParts(node)) return "table";
      const kinds = new Set(this.branches(node).map((b) => this.kindOf(b)));
      if (kinds.size === 1) return [...kinds][0];
      if (kinds.has("list") && kinds.has("text")) return "paragraphs";
      if (kinds.has("model")) return "choice";
      if (kinds.has("ref") && kinds.has("text")) return "textref";
      return [...kinds][0] || "text";
    }

    // A table written out in the spec (a 通知's 附件 表格): a model of a header (a list
    // of text) and rows (a list of lists of text). Its two keys, or null.
    tableParts(node) {
      const model = this.branches(node).length === 1 ? this.model(node) : null;
      const props = model && model.properties;
      if (!props || Object.keys(props).length !== 2) return null;
      const listOf = (n) => {
        const list = this.branches(n).find((b) => b.type === "array");
        return list ? this.branches(list.items) : [];
      };
      const isText = (branches) => branches.length > 0 && branches.every((b) => this.kindOf(b) === "text");
      let header = null;
      let rows = null;
      for (const [key, prop] of Object.entries(props)) {
        const items = listOf(prop);
        if (isText(items)) header = key;
        else if (items.length === 1 && items[0].type === "array" && isText(this.branches(items[0].items))) rows = key;
      }
      return header && rows ? { header, rows } : null;
    }

    model(node) {
      return this.branches(node).find((b) => this.kindOf(b) === "model");
    }

    // A new, empty value for a field of this schema node.
    blank(node, key, path) {
      const kind = this.classify(node, key, path);
      if (kind === "grid") return [Object.fromEntries(this.tables[key].columns.map((c) => [c.key, ""]))];
      if (kind === "table") {
        const parts = this.tableParts(node);
        return { [parts.header]: ["列1", "列2"], [parts.rows]: [["", ""]] };
      }
      if (kind === "list") {
        const list = this.branches(node).find((b) => this.kindOf(b) === "list");
        return [this.blank(list.items, key, [...path, 0])];
      }
      if (kind === "model" || kind === "choice") {
        const model = this.model(node);
        if (kind === "choice" && this.branches(node).some((b) => this.kindOf(b) === "text")) return "";
        const keys = model.required && model.required.length ? model.required : Object.keys(model.properties).slice(0, 2);
        return Object.fromEntries(keys.map((k) => [k, this.blank(model.properties[k], k, [...path, k])]));
      }
      if (kind === "map") return {};
      if (kind === "bool") return true;
      return "";
    }

    // --------------------------------------------------------------- render

    render() {
      const top = window.scrollY;
      this.container.replaceChildren();
      this.focused = null;
      const kind = this.state["文种"];
      this.container.append(el("div", { class: "kind-line" }, "文种：", el("b", {}, kind)));
      this.container.append(this.fields(this.state, this.schema, []));
      window.scrollTo(0, top);
    }

    changed(rerender) {
      if (rerender) this.render();
      this.onChange();
    }

    // The fields of a model: those the value has (in its order), the required ones,
    // then a button for each optional key not written yet.
    fields(obj, model, path) {
      const box = el("div", { class: "fields" });
      const props = model.properties || {};
      const required = new Set(model.required || []);
      const keys = Object.keys(obj).filter((k) => k in props && !HIDDEN.has(k));
      for (const k of required) if (!keys.includes(k) && !HIDDEN.has(k)) keys.push(k);
      for (const key of keys) {
        if (!(key in obj)) obj[key] = this.blank(props[key], key, [...path, key]);
        box.append(this.field(obj, key, props[key], [...path, key], required.has(key)));
      }
      const missing = Object.keys(props).filter((k) => !(k in obj) && !HIDDEN.has(k) && !NOT_OFFERED.has(k));
      if (missing.length) {
        box.append(el("div", { class: "add-keys" }, el("span", { class: "hint" }, "添加："),
          missing.map((k) => el("button", {
            type: "button", class: "small plain", title: this.helpFor([...path, k]),
            onclick: () => { this.insertKey(obj, props, k, path); this.changed(true); },
          }, `＋ ${k}`))));
      }
      return box;
    }

    // Put a new key where the schema has it, among the keys already written.
    insertKey(obj, props, key, path) {
      const order = Object.keys(props);
      const entries = Object.entries(obj);
      const at = entries.findIndex(([k]) => order.indexOf(k) > order.indexOf(key));
      entries.splice(at < 0 ? entries.length : at, 0, [key, this.blank(props[key], key, [...path, key])]);
      for (const k of Object.keys(obj)) delete obj[k];
      for (const [k, v] of entries) obj[k] = v;
    }

    field(obj, key, node, path, required) {
      const row = el("div", { class: "field", "data-path": pathText(path) });
      const help = this.helpFor(path);
      const head = el("div", { class: "field-head" }, el("label", { class: "field-label" }, key));
      if (help) head.append(el("span", { class: "help" }, help));
      if (!required) {
        head.append(el("button", {
          type: "button", class: "small plain remove-key", title: `删除“${key}”`,
          onclick: () => { delete obj[key]; this.changed(true); },
        }, "删除此项"));
      }
      row.append(head, this.widget(obj, key, node, path));
      return row;
    }

    widget(holder, key, node, path, tree) {
      const kind = this.classify(node, typeof key === "string" ? key : "", path);
      const name = this.nameOf(path);
      switch (kind) {
        case "grid": return SpecGrid.render(this, holder, key, this.tables[key], path);
        case "table": return SpecGrid.matrix(this, holder, key, this.tableParts(node), path);
        case "list": {
          // A list of names written as one text (参加: 甲、乙、丙), as the loader accepts
          // it, stays one text: splitting it here would rewrite what the file says.
          const items = this.branches(this.branches(node).find((b) => b.type === "array").items);
          if (typeof holder[key] === "string" && holder[key] && items.every((b) => this.kindOf(b) === "text")) {
            return this.text(holder, key, name, false);
          }
          return this.list(holder, key, node, path);
        }
        case "model": return this.object(holder, key, node, path, tree);
        case "choice": {
          const value = holder[key];
          if (value && typeof value === "object" && !("引用" in value)) return this.object(holder, key, node, path, tree);
          return this.textref(holder, key, node, path, name);
        }
        case "paragraphs": {
          // Paragraphs, or a model written in their place (a 通知's 正文 as 内容 + 条目),
          // with a button to switch between the two.
          const value = holder[key];
          const isModel = value && typeof value === "object" && !Array.isArray(value) && !("引用" in value) && this.model(node);
          const body = isModel ? this.object(holder, key, node, path, tree) : this.paragraphs(holder, key, node, path, name);
          return this.switchable(holder, key, node, path, body, isModel);
        }
        case "textref": return this.textref(holder, key, node, path, name);
        case "ref": return this.refChip(holder, key, path);
        case "map": return this.map(holder, key, path);
        case "bool": return this.checkbox(holder, key);
        case "enum": return this.select(holder, key, this.branches(node).find((b) => b.enum).enum);
        case "const": return el("span", { class: "const" }, String(holder[key]));
        default: return this.text(holder, key, name, false);
      }
    }

    // A value that may be paragraphs or a model holding paragraphs and more (正文: text,
    // or 内容 + 条目), with a button switching between them that keeps every text: the
    // paragraphs become the model's 内容; going back, 内容 and each item (标题：文字)
    // become paragraphs.
    switchable(holder, key, node, path, body, isModel) {
      const model = this.model(node);
      const value = holder[key];
      const textKey = "内容";
      if (!model || !(textKey in model.properties) || (value && typeof value === "object" && "引用" in value)) return body;
      const others = Object.keys(model.properties).filter((k) => k !== textKey && !NOT_OFFERED.has(k));
      const label = isModel ? "改为几段文字（不分条）" : `改为分条（${[textKey, ...others].join(" + ")}）`;
      const toggle = button(label, true, () => {
        if (isModel) {
          const parts = this.paragraphsOf(value);
          holder[key] = parts.length === 1 && typeof parts[0] === "string" ? parts[0] : parts.length ? parts : "";
        } else {
          const obj = { [textKey]: value ?? "" };
          for (const k of others) obj[k] = this.blank(model.properties[k], k, [...path, k]);
          holder[key] = obj;
        }
        this.changed(true);
      });
      toggle.classList.add("switch-shape");
      return el("div", { class: "switchable" }, body, toggle);
    }

    // The paragraphs of nested items, in order: an item's 标题 leads its first text
    // (标题：文字), corpus references stay references, nothing is dropped.
    paragraphsOf(value) {
      if (value === null || value === undefined) return [];
      if (typeof value !== "object") return String(value).trim() ? [String(value).trim()] : [];
      if (Array.isArray(value)) return value.flatMap((v) => this.paragraphsOf(v));
      if ("引用" in value) return [value];
      const out = [];
      let head = typeof value["标题"] === "string" ? value["标题"].trim() : "";
      for (const [k, v] of Object.entries(value)) {
        if (k === "标题" && typeof v === "string") continue;
        const parts = this.paragraphsOf(v);
        if (head && typeof parts[0] === "string") parts[0] = `${head}：${parts[0]}`;
        else if (head) out.push(head);
        head = "";
        out.push(...parts);
      }
      if (head) out.push(head);
      return out;
    }

    // The key a value is known by: its own, or its list's (活动[3] → 活动).
    nameOf(path) {
      for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return path[i];
      return "";
    }

    // ---------------------------------------------------------------- widgets

    text(holder, key, name, allowRef) {
      const value = holder[key];
      const multiline = !SHORT.has(name) || (typeof value === "string" && value.includes("\n"));
      const input = multiline ? el("textarea", { rows: 1 }) : el("input", { type: "text" });
      input.value = value === null || value === undefined ? "" : String(value);
      input.dataset.insert = allowRef ? "text ref" : "text";
      const choices = this.choices[name];
      if (choices) {
        const id = `choices-${name}`;
        if (!document.getElementById(id)) {
          document.body.append(el("datalist", { id }, choices.map((c) => el("option", { value: c }))));
        }
        input.setAttribute("list", id);
      }
      input.addEventListener("input", () => {
        holder[key] = input.value;
        if (multiline) grow(input);
        this.onChange();
      });
      input.wenshuInsert = {
        text: (text) => insertAtCursor(input, text),
        ref: allowRef ? (id) => { holder[key] = { 引用: id }; this.changed(true); } : null,
      };
      if (multiline) requestAnimationFrame(() => grow(input));
      return input;
    }

    // Text or a corpus reference {引用: id}.
    textref(holder, key, node, path, name) {
      const value = holder[key];
      if (value && typeof value === "object" && "引用" in value) return this.refChip(holder, key, path);
      return this.text(holder, key, name, true);
    }

    refChip(holder, key, path) {
      const value = holder[key] || {};
      const vars = value["变量"] ? Object.entries(value["变量"]).map(([k, v]) => `${k}=${v}`).join("，") : "";
      return el("div", { class: "ref-chip", "data-path": pathText(path) },
        el("span", {}, "引用语料库片段 ", el("b", {}, value["引用"] || ""), vars ? `（${vars}）` : ""),
        el("button", {
          type: "button", class: "small plain",
          onclick: async () => {
            // The same filling as "insert as text": the reference's 变量, then the page's
            // 单位, 学年…; a variable neither gives keeps the reference and says so.
            let section;
            try {
              section = await Wenshu.post("/api/corpus/resolve", {
                id: value["引用"], state: pruned(this.state) || {}, 变量: value["变量"] || {},
              });
            } catch (error) {
              Wenshu.toast(error.message, "error");
              return;
            }
            holder[key] = [section.text, ...section.items].filter(Boolean).join("\n");
            this.changed(true);
          },
        }, "改为文字"));
    }

    // 前言, 指导思想, 内容: one or more paragraphs (a blank line between two), each of
    // which may be a corpus reference.
    paragraphs(holder, key, node, path, name) {
      const value = holder[key];
      if (value && typeof value === "object" && !Array.isArray(value)) return this.refChip(holder, key, path);
      if (Array.isArray(value) && value.some((v) => typeof v !== "string")) {
        return this.list(holder, key, node, path);
      }
      const wasList = Array.isArray(value);
      const area = el("textarea", { rows: 2, class: "paragraphs", "data-insert": "text ref" });
      area.value = wasList ? value.join("\n\n") : (value ?? "");
      area.placeholder = "一段或几段文字；段与段之间空一行";
      area.addEventListener("input", () => {
        const parts = area.value.split(/\n[ \t\u3000]*\n/).map((p) => p.trim()).filter(Boolean);
        holder[key] = parts.length > 1 || (wasList && parts.length) ? parts : (parts[0] ?? "");
        grow(area);
        this.onChange();
      });
      area.wenshuInsert = {
        text: (text) => insertAtCursor(area, text),
        ref: (id) => { holder[key] = { 引用: id }; this.changed(true); },
      };
      requestAnimationFrame(() => grow(area));
      return area;
    }

    checkbox(holder, key) {
      const box = el("input", { type: "checkbox" });
      box.checked = holder[key] === true || holder[key] === "true" || holder[key] === "是";
      box.addEventListener("change", () => { holder[key] = box.checked; this.onChange(); });
      return el("label", { class: "check" }, box, "是");
    }

    select(holder, key, options) {
      const select = el("select", {}, el("option", { value: "" }, "（不填）"),
        options.map((o) => el("option", { value: o }, o)));
      select.value = holder[key] ?? "";
      select.addEventListener("change", () => { holder[key] = select.value; this.onChange(); });
      return select;
    }

    // A mapping of names to text (变量, 年级 → 学科, 假期); list values as 甲、乙.
    map(holder, key, path) {
      if (!holder[key] || typeof holder[key] !== "object") holder[key] = {};
      const obj = holder[key];
      const box = el("div", { class: "map" });
      const rows = Object.entries(obj);
      rows.forEach(([k, v], i) => {
        const name = el("input", { type: "text", value: k, class: "map-key" });
        const isList = Array.isArray(v);
        const val = el("input", { type: "text", class: "map-value", value: isList ? v.join("、") : String(v ?? "") });
        const write = () => {
          const entries = Object.entries(obj);
          const text = val.value;
          entries[i] = [name.value, isList ? text.split(/[、，,；;\s]+/).filter(Boolean) : text];
          for (const k2 of Object.keys(obj)) delete obj[k2];
          for (const [k2, v2] of entries) if (k2) obj[k2] = v2;
          this.onChange();
        };
        name.addEventListener("change", write);
        val.addEventListener("input", write);
        box.append(el("div", { class: "map-row", "data-path": pathText([...path, k]) }, name, el("span", {}, "："), val,
          el("button", { type: "button", class: "small plain", onclick: () => { delete obj[k]; this.changed(true); } }, "删除")));
      });
      box.append(el("button", {
        type: "button", class: "small plain",
        onclick: () => { obj[`新项${rows.length + 1}`] = ""; this.changed(true); },
      }, "＋ 添加一项"));
      return box;
    }

    object(holder, key, node, path, tree) {
      const model = this.model(node);
      let obj = holder[key];
      if (typeof obj === "string" && "内容" in model.properties) obj = holder[key] = { 内容: obj };
      if (!obj || typeof obj !== "object" || Array.isArray(obj)) obj = holder[key] = {};
      const box = el("div", { class: "object" });
      box.append(this.fields(obj, model, path));
      return box;
    }

    // Whether items of this list are a tree (their 条目 are items of the same kind).
    treeItem(itemNode) {
      const model = this.model(itemNode);
      if (!model || !model.properties || !model.properties["条目"]) return false;
      const sub = this.branches(model.properties["条目"]).find((b) => b.type === "array");
      return !!sub && this.model(sub.items) === model;
    }

    list(holder, key, node, path, parentTree) {
      const listNode = this.branches(node).find((b) => this.kindOf(b) === "list");
      const itemNode = listNode.items;
      if (!Array.isArray(holder[key])) holder[key] = holder[key] === undefined || holder[key] === "" ? [] : [holder[key]];
      const items = holder[key];
      const isTree = this.treeItem(itemNode);
      const box = el("div", { class: `list${isTree ? " tree" : ""}`, "data-path": pathText(path) });
      items.forEach((_, i) => {
        const itemPath = [...path, i];
        const controls = el("div", { class: "item-controls" },
          el("span", { class: "item-no" }, `${i + 1}`),
          button("上移", i > 0, () => { move(items, i, i - 1); this.changed(true); }),
          button("下移", i < items.length - 1, () => { move(items, i, i + 1); this.changed(true); }),
          isTree ? button("降级", i > 0, () => { this.indent(items, i); this.changed(true); }) : null,
          isTree && holder.__parentList ? button("升级", true, () => { this.outdent(holder, items, i); this.changed(true); }) : null,
          button("删除", true, () => { items.splice(i, 1); this.changed(true); }, "danger"));
        if (isTree && typeof items[i] === "string") items[i] = { 内容: items[i] };
        if (isTree && items[i] && typeof items[i] === "object") {
          // Let the item's own 条目 list know where it sits, for 升级 (outdent).
          Object.defineProperty(items[i], "__parentList", { value: { list: items, index: i }, enumerable: false, configurable: true });
        }
        const body = this.widget(items, i, itemNode, itemPath, isTree);
        box.append(el("div", { class: "item", "data-path": pathText(itemPath) }, controls, body));
      });
      const adders = el("div", { class: "add-items" });
      const kinds = new Set(this.branches(itemNode).map((b) => this.kindOf(b)));
      if (kinds.has("text") || kinds.has("model")) {
        adders.append(el("button", {
          type: "button", class: "small",
          onclick: () => { items.push(this.blank(itemNode, this.nameOf(path), [...path, items.length])); this.changed(true); },
        }, "＋ 添加一项"));
      }
      if (kinds.has("model") && kinds.has("text")) {
        const model = this.model(itemNode);
        const label = (model.required || [])[0] || Object.keys(model.properties)[0];
        adders.append(el("button", {
          type: "button", class: "small",
          onclick: () => {
            items.push(Object.fromEntries((model.required || [label]).map((k) => [k, this.blank(model.properties[k], k, [])])));
            this.changed(true);
          },
        }, `＋ 添加一组（${label}）`));
      }
      box.append(adders);
      return box;
    }

    // Move item i under the item before it (as the last of its 条目).
    indent(items, i) {
      let prev = items[i - 1];
      if (typeof prev !== "object" || prev === null) prev = items[i - 1] = { 内容: prev };
      if (!Array.isArray(prev["条目"])) prev["条目"] = [];
      prev["条目"].push(items[i]);
      items.splice(i, 1);
    }

    // Move item i of a node's 条目 out, to just after that node.
    outdent(node, items, i) {
      const where = node.__parentList;
      const [item] = items.splice(i, 1);
      where.list.splice(where.index + 1, 0, item);
      if (!items.length) delete node["条目"];
    }

    // --------------------------------------------------------------- messages

    showProblems(problems) {
      for (const old of this.container.querySelectorAll(".field-msg")) old.remove();
      for (const old of this.container.querySelectorAll(".has-error, .has-warning")) {
        old.classList.remove("has-error", "has-warning");
      }
      const unplaced = [];
      for (const problem of problems) {
        if (problem.cell && SpecGrid.mark(this.container, problem)) continue;
        const target = this.fieldFor(problem.path);
        if (!target) { unplaced.push(problem); continue; }
        if (target.tagName === "TR" && SpecGrid.markRow(target, problem)) continue;
        target.classList.add(problem.severity === "warning" ? "has-warning" : "has-error");
        const msg = el("div", { class: `field-msg ${problem.severity}` },
          problem.severity === "warning" ? "提醒：" : "错误：", problem.message);
        const after = target.querySelector(":scope > .field-head") || null;
        if (after) after.after(msg); else target.prepend(msg);
      }
      return unplaced;
    }

    fieldFor(path) {
      for (let n = path.length; n > 0; n--) {
        const found = this.container.querySelector(`[data-path="${CSS.escape(pathText(path.slice(0, n)))}"]`);
        if (found) return found;
      }
      return null;
    }

    // Bring the field at `path` (as the server writes it) into view.
    reveal(pathString) {
      const target = this.fieldFor(parsePath(pathString));
      if (!target) return;
      target.scrollIntoView({ block: "center", behavior: "smooth" });
      target.classList.add("flash");
      setTimeout(() => target.classList.remove("flash"), 1500);
    }

    // Insert corpus text (or a reference) where the user last clicked.
    insert(section, asRef) {
      const target = this.focused && document.body.contains(this.focused) ? this.focused : null;
      if (!target || !target.wenshuInsert) return "先在左边点一下要插入的位置（一个文字框）。";
      if (asRef) {
        if (!target.wenshuInsert.ref) return "这里只能填文字，不能引用语料库片段。";
        target.wenshuInsert.ref(section.id);
      } else {
        target.wenshuInsert.text([section.text, ...(section.items || [])].filter(Boolean).join("\n"));
      }
      return null;
    }
  }

  function button(label, enabled, onclick, extra) {
    return el("button", { type: "button", class: `small plain ${extra || ""}`, disabled: !enabled, onclick }, label);
  }

  function move(items, from, to) {
    const [item] = items.splice(from, 1);
    items.splice(to, 0, item);
  }

  function grow(area) {
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight + 2}px`;
  }

  function insertAtCursor(input, text) {
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? input.value.length;
    input.value = input.value.slice(0, start) + text + input.value.slice(end);
    input.selectionStart = input.selectionEnd = start + text.length;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.focus();
  }

  // The page's data as sent to the server: empty text, lists and mappings dropped,
  // except the cells of a table's row (a list in a list), where a blank keeps its place.
  function pruned(value) {
    if (Array.isArray(value)) {
      return value
        .map((v) => (Array.isArray(v) ? v.map((cell) => (typeof cell === "string" ? cell : pruned(cell) ?? "")) : pruned(v)))
        .filter((v) => v !== undefined);
    }
    if (value && typeof value === "object") {
      const out = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === "_src") { out[k] = v; continue; }
        const p = pruned(v);
        if (p !== undefined) out[k] = p;
      }
      return Object.keys(out).filter((k) => k !== "_src").length ? out : undefined;
    }
    if (typeof value === "string" && !value.trim()) return undefined;
    return value === null ? undefined : value;
  }

  return { Form, pathText, parsePath, pruned, grow };
})();
