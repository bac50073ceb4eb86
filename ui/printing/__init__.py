"""Printing and saving PDFs from the program: the page preview and print/save dialog any
document can use (preview, files, render), the leaflet dialog, and the consultation lines a
supervisor keeps for the leaflets (contacts_dialog, contact_form)."""
