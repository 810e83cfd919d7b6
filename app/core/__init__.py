"""The reader's core: pure Python, never imports Qt."""
