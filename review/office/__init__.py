"""The office's work: the consolidated view, the final submission, the printed reports."""
