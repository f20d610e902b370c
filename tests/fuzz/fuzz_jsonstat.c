/* Fuzz target: regint_kb_import_jsonstat_string on arbitrary bytes, into the knowledge-base
 * toy dataset (tests/data/knowledge/base.json, embedded in bases.h).
 * Invariants: no crash, leak or UB (an undefined dimension once freed an uninitialised
 * pointer: corpus/jsonstat/regress_undefined_dimension); a failed import leaves the dataset
 * byte-for-byte as it was and names the file; a successful one saves and loads again. */
#include <stdlib.h>
#include <string.h>

#include "regint/dataset.h"
#include "regint/kb.h"
#include "bases.h"
#include "fuzz_util.h"

/* The base dataset, its knowledge base and its text are built once and kept while imports
 * fail (a failed import must leave them as they were, which is what is checked); a
 * successful import changes them, so they are rebuilt for the next input. */
static regint_dataset *ds;
static regint_kb *kb;
static char *before;

static void base_free(void)
{
    regint_free(before);
    regint_kb_free(kb);
    regint_dataset_free(ds);
    before = NULL;
    kb = NULL;
    ds = NULL;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!ds) {
        FUZZ_CHECK(regint_dataset_load_string(fuzz_kb_base, strlen(fuzz_kb_base), "base.json", &ds) == REGINT_OK,
                   "base: %s", regint_last_error());
        FUZZ_CHECK(regint_kb_new(ds, &kb) == REGINT_OK, "kb_new: %s", regint_last_error());
        FUZZ_CHECK(regint_dataset_to_string(ds, &before) == REGINT_OK, "to_string");
        static int registered;
        if (!registered++)
            atexit(base_free); /* no leak reported at exit */
    }
    size_t n = 0;
    regint_status st = regint_kb_import_jsonstat_string(kb, ds, (const char *)data, size, "fuzz.json", NULL, &n);
    fuzz_check_import(ds, st, before, "fuzz.json");
    if (st == REGINT_OK)
        base_free(); /* the next input starts from the base again */
    return 0;
}
