"""Anonymous benchmark files, the collector's set and aggregates, the published reference."""

# The choices a submission may hold, here rather than in ``format`` so that the command line can
# offer them without importing pydantic (every start of the program builds the parser).
MUNICIPALITY_TYPES = ("valstspilseta", "novads")
SIZE_CLASSES = ("lt20k", "20k-50k", "50k+")
