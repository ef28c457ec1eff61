// Wide tables on a narrow screen: a table in the page that is wider than its place is wrapped in a
// .table-responsive, so that it scrolls on its own instead of the whole page; and every .table-responsive that
// scrolls becomes a named, focusable region, so that it can be scrolled by keyboard too (WCAG 2.1.1; axe's
// scrollable-region-focusable). The name is the table's caption, else the heading before it, else "Tabel".
;(() => {
  const dutch = document.documentElement.lang === "nl"
  const fallback = dutch ? "Tabel" : "Table"

  function nameOf(box) {
    const caption = box.querySelector("caption")
    if (caption && caption.textContent.trim()) return caption.textContent.trim()
    for (let el = box.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.trim()
    }
    return fallback
  }

  function update(root) {
    for (const table of root.querySelectorAll("main table")) {
      if (table.closest(".table-responsive")) continue
      const parent = table.parentElement
      if (table.getBoundingClientRect().width <= parent.clientWidth + 1) continue
      const box = document.createElement("div")
      box.className = "table-responsive"
      parent.insertBefore(box, table)
      box.appendChild(table)
    }
    for (const box of root.querySelectorAll("main .table-responsive")) {
      const scrolls = box.scrollWidth > box.clientWidth + 1
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0
        box.setAttribute("role", "region")
        box.setAttribute("aria-label", nameOf(box))
        box.dataset.scrollRegion = "true"
      } else if (!scrolls && box.dataset.scrollRegion) {
        box.removeAttribute("tabindex")
        box.removeAttribute("role")
        box.removeAttribute("aria-label")
        delete box.dataset.scrollRegion
      }
    }
  }

  let pending = null
  const later = () => {
    clearTimeout(pending)
    pending = setTimeout(() => update(document), 150)
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => update(document))
  else update(document)
  window.addEventListener("resize", later)
  document.addEventListener("htmx:load", later)
})()
