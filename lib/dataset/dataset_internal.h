/* Private: the dataset core shared by dataset.c, dataset_json.c and dataset_csv.c.
 *
 * Strings are interned (one copy per distinct string), so records compare codes by
 * pointer and the indexes hash pointers. Indexes are open-addressing hash tables of record
 * positions. Bulk operations (JSON load, CSV import) run inside a transaction: on failure
 * every array is truncated back and replaced values are restored, so the dataset is left
 * exactly as it was. */
#ifndef REGINT_DATASET_INTERNAL_H
#define REGINT_DATASET_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "regint/dataset.h"

/* Where a record comes from, for messages:
 *   JSON: "<file>: <path>.<field>: rule"      (path e.g. "municipalities[12]")
 *   CSV:  "<file>: line <N>: <field>: rule"
 *   API:  "<path>.<field>: rule"              (path e.g. "municipality") */
typedef struct regint__place {
    const char *file; /* NULL for API calls */
    const char *path; /* JSON path or record kind */
    size_t line;      /* > 0: a CSV line (path ignored) */
} regint__place;

/* Set an error for a field of a record at a place; returns st. */
regint_status regint__place_error(const regint__place *pl, const char *field, regint_status st,
                                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Intern a string (copied once per dataset); NULL (ENOMEM set) on failure. */
const char *regint__ds_intern(regint_dataset *ds, const char *s);
/* The interned copy of s, or NULL if the dataset has never seen it. */
const char *regint__ds_find_string(const regint_dataset *ds, const char *s);

/* Validating adders with a place for messages. `replace` (settlement, observation,
 * population): 0 refuses an existing key (EDUPLICATE), 1 replaces it, 2 replaces only a
 * record that existed before the current transaction (a key twice in one file is refused). */
regint_status regint__ds_add_county(regint_dataset *ds, const regint_county_t *c, const regint__place *pl);
regint_status regint__ds_add_municipality(regint_dataset *ds, const regint_municipality_t *m,
                                          const regint__place *pl);
regint_status regint__ds_set_population(regint_dataset *ds, const char *kommunenr, int year,
                                        int64_t persons, int replace, const regint__place *pl);
regint_status regint__ds_add_code_change(regint_dataset *ds, const regint_code_change_t *c,
                                         const regint__place *pl);
regint_status regint__ds_set_settlement(regint_dataset *ds, const regint_settlement_t *s, int replace,
                                        const regint__place *pl);
regint_status regint__ds_add_indicator(regint_dataset *ds, const regint_indicator_t *ind,
                                       const regint__place *pl);
regint_status regint__ds_set_observation(regint_dataset *ds, const regint_observation_t *o, int replace,
                                         const regint__place *pl);
regint_status regint__ds_add_case(regint_dataset *ds, const regint_case_t *c, const regint__place *pl);

/* The state a higher layer derived from this dataset's tables when its snapshot was written
 * (the bytes regint__snapshot_write() was given), while every table is still as loaded; NULL
 * otherwise (not loaded from a snapshot, none stored, or a table changed since the load). */
const void *regint__dataset_memo(const regint_dataset *ds, size_t *len);
/* The memo's tail (regint__snapshot_write), read from the snapshot file now and checked
 * against the hash recorded in the part the load read: its bytes in huge pages (free them
 * with regint__huge_free(p, *len), util/bigalloc.h), or NULL when there is no memo, no tail,
 * or the file no longer holds it. */
unsigned char *regint__dataset_memo_tail(const regint_dataset *ds, size_t *len);
/* The dataset's identity and the state of the tables a derived state reads (counties,
 * municipalities, population, code changes, settlement figures): equal (id, gen) at two times
 * mean the same dataset with those tables unchanged in between (a rollback still counts as a
 * change). Ids are never reused within a process. */
void regint__dataset_state(const regint_dataset *ds, uint64_t *id, uint64_t *gen);

/* Transactions (not nested). begin never fails; rollback restores the state at begin. */
void regint__ds_begin(regint_dataset *ds);
void regint__ds_commit(regint_dataset *ds);
void regint__ds_rollback(regint_dataset *ds);

/* Population records. */
typedef struct regint__pop {
    const char *kommunenr;
    int year;
    int64_t persons;
} regint__pop;
const regint__pop *regint__ds_population_at(const regint_dataset *ds, size_t i);

/* Tables, for transactions. */
enum {
    REGINT__T_COUNTY, REGINT__T_MUNI, REGINT__T_POP, REGINT__T_CHANGE, REGINT__T_SETTLE,
    REGINT__T_IND, REGINT__T_OBS, REGINT__T_CASE, REGINT__T_COUNT
};

/* Case flag names, bit i -> name (NULL past the last). */
const char *regint__case_flag_name(unsigned bit);

/* Same as regint_dataset_import_csv, but rows whose code is in `skip` (NULL-terminated;
 * e.g. Svalbard, "9999 uoppgitt") are skipped and counted in *skipped. */
regint_status regint__dataset_import_csv_skip(regint_dataset *ds, regint_csv_kind kind, const char *path,
                                              const char *const *skip, size_t *skipped);
/* Same as regint_dataset_import_csv, from CSV text in memory; `name` is used in messages. */
regint_status regint__dataset_import_csv_mem(regint_dataset *ds, regint_csv_kind kind, const char *name,
                                             const char *text, size_t len);

#endif
