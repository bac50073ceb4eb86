"""PDFs in every interview language: per-script fonts, script runs, shaping, line breaking.

reportlab has no font fallback, no Thai/Khmer/Burmese word breaking, and shapes only when asked,
so this package does those itself (design notes, "Fonts" and "PDF text"). Everything is built in
memory; nothing here writes a file except ``leaflet.save_pdf``, through ``app.fileio``.
"""
