"""The library's search core: text analysis for Hebrew, English, Arabic and Russian, the
query language, snippets, text extraction and the search backends. No Django import here,
so it can be tested and benchmarked alone."""
