/* Fuzz target: regint_settlement_profile_load_string on arbitrary bytes.
 * Invariants: no crash, leak or UB; a failure leaves *out untouched and names the file. */
#include <string.h>

#include "regint/settlement.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    regint_settlement_profile *sentinel = (regint_settlement_profile *)&sentinel;
    regint_settlement_profile *p = sentinel;
    regint_status st = regint_settlement_profile_load_string((const char *)data, size, "fuzz.json", &p);
    if (st != REGINT_OK) {
        FUZZ_CHECK(p == sentinel, "failed load changed *out");
        FUZZ_CHECK(strstr(regint_last_error(), "fuzz.json") != NULL, "message does not name the file: %s",
                   regint_last_error());
        return 0;
    }
    regint_settlement_profile_free(p);
    return 0;
}
