/* Shared by the fuzz targets: abort with a message when an invariant breaks, so that
 * libFuzzer (or the replay driver) reports the input. */
#ifndef REGINT_FUZZ_UTIL_H
#define REGINT_FUZZ_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond, ...)                                                                \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__, __LINE__, #cond);    \
            fprintf(stderr, __VA_ARGS__);                                                    \
            fputc('\n', stderr);                                                             \
            abort();                                                                         \
        }                                                                                    \
    } while (0)

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

#ifdef REGINT_DATASET_H
/* Run the lookups over every record of a loaded dataset: each record is found again under
 * its own key, code mapping and per-county listings do not crash or leak. */
static inline void fuzz_exercise(const regint_dataset *ds)
{
    for (size_t i = 0; i < regint_dataset_municipality_count(ds); i++) {
        const regint_municipality_t *m = regint_dataset_municipality_at(ds, i), *f = NULL;
        FUZZ_CHECK(regint_dataset_municipality(ds, m->kommunenr, m->valid_from, &f) == REGINT_OK && f == m,
                   "municipality %s not found in %d", m->kommunenr, m->valid_from);
        int64_t persons;
        (void)regint_dataset_population(ds, m->kommunenr, m->valid_from, &persons);
        const regint_municipality_t **list = NULL;
        size_t n = 0;
        FUZZ_CHECK(regint_dataset_municipalities_in(ds, m->valid_from, m->fylkesnr, &list, &n) == REGINT_OK && n >= 1,
                   "municipalities_in(%d, %s)", m->valid_from, m->fylkesnr);
        regint_free((void *)list);
        static const int years[] = {2019, 2020, 2023, 2024, 2025};
        for (size_t y = 0; y < sizeof years / sizeof years[0]; y++) {
            const char **codes = NULL;
            if (regint_dataset_map_code(ds, m->kommunenr, m->valid_from, years[y], &codes, &n) == REGINT_OK)
                FUZZ_CHECK(n >= 1, "map_code gave no code");
            regint_free((void *)codes);
        }
    }
    for (size_t i = 0; i < regint_dataset_settlement_count(ds); i++) {
        const regint_settlement_t *s = regint_dataset_settlement_at(ds, i);
        regint_value_t v;
        FUZZ_CHECK(regint_dataset_settlement(ds, s->kommunenr, s->year, s->measure, s->category, &v) == REGINT_OK &&
                       v.missing == s->value.missing,
                   "settlement %s %d not found", s->kommunenr, s->year);
    }
    for (size_t i = 0; i < regint_dataset_observation_count(ds); i++) {
        const regint_observation_t *o = regint_dataset_observation_at(ds, i);
        regint_value_t v;
        FUZZ_CHECK(regint_dataset_observation(ds, o->indicator, o->area, o->year, o->category, &v) == REGINT_OK,
                   "observation %s %s %d not found", o->indicator, o->area, o->year);
    }
}

/* After an import into ds with status st (before: ds as text before it): a failure names
 * `file` and leaves ds byte for byte unchanged; a success passes fuzz_exercise() and saves
 * text that loads again. The invariants of every importing target. */
static inline void fuzz_check_import(regint_dataset *ds, regint_status st, const char *before, const char *file)
{
    char *after = NULL;
    FUZZ_CHECK(regint_dataset_to_string(ds, &after) == REGINT_OK, "to_string: %s", regint_last_error());
    if (st != REGINT_OK) {
        FUZZ_CHECK(strstr(regint_last_error(), file) != NULL, "message does not name the file: %s",
                   regint_last_error());
        FUZZ_CHECK(strcmp(before, after) == 0, "failed import (%s) changed the dataset", regint_last_error());
    } else {
        fuzz_exercise(ds);
        regint_dataset *ds2 = NULL;
        st = regint_dataset_load_string(after, strlen(after), "saved.json", &ds2);
        FUZZ_CHECK(st == REGINT_OK, "imported dataset does not load again: %s", regint_last_error());
        regint_dataset_free(ds2);
    }
    regint_free(after);
}
#endif

#endif
