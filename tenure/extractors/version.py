"""The extraction engine's version, stored on every article and event it produces.

Bump it whenever a change to rules, lexicons or date handling can change what is extracted:
`tenure reextract` uses it to tell which stored articles an older engine read.
"""

EXTRACTOR_VERSION = "2026.12.06.1"
