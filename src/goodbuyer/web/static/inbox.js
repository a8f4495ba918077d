// The ticket page's "Copy" buttons: each copies the drafted reply named by its data-copy.
// Loaded from /static (no inline script); without JavaScript the buttons stay hidden and
// the readonly text can still be selected and copied by hand.
"use strict";

async function copyText(area) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(area.value);
    return;
  }
  area.focus();
  area.select();
  if (!document.execCommand("copy")) {
    throw new Error("copying was refused");
  }
}

document.querySelectorAll("button[data-copy]").forEach((button) => {
  const area = document.getElementById(button.dataset.copy);
  const status = document.getElementById(`${button.dataset.copy}-status`);
  if (!area || !status) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await copyText(area);
      status.textContent = "Copied";
    } catch (error) {
      area.select();
      status.textContent = "Could not copy: the text is selected, press Ctrl+C";
    }
  });
});
