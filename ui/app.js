// Citation numbers are links to "#src-<turn>-<n>". Chat links may open in a new tab after
// sanitising, so clicks are caught first: unfold the answer's sources, scroll the card into view
// and flash it.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest('a[href^="#src-"]');
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  const card = document.getElementById(link.getAttribute("href").slice(1));
  if (!card) return;
  const folded = card.closest("details");
  if (folded) folded.open = true;
  card.scrollIntoView({ behavior: "smooth", block: "nearest" });
  card.classList.remove("nq-flash");
  void card.offsetWidth; // restart the animation when the same number is clicked twice
  card.classList.add("nq-flash");
  setTimeout(() => card.classList.remove("nq-flash"), 1600);
}, true);
