/* Private: optional top-level sections of a dataset document, owned by other modules.
 *
 * The dataset core (lib/dataset/) handles counties, municipalities, code changes,
 * population, settlement history, indicators, observations and cases. Modules of upper
 * layers keep their own typed data in a section of the same document: each defines one
 * regint__section, and the registry lib/sections.c — the one file at the top, which may
 * name every layer — lists them. The core never names a section: it stores an opaque
 * pointer per registry entry (section.c), parses each section after the core records (so a
 * section can check kommunenr against the dataset), emits it on save, and frees it.
 *
 * Rules for a section module:
 *  - parse is all-or-nothing: on failure it frees what it built and sets the error
 *    ("<file>: <key>[i].field: rule") — regint__json_* helpers do that;
 *  - emit returns a new cJSON value (NULL + ENOMEM on failure) that parse reads back to
 *    an equal section (canonical order, so save → load → save is byte-identical);
 *  - an absent section is NULL data; emit is not called for NULL. */
#ifndef REGINT_SECTION_H
#define REGINT_SECTION_H

#include <cjson/cJSON.h>

#include "regint/dataset.h"

typedef struct regint__section {
    const char *key; /* top-level JSON key */
    regint_status (*parse)(const cJSON *node, const char *file, int schema_version,
                           const regint_dataset *ds, void **out);
    cJSON *(*emit)(const void *data);
    void (*free)(void *data);
} regint__section;

/* The registry, in emit order (sections.c). */
/* The end of a section's parse: on success *out = data, otherwise data is released with
 * sec->free (sections parse all-or-nothing). Returns st. */
regint_status regint__section_parsed(const regint__section *sec, regint_status st, void *data, void **out);

extern const regint__section *const regint__sections[];
extern const size_t regint__section_count;

/* Index of a section in the registry, or (size_t)-1. */
size_t regint__section_index(const regint__section *sec);

/* Implemented by the dataset core: the data stored for a section (NULL if absent), and
 * replacing it (the old data is freed with the section's free). */
void *regint__dataset_section(const regint_dataset *ds, const regint__section *sec);
void regint__dataset_set_section(regint_dataset *ds, const regint__section *sec, void *data);

/* The dataset schema version this build writes; readers accept 1..this. */
#define REGINT__SCHEMA_VERSION 2

#endif
