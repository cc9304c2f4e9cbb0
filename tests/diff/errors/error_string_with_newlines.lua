error("line one\nline two\n\tindented")
