/* Fuzz target: the optional sections of a dataset file (grants, collaboration). The first
 * byte picks the section (even: "grants", odd: "collaboration"), the rest is spliced in as
 * its value into a small dataset (bases.h) and the whole is loaded.
 * Invariants: no crash, leak or UB; a failure leaves *out untouched and names the file; a
 * success serialises canonically (to_string -> load -> to_string gives the same bytes), so
 * nothing read is dropped or changed on save. */
#include <stdlib.h>
#include <string.h>

#include "regint/dataset.h"
#include "bases.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *key = (data[0] & 1) ? "\"collaboration\": " : "\"grants\": ";
    size_t hl = strlen(fuzz_sections_head), kl = strlen(key), len = hl + kl + (size - 1) + 2;
    char *text = malloc(len + 1);
    if (!text)
        return 0;
    memcpy(text, fuzz_sections_head, hl);
    memcpy(text + hl, key, kl);
    memcpy(text + hl + kl, data + 1, size - 1);
    memcpy(text + hl + kl + size - 1, "\n}", 3);
    regint_dataset *sentinel = (regint_dataset *)&sentinel;
    regint_dataset *ds = sentinel;
    regint_status st = regint_dataset_load_string(text, len, "fuzz.json", &ds);
    free(text);
    if (st != REGINT_OK) {
        FUZZ_CHECK(ds == sentinel, "failed load changed *out");
        FUZZ_CHECK(strstr(regint_last_error(), "fuzz.json") != NULL, "message does not name the file: %s",
                   regint_last_error());
        return 0;
    }
    char *a = NULL, *b = NULL;
    FUZZ_CHECK(regint_dataset_to_string(ds, &a) == REGINT_OK, "to_string: %s", regint_last_error());
    regint_dataset *ds2 = NULL;
    FUZZ_CHECK(regint_dataset_load_string(a, strlen(a), "saved.json", &ds2) == REGINT_OK,
               "saved text does not load: %s\n%s", regint_last_error(), a);
    FUZZ_CHECK(regint_dataset_to_string(ds2, &b) == REGINT_OK, "second to_string: %s", regint_last_error());
    FUZZ_CHECK(strcmp(a, b) == 0, "not canonical:\n%s\n---\n%s", a, b);
    regint_free(a);
    regint_free(b);
    regint_dataset_free(ds2);
    regint_dataset_free(ds);
    return 0;
}
