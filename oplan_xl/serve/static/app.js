// The page's two scripts: dropping workbooks on a form, and following long work.
// Without scripts the forms still post and the page refreshes itself.
"use strict";

function token() { return document.body.dataset.token; }

// The printed address carries the token; once the cookie holds it, the address bar
// (and the history) need not.
if (new URLSearchParams(location.search).has("token")) {
  const address = new URL(location.href);
  address.searchParams.delete("token");
  history.replaceState(null, "", address.pathname + address.search + address.hash);
}

function show(box, lines) {
  box.replaceChildren(...lines.map(([text, kind]) => {
    const p = document.createElement("p");
    p.className = "flash " + kind;
    p.textContent = text;
    return p;
  }));
}

async function send(form, files, replace) {
  const data = new FormData();
  data.append("token", token());
  data.append("target", form.elements.target.value);
  if (replace) data.append("replace", "1");
  for (const file of files) data.append("files", file, file.name);
  const box = form.querySelector(".drop-result");
  show(box, [["กำลังส่ง " + files.length + " ไฟล์…", "ok"]]);
  let answer;
  try {
    const response = await fetch("/upload", {method: "POST", body: data,
      headers: {"X-Oplan-Token": token(), "Accept": "application/json"}});
    answer = await response.json();
  } catch (error) {
    show(box, [["ส่งไฟล์ไม่สำเร็จ: ปิดโปรแกรมแผนไปแล้วหรือไม่ (" + error + ")", "error"]]);
    return;
  }
  if (answer.error) { show(box, [[answer.error, "error"]]); return; }
  const lines = answer.saved.map(name => ["รับไฟล์ " + name + " แล้ว", "ok"]);
  for (const item of answer.refused) lines.push(["ไม่รับไฟล์ " + item.name + ": " + item.reason, "error"]);
  for (const name of answer.exists) lines.push(["มีไฟล์ชื่อ " + name + " อยู่แล้ว", "warning"]);
  show(box, lines);
  if (answer.exists.length) {
    const again = files.filter(file => answer.exists.includes(file.name.normalize("NFC")));
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "เขียนทับ " + answer.exists.length + " ไฟล์นี้ด้วยไฟล์ใหม่";
    button.addEventListener("click", () => send(form, again, true));
    box.append(button);
  } else if (answer.saved.length) {
    setTimeout(() => location.reload(), 600);
  }
}

function showPicked(input, label) {
  const names = [...input.files].map(file => file.name);
  label.textContent = names.length ? names.join(", ") : "ยังไม่ได้เลือกไฟล์";
}

for (const form of document.querySelectorAll("form[data-drop]")) {
  const input = form.querySelector("input[type=file]");
  const picked = form.querySelector(".picked");
  if (picked) {
    showPicked(input, picked);
    input.addEventListener("change", () => showPicked(input, picked));
  }
  form.addEventListener("dragover", event => { event.preventDefault(); form.classList.add("over"); });
  form.addEventListener("dragleave", () => form.classList.remove("over"));
  form.addEventListener("drop", event => {
    event.preventDefault();
    form.classList.remove("over");
    send(form, [...event.dataTransfer.files], form.elements.replace.checked);
  });
  form.addEventListener("submit", event => {
    event.preventDefault();
    if (input.files.length) send(form, [...input.files], form.elements.replace.checked);
  });
}

const job = document.getElementById("job");
if (job && job.dataset.running === "yes") {
  const poll = async () => {
    try {
      const state = await (await fetch("/job", {headers: {"Accept": "application/json"}})).json();
      if (!state.running) { location.reload(); return; }
      if (state.total) {
        document.getElementById("job-bar").max = state.total;
        document.getElementById("job-bar").value = state.done;
        document.getElementById("job-count").textContent = state.done + " จาก " + state.total + " ไฟล์";
      }
    } catch (error) { /* the server is busy writing; ask again */ }
    setTimeout(poll, 700);
  };
  setTimeout(poll, 400);
}
