// The calendar page: the term's weeks with holidays and make-up days (as `wenshu
// calendar` gives them) and the plan's 行事历 activities in their weeks.
"use strict";

(() => {
  const { get, el, toast } = Wenshu;
  const $ = (id) => document.getElementById(id);
  const path = document.querySelector(".calendar-page").dataset.path;

  function span(a, b) {
    const [, m1, d1] = a.split("-").map(Number);
    const [, m2, d2] = b.split("-").map(Number);
    return m1 === m2 ? `${m1}月${d1}日—${d2}日` : `${m1}月${d1}日—${m2}月${d2}日`;
  }

  async function show(params) {
    try {
      const data = await get(`/api/calendar?${new URLSearchParams(params)}`);
      if (data.need_start) {
        $("cal-title").textContent = `校历${data.title ? `：${data.title}` : ""}`;
        if (data["学年"]) $("cal-year").value = data["学年"];
        if (data["学期"]) $("cal-term").value = String(data["学期"]);
        $("cal-hint").textContent = data["年度"]
          ? `这是${data["年度"]}年度的文档，校历按学期列出：选择学年和学期，填上开学日期即可看到各周。`
          : "这份计划没有写开学日期。填上开学日期即可看到各周（也可以在编辑页添加“开学”，行事历的周次和日期就能互相推算）。";
        return;
      }
      $("cal-title").textContent = `校历：${data.title}（共${data["周数"]}周）`;
      $("cal-year").value = data["学年"];
      $("cal-term").value = String(data.term);
      $("cal-start").value = data["开学日期"];
      $("cal-hint").textContent = (data["警告"] || []).join(" ");
      const body = $("cal-table").tBodies[0];
      body.replaceChildren(...data.weeks.map((w) => el("tr", { class: w["假日"].length ? "holiday" : "" },
        el("td", { class: "center" }, `第${w["周次"]}周`),
        el("td", { class: "center" }, span(w["开始"], w["结束"])),
        el("td", {}, w["事项"]),
        el("td", {}, w["活动"].map((a) => el("div", { class: "activity" }, a["内容"], a["负责人"] ? el("span", { class: "hint" }, `（${a["负责人"]}）`) : null))))));
      $("cal-table").hidden = false;
      const loose = data["未定周次"] || [];
      $("cal-loose").replaceChildren(...(loose.length ? [el("h2", {}, "没有写周次或日期的活动"),
        el("ul", {}, loose.map((a) => el("li", {}, `${a["月份"]}月：${a["内容"]}`)))] : []));
    } catch (error) {
      toast(error.message, "error");
    }
  }

  $("cal-go").addEventListener("click", () => show({
    path, year: $("cal-year").value, term: $("cal-term").value, start: $("cal-start").value,
  }));
  if (path) show({ path });
})();
