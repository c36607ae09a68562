"""The domain's code lists, kept as YAML data beside this file.

Every term has a code, a label in each UI language and a definition. The files are loaded
and checked once at start-up (see ``apps.VocabConfig.ready``); the rest of the code asks
``palermo.vocab.registry`` for terms instead of spelling codes out.
"""

from palermo.vocab.loader import Term, Vocabulary, VocabularyError

__all__ = ["Term", "Vocabulary", "VocabularyError"]
