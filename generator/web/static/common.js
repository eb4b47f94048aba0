// Shared helpers of every page: talking to the server (with the session token),
// building elements, short messages.
"use strict";

const Wenshu = (() => {
  const token = document.querySelector('meta[name="wenshu-token"]').content;

  async function answer(response) {
    const type = response.headers.get("content-type") || "";
    const data = type.includes("json") ? await response.json() : null;
    if (!response.ok) {
      const error = new Error((data && data.error) || "出现问题，请重试。");
      error.status = response.status;
      error.data = data || {};
      throw error;
    }
    return data;
  }

  // GET a JSON answer.
  async function get(url) {
    return answer(await fetch(url, { credentials: "same-origin" }));
  }

  // POST JSON, with the token every state-changing request must carry.
  async function post(url, body) {
    return answer(await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Wenshu-Token": token },
      body: JSON.stringify(body),
    }));
  }

  // POST JSON and get a file back (a workbook); returns a Blob.
  async function postForFile(url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Wenshu-Token": token },
      body: JSON.stringify(body),
    });
    if (!response.ok) await answer(response);
    return response.blob();
  }

  // Send a chosen file as the request body.
  async function upload(url, file) {
    const sep = url.includes("?") ? "&" : "?";
    return answer(await fetch(`${url}${sep}name=${encodeURIComponent(file.name)}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-Wenshu-Token": token, "Content-Type": "application/octet-stream" },
      body: file,
    }));
  }

  // el("div", {class: "x", onclick: f}, "text", child, ...)
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  let toastTimer = null;
  function toast(message, kind) {
    const box = document.getElementById("toast");
    box.textContent = message;
    box.className = `show ${kind || ""}`;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.className = ""; }, kind === "error" ? 9000 : 3500);
  }

  function download(url) {
    const link = el("a", { href: url, download: "" });
    document.body.append(link);
    link.click();
    link.remove();
  }

  function saveBlob(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // A list of problems (from the server) as readable lines.
  function problemLines(error) {
    const problems = (error.data && error.data.problems) || [];
    return problems.length ? problems.map((p) => p.text) : [error.message];
  }

  // File pickers (pages/macros.html) show the chosen file's name in our own words: the
  // browser's own button and "No file chosen" are hidden, being in the browser's language.
  function showChosenFile(input) {
    const label = document.querySelector(`.file-name[data-for="${CSS.escape(input.id)}"]`);
    if (!label) return;
    const file = input.files && input.files[0];
    label.textContent = file ? file.name : "未选择文件";
    label.title = file ? file.name : "";
    label.classList.toggle("chosen", !!file);
  }
  document.addEventListener("change", (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === "file" && input.id) showChosenFile(input);
  });

  return { get, post, postForFile, upload, el, toast, download, saveBlob, problemLines };
})();
