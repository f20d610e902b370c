/* Fuzz target: regint_dataset_load_string on arbitrary bytes.
 * Invariants: no crash, leak or UB; a failure leaves *out untouched and sets a message
 * that starts with the name; a success serialises canonically (to_string -> load ->
 * to_string gives the same bytes). */
#include <string.h>

#include "fuzz_util.h"
#include "regint/dataset.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    regint_dataset *sentinel = (regint_dataset *)&sentinel;
    regint_dataset *ds = sentinel;
    regint_status st = regint_dataset_load_string((const char *)data, size, "fuzz.json", &ds);
    if (st != REGINT_OK) {
        FUZZ_CHECK(ds == sentinel, "failed load changed *out");
        FUZZ_CHECK(strncmp(regint_last_error(), "fuzz.json", 9) == 0 ||
                       strstr(regint_last_error(), "fuzz.json") != NULL,
                   "message does not name the file: %s", regint_last_error());
        return 0;
    }
    char *a = NULL, *b = NULL;
    st = regint_dataset_to_string(ds, &a);
    FUZZ_CHECK(st == REGINT_OK, "to_string failed: %s", regint_last_error());
    regint_dataset *ds2 = NULL;
    st = regint_dataset_load_string(a, strlen(a), "saved.json", &ds2);
    FUZZ_CHECK(st == REGINT_OK, "saved text does not load: %s\n%s", regint_last_error(), a);
    st = regint_dataset_to_string(ds2, &b);
    FUZZ_CHECK(st == REGINT_OK, "second to_string failed: %s", regint_last_error());
    FUZZ_CHECK(strcmp(a, b) == 0, "not canonical:\n%s\n---\n%s", a, b);
    regint_free(a);
    regint_free(b);
    regint_dataset_free(ds2);
    regint_dataset_free(ds);
    return 0;
}
