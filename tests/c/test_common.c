/* Tests of the error model, version and identifier validators. */
#include <math.h>
#include <stdlib.h>

#include <regint/regint.h>

#include "test_util.h"

static void test_version(void)
{
    CU_ASSERT_STRING_EQUAL(regint_version(), REGINT_VERSION_STRING);
    CU_ASSERT_EQUAL(regint_version_number(), REGINT_VERSION_NUMBER);
    char buf[32];
    snprintf(buf, sizeof buf, "%d.%d.%d", REGINT_VERSION_MAJOR, REGINT_VERSION_MINOR, REGINT_VERSION_PATCH);
    CU_ASSERT_STRING_EQUAL(buf, regint_version());
}

static void test_strerror(void)
{
    for (int s = REGINT_OK; s < REGINT_STATUS_COUNT; s++)
        CU_ASSERT(strncmp(regint_strerror((regint_status)s), "REGINT_", 7) == 0);
    CU_ASSERT_STRING_EQUAL(regint_strerror((regint_status)999), "unknown status");
}

static void test_kommunenr_format(void)
{
    CU_ASSERT(regint_validate_kommunenr_format("0301"));
    CU_ASSERT(!regint_validate_kommunenr_format("301"));
    CU_ASSERT(!regint_validate_kommunenr_format("03011"));
    CU_ASSERT(!regint_validate_kommunenr_format("03a1"));
    CU_ASSERT(!regint_validate_kommunenr_format(NULL));
    CU_ASSERT(regint_validate_fylkesnr_format("03"));
    CU_ASSERT(!regint_validate_fylkesnr_format("3"));
}

static void test_orgnr(void)
{
    /* Oslo kommune's organisation number 974760673 (Brønnøysundregistrene), and numbers
     * worked by hand: 8*3+2*2+1*7+2*6+2*5+7*4+0*3+6*2 = 97, 97 mod 11 = 9, check 2. */
    CU_ASSERT(regint_validate_orgnr("974760673"));
    CU_ASSERT(regint_validate_orgnr("821227062"));
    /* Hand-worked: 12345678 -> 3*1+2*2+7*3+6*4+5*5+4*6+3*7+2*8 = 138; 138 mod 11 = 6; k = 5. */
    CU_ASSERT(regint_validate_orgnr("123456785"));
    CU_ASSERT(!regint_validate_orgnr("123456784"));
    CU_ASSERT(!regint_validate_orgnr("12345678"));
    CU_ASSERT(!regint_validate_orgnr("12345678a"));
    CU_ASSERT(!regint_validate_orgnr(NULL));
}

static void test_fodselsnummer(void)
{
    /* Synthetic numbers worked by hand: date 010190, individual 123 ->
     * k1: 0*3+1*7+0*6+1*1+9*8+0*9+1*4+2*5+3*2 = 100; 100 mod 11 = 1; k1 = 10 -> invalid.
     * Individual 124: sum = 102, 102 mod 11 = 3, k1 = 8.
     * k2 over 010190124 8: 0*5+1*4+0*3+1*2+9*7+0*6+1*5+2*4+4*3+8*2 = 110; 110 mod 11 = 0; k2 = 0. */
    CU_ASSERT(regint_validate_looks_like_fodselsnummer("01019012480"));
    CU_ASSERT(regint_validate_looks_like_fodselsnummer("010190 12480"));
    CU_ASSERT(regint_validate_looks_like_fodselsnummer("010190-12480"));
    CU_ASSERT(!regint_validate_looks_like_fodselsnummer("01019012481"));
    CU_ASSERT(!regint_validate_looks_like_fodselsnummer("0101901248"));
    CU_ASSERT(!regint_validate_looks_like_fodselsnummer("case-0001"));
    CU_ASSERT(!regint_validate_looks_like_fodselsnummer(NULL));
}

static void test_check_identifier(void)
{
    CU_ASSERT_EQUAL(regint_validate_identifier("case-0001", "cases[0].id"), REGINT_OK);
    CU_ASSERT_EQUAL(regint_validate_identifier("01019012480", "cases[3].id"), REGINT_EPERSONAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "cases[3].id");
    TEST_ASSERT_CONTAINS(regint_last_error(), "fødselsnummer");
    CU_ASSERT(strstr(regint_last_error(), "01019012480") == NULL); /* never echoed */
    CU_ASSERT_EQUAL(regint_last_status(), REGINT_EPERSONAL);
    CU_ASSERT_EQUAL(regint_validate_identifier("", "x"), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_validate_identifier("a\tb", "x"), REGINT_EINVAL);
    regint_clear_error();
    CU_ASSERT_STRING_EQUAL(regint_last_error(), "");
}

int main(void)
{
    static const test_case tests[] = {
        {"version", test_version},
        {"strerror", test_strerror},
        {"kommunenr format", test_kommunenr_format},
        {"organisation number", test_orgnr},
        {"fødselsnummer", test_fodselsnummer},
        {"check identifier", test_check_identifier},
        {NULL, NULL},
    };
    if (CU_initialize_registry() != CUE_SUCCESS || test_add_suite("common", tests))
        return 2;
    return test_run_all();
}
