"""Raw input to clean text: format detection, main text, mojibake repair, sentences."""
