// The rich-text editor's own words in Dutch. django-prose-editor writes its dialogs in English through
// window.gettext, read once when its module loads; this classic script runs before that module (core/prose.py's
// media) and answers in Dutch on a Dutch page. The English page keeps the package's English.
;(() => {
  if (window.gettext || document.documentElement.lang !== "nl") return
  const dutch = {
    Cancel: "Annuleren",
    Update: "Bijwerken",
    Insert: "Invoegen",
    URL: "Adres (URL)",
    Title: "Titel",
    "Edit Link": "Link bewerken",
    "Open in new window": "In een nieuw venster openen",
    Rows: "Rijen",
    Columns: "Kolommen",
    "Include header row": "Met kopregel",
    "Table Properties": "Tabel",
    "Insert Table": "Tabel invoegen",
    "List properties": "Eigenschappen van de lijst",
    "List type": "Soort lijst",
    "Start at": "Beginnen bij",
    Bullets: "Opsommingstekens",
    "Decimal numbers": "Cijfers",
    "Lowercase letters": "Kleine letters",
    "Uppercase letters": "Hoofdletters",
    "Lowercase Roman numerals": "Kleine Romeinse cijfers",
    "Uppercase Roman numerals": "Grote Romeinse cijfers",
    "Toggle fullscreen": "Volledig scherm aan of uit",
  }
  window.gettext = (text) => dutch[text] || text
})()
