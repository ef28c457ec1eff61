// The rich-text editor of every prose field (core/prose.py): django-prose-editor's Tiptap build, imported by a
// relative path (the package's import map is an inline script, which the Content Security Policy refuses).
// Each textarea with data-prose-editor names its extensions; the editor keeps the textarea's value up to date,
// so the form posts HTML as before and the server sanitises it as before.
import * as editor from "../django_prose_editor/editor.js"

const ATTRIBUTE = "data-prose-editor"

// The menu's buttons in the page's language: the package names them in English, by title and without gettext.
const LABELS = {
  nl: {
    paragraph: "Alinea",
    Paragraph: "Alinea",
    "heading 3": "Kop 3",
    "Heading 3": "Kop 3",
    "heading 4": "Kop 4",
    "Heading 4": "Kop 4",
    bold: "Vet",
    italic: "Cursief",
    "insert link": "Link invoegen",
    "remove link": "Link verwijderen",
    "unordered list": "Opsomming",
    "ordered list": "Genummerde lijst",
    "List properties": "Eigenschappen van de lijst",
    "Insert table": "Tabel invoegen",
    "Add column": "Kolom toevoegen",
    "Delete column": "Kolom verwijderen",
    "Add row": "Rij toevoegen",
    "Delete row": "Rij verwijderen",
    "Merge cells": "Cellen samenvoegen",
    "Split cell": "Cel splitsen",
    "Toggle header cell": "Kopcel aan of uit",
    "Delete table": "Tabel verwijderen",
    undo: "Ongedaan maken",
    redo: "Opnieuw",
  },
}

function labelMenu(menubar, labels) {
  for (const button of menubar.querySelectorAll("button")) {
    const label = labels[button.title]
    if (label) {
      button.title = label
      button.setAttribute("aria-label", label)
    }
    // The block types' dropdown shows its options as text ("Heading 3").
    const option = button.classList.contains("prose-menubar__option") && button.firstElementChild
    if (option && labels[option.textContent]) option.textContent = labels[option.textContent]
  }
}

function create(textarea) {
  if (textarea.closest(".prose-editor")) return null
  const config = JSON.parse(textarea.getAttribute(ATTRIBUTE) || "{}")
  const extensions = []
  for (const [name, options] of Object.entries(config.extensions || {})) {
    const extension = editor[name]
    if (!extension) continue
    extensions.push(typeof options === "object" ? extension.configure(options) : extension)
  }
  const instance = editor.createTextareaEditor(textarea, extensions)
  const container = textarea.closest(".prose-editor")
  const label = document.querySelector(`label[for="${textarea.id}"]`)
  const help = textarea.getAttribute("aria-describedby")
  // The editable area is the field now: it carries the label and the help text, and the label focuses it.
  instance.setOptions({
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label ? label.textContent.trim() : textarea.name,
        ...(help ? { "aria-describedby": help } : {}),
        ...(textarea.getAttribute("aria-invalid") ? { "aria-invalid": "true" } : {}),
      },
    },
  })
  if (label) {
    label.addEventListener("click", (event) => {
      event.preventDefault()
      instance.commands.focus()
    })
  }
  // The menu bar is built once the editor is created, and the dropdown swaps its button as the cursor moves.
  const labels = LABELS[document.documentElement.lang]
  const dress = () => {
    const menubar = container.querySelector(".prose-menubar")
    if (!menubar) return
    menubar.setAttribute("role", "toolbar")
    menubar.setAttribute("aria-label", label ? label.textContent.trim() : textarea.name)
    if (labels) labelMenu(menubar, labels)
  }
  instance.on("create", dress)
  instance.on("transaction", dress)
  return instance
}

editor.initializeEditors(create, `[${ATTRIBUTE}]`)
