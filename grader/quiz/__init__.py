"""The non-coding quiz: a question bank in `questions/`, drawn by track blueprint, scored all or nothing per item."""
