// Clicks inside answers are caught before Gradio's (which would open links in a new tab):
// - a citation number ("#src-<turn>-<n>") unfolds that answer's sources, scrolls the card into
//   view and flashes it;
// - "Copy" puts the answer and its sources on the clipboard as plain text.
(() => {
  function showSource(link) {
    const card = document.getElementById(link.getAttribute("href").slice(1));
    if (!card) return;
    const folded = card.closest("details");
    if (folded) folded.open = true;
    card.scrollIntoView({ behavior: "smooth", block: "nearest" });
    // Focus follows, so that a keyboard or screen reader user lands on the source shown.
    card.setAttribute("tabindex", "-1");
    card.focus({ preventScroll: true });
    card.classList.remove("nq-flash");
    void card.offsetWidth; // restart the animation when the same number is clicked twice
    card.classList.add("nq-flash");
    setTimeout(() => card.classList.remove("nq-flash"), 1600);
  }

  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http on another host is not a secure context: fall back to a hidden textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copyAnswer(link) {
    const done = (label) => {
      link.textContent = label;
      setTimeout(() => { link.textContent = "Copy"; }, 1500);
    };
    const plain = link.parentElement && link.parentElement.querySelector(".nq-plain");
    writeClipboard(plain ? plain.textContent : "").then(() => done("Copied"), () => done("Copy failed"));
  }

  // A citation pill is named by its title ("Show source 1") rather than read as "[ 1 ]". The
  // chat's sanitiser drops aria attributes from answers, so they are set here, as pills come.
  // Gradio labels each chat message with its raw HTML ("bot's message: <div class=…"), which a
  // screen reader would read out tag by tag: the label becomes the message's plain text
  // (parsed by DOMParser, which runs nothing and loads nothing).
  // Set only where it changes: setting a label queues a mutation even when the value is the
  // same, and a plain text with a "<" of its own ("Is CPI < 3%?") would be set for ever.
  function plainLabels() {
    for (const el of document.querySelectorAll('#nq-chat [aria-label*="<"]')) {
      const label = el.getAttribute("aria-label");
      if (label === el.dataset.nqPlain) continue;
      const parsed = new DOMParser().parseFromString(label, "text/html");
      const plain = parsed.body.textContent.replace(/\s+/g, " ").trim();
      el.dataset.nqPlain = plain;
      if (plain !== label) el.setAttribute("aria-label", plain);
    }
  }

  // The chat scrolls to its end as an answer comes; on a phone a whole answer is taller than
  // the chat, and its first line (the short answer) went out of sight above. Once an answer
  // is final, its start is brought back into view if it is above the chat's visible part.
  function showAnswerStart() {
    const answers = document.querySelectorAll("#nq-chat .nq-answer:not(.nq-pending)");
    const answer = answers[answers.length - 1];
    if (!answer || answer.dataset.nqShown) return;
    answer.dataset.nqShown = "1";
    const lift = () => {
      let box = answer.parentElement;
      while (box && box.scrollHeight <= box.clientHeight + 1) box = box.parentElement;
      if (box && answer.getBoundingClientRect().top < box.getBoundingClientRect().top) {
        box.scrollTop -= box.getBoundingClientRect().top - answer.getBoundingClientRect().top + 8;
      }
    };
    // Gradio scrolls to the end again as the message settles: lifted after each of its moves.
    for (const ms of [150, 500, 1000]) setTimeout(lift, ms);
  }

  new MutationObserver((records) => {
    if (!records.some((r) => r.target instanceof Element && r.target.closest("#nq-chat"))) return;
    for (const pill of document.querySelectorAll("#nq-chat a.nq-cite:not([aria-label])")) {
      pill.setAttribute("aria-label", pill.getAttribute("title") || pill.textContent);
    }
    plainLabels();
    showAnswerStart();
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true,
                                         attributeFilter: ["aria-label"] });

  // "Copy" is a link acting as a button: Space presses it, as it would a button.
  document.addEventListener("keydown", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (event.key === " " && target && target.matches("a.nq-copy")) {
      event.preventDefault();
      copyAnswer(target);
    }
  }, true);

  // Escape stops an answer being written, as the Stop button does; not while a dropdown's
  // list is open, whose own Escape closes it (closed lists stay in the page, unseen).
  const listOpen = () => [...document.querySelectorAll('[role="listbox"]')]
    .some((list) => list.getClientRects().length > 0);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.isComposing || event.defaultPrevented || listOpen()) return;
    if (!document.querySelector("#nq-chat .nq-pending")) return;
    const stop = document.querySelector("#nq-stop");
    if (stop) stop.click();
  });

  // A file over the per-file limit (`newsqaMaxUploadBytes`, set in the page's head) is kept
  // back before it is uploaded: a file up to 8 times the limit travelled in full before the
  // server skipped it, and Gradio's own limit, beyond that, refused the whole choice. The
  // upload box's file input and drop zone are Gradio's; their files are filtered on the way
  // down (capture), before Gradio's listeners read them. The page then presses the unseen
  // "nq-left-out" button, for the server to name them under the box (`newsqaUploads.peek`), and
  // sends them with "Add to index" (`take`), whose report names them again; the box's clear
  // button forgets them. The server still checks each file that arrives.
  const leftOut = new Map(); // name -> size in bytes
  window.newsqaUploads = {
    peek: () => JSON.stringify([...leftOut]),
    take() { const sent = this.peek(); leftOut.clear(); return sent; },
    forget: () => leftOut.clear(),
  };
  // The files within the limit (a DataTransfer holding them), or null if all of them are.
  function keepBack(files) {
    const limit = window.newsqaMaxUploadBytes;
    const all = Array.from(files || []);
    if (!limit || all.every((file) => file.size <= limit)) return null;
    const kept = new DataTransfer();
    for (const file of all) {
      if (file.size > limit) leftOut.set(file.name, file.size);
      else kept.items.add(file);
    }
    setTimeout(() => document.getElementById("nq-left-out")?.click());
    return kept;
  }
  const inUploadBox = (node) => node instanceof Element && node.closest("#nq-upload");
  document.addEventListener("change", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file" || !inUploadBox(input)) return;
    const kept = keepBack(input.files);
    if (kept) input.files = kept.files;
  }, true);
  document.addEventListener("drop", (event) => {
    if (!inUploadBox(event.target) || !event.dataTransfer) return;
    const kept = keepBack(event.dataTransfer.files);
    // A drop's own files cannot be changed: Gradio's listener is given these in their place.
    if (kept) Object.defineProperty(event, "dataTransfer", { value: kept });
  }, true);

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target && target.closest('a[href^="#src-"], a.nq-copy');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    if (link.classList.contains("nq-copy")) copyAnswer(link);
    else showSource(link);
  }, true);
})();
