/* Fuzz target: regint_plan_load_string on arbitrary bytes.
 * Invariants: no crash, leak or UB; a failure leaves *out untouched and names the file; a
 * success is canonical (to_string -> load -> to_string gives the same bytes). */
#include <string.h>

#include "regint/plan.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    regint_plan *sentinel = (regint_plan *)&sentinel;
    regint_plan *plan = sentinel;
    regint_status st = regint_plan_load_string((const char *)data, size, "fuzz.json", &plan);
    if (st != REGINT_OK) {
        FUZZ_CHECK(plan == sentinel, "failed load changed *out");
        FUZZ_CHECK(strstr(regint_last_error(), "fuzz.json") != NULL, "message does not name the file: %s",
                   regint_last_error());
        return 0;
    }
    char *a = NULL, *b = NULL;
    FUZZ_CHECK(regint_plan_to_string(plan, &a) == REGINT_OK, "to_string: %s", regint_last_error());
    regint_plan *p2 = NULL;
    FUZZ_CHECK(regint_plan_load_string(a, strlen(a), "saved.json", &p2) == REGINT_OK,
               "saved plan does not load: %s\n%s", regint_last_error(), a);
    FUZZ_CHECK(regint_plan_to_string(p2, &b) == REGINT_OK, "second to_string: %s", regint_last_error());
    FUZZ_CHECK(strcmp(a, b) == 0, "not canonical:\n%s\n---\n%s", a, b);
    regint_free(a);
    regint_free(b);
    regint_plan_free(p2);
    regint_plan_free(plan);
    return 0;
}
