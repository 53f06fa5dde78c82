"""People, organizations, titles and prizes recognised and resolved across an article."""
