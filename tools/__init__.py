"""Developer tools run from the repository (make i18n): never imported by the program."""
