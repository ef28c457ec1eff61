// A search box above a long list of checkboxes (core.forms.SearchableCheckboxSelectMultiple): typing filters the
// options by their label; ticked options always stay visible, and a live line says how many are shown and ticked.
// The checkboxes stay the real form field, so keyboard, screen reader and posting work as before.
;(() => {
  const dutch = document.documentElement.lang === "nl"
  const words = dutch
    ? { search: "Zoeken in de lijst", shown: (n, total, ticked) => `${n} van ${total} getoond, ${ticked} aangevinkt` }
    : { search: "Search the list", shown: (n, total, ticked) => `${n} of ${total} shown, ${ticked} ticked` }
  const normalise = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()

  function enhance(fieldset) {
    const boxes = [...fieldset.querySelectorAll('input[type="checkbox"][data-filterable]')]
    if (boxes.length < 8 || fieldset.dataset.filterReady) return
    fieldset.dataset.filterReady = "true"
    const id = `${boxes[0].name}-filter`
    const wrapper = document.createElement("div")
    wrapper.className = "checkbox-filter mb-2"
    const label = document.createElement("label")
    label.className = "form-label small mb-1"
    label.htmlFor = id
    label.textContent = words.search
    const input = document.createElement("input")
    input.type = "search"
    input.id = id
    input.className = "form-control form-control-sm"
    input.autocomplete = "off"
    const status = document.createElement("p")
    status.className = "small text-body-secondary mb-1"
    status.id = `${id}-status`
    status.setAttribute("aria-live", "polite")
    input.setAttribute("aria-describedby", status.id)
    wrapper.append(label, input, status)
    const legend = fieldset.querySelector("legend")
    ;(legend || fieldset.firstChild).after(wrapper)

    const options = boxes.map((box) => {
      const row = box.closest(".form-check") || box.parentElement
      const text = normalise((fieldset.querySelector(`label[for="${box.id}"]`) || row).textContent)
      return { box, row, text }
    })
    const update = () => {
      const terms = normalise(input.value).split(/\s+/).filter(Boolean)
      let shown = 0
      for (const { box, row, text } of options) {
        const visible = box.checked || terms.every((term) => text.includes(term))
        row.hidden = !visible
        if (visible) shown += 1
      }
      status.textContent = words.shown(shown, options.length, boxes.filter((box) => box.checked).length)
    }
    input.addEventListener("input", update)
    // Enter in the search box must not post the form.
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault()
    })
    fieldset.addEventListener("change", update)
    update()
  }

  const start = () => {
    const fieldsets = new Set()
    for (const box of document.querySelectorAll('input[type="checkbox"][data-filterable]')) {
      fieldsets.add(box.closest("fieldset") || box.parentElement)
    }
    fieldsets.forEach(enhance)
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start)
  else start()
})()
