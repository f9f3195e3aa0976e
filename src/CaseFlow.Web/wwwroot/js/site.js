// Progressive enhancement only: every form works without this file.
document.documentElement.classList.add("js");

// Registration: show only the receipt-date rule of the chosen channel.
function showChannelRule() {
    const select = document.getElementById("channel");
    const rules = document.querySelectorAll(".channel-rules li[data-channel]");
    if (!select || rules.length === 0) return;
    for (const li of rules) li.hidden = select.value !== "" && li.dataset.channel !== select.value;
}
document.addEventListener("DOMContentLoaded", () => {
    const select = document.getElementById("channel");
    if (select) {
        select.addEventListener("change", showChannelRule);
        showChannelRule();
    }
});
