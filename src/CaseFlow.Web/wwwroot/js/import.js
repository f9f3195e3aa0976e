// Ledger import (/reports/import): shows the upload's progress, then that the server is checking and importing.
// Progressive enhancement only: without this file the form posts normally and the page shows the result.
(function () {
    "use strict";

    function show(form, value, text) {
        const box = form.querySelector("#import-progress");
        const bar = form.querySelector("#import-progress-bar");
        const status = form.querySelector("#import-progress-text");
        if (!box || !bar || !status) return;
        box.hidden = false;
        if (value === null) bar.removeAttribute("value"); // indeterminate: the server is working
        else bar.value = value;
        status.textContent = text;
    }

    // Puts the answer's <main> in place of ours, so the result and the row errors appear as after a normal post.
    function replaceMain(html) {
        const next = new DOMParser().parseFromString(html, "text/html").querySelector("main");
        const current = document.querySelector("main");
        if (!next || !current) return false;
        current.replaceWith(next);
        const target = next.querySelector("#import-result .import-done, #import-result .error-summary, #import-result .import-errors");
        const focus = next.querySelector("#import-result");
        if (focus) focus.focus();
        if (target) target.scrollIntoView({ block: "start" });
        return true;
    }

    document.addEventListener("submit", function (event) {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-import-progress")) return;
        if (!window.FormData || !window.XMLHttpRequest || !window.DOMParser) return;
        event.preventDefault();
        const button = form.querySelector("button[type=submit]");
        if (button) button.disabled = true;

        const xhr = new XMLHttpRequest();
        xhr.open("POST", form.action || window.location.href);
        xhr.upload.addEventListener("progress", function (e) {
            if (!e.lengthComputable) return;
            const percent = Math.round((e.loaded / e.total) * 100);
            show(form, percent, "正在上传：" + percent + "%");
        });
        xhr.upload.addEventListener("load", function () {
            show(form, null, "上传完成，正在逐行校验并导入……");
        });
        xhr.addEventListener("load", function () {
            const type = xhr.getResponseHeader("Content-Type") || "";
            if (type.indexOf("text/html") === 0 && replaceMain(xhr.responseText)) return;
            if (button) button.disabled = false;
            show(form, 0, xhr.status === 413 ? "文件超过 10 MB，未导入。" : "导入未完成（" + xhr.status + "），请重试。");
        });
        xhr.addEventListener("error", function () {
            if (button) button.disabled = false;
            show(form, 0, "网络错误，文件未导入，请重试。");
        });
        show(form, 0, "正在上传……");
        xhr.send(new FormData(form));
    });
})();
