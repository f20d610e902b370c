/* A program outside the regint tree: it uses only the installed headers and library. */
#include <stdio.h>

#include <regint/regint.h>

int main(void)
{
    if (REGINT_VERSION_NUMBER != regint_version_number()) {
        fprintf(stderr, "header version %s, library %s\n", REGINT_VERSION_STRING, regint_version());
        return 1;
    }
    regint_dataset *ds;
    if (regint_dataset_load_default(&ds) != REGINT_OK) {
        fprintf(stderr, "load_default: %s\n", regint_last_error());
        return 1;
    }
    const regint_municipality_t **m;
    size_t n;
    int64_t total = 0, p;
    if (regint_dataset_municipalities_in(ds, 2024, NULL, &m, &n) != REGINT_OK)
        return 1;
    for (size_t i = 0; i < n; i++)
        if (regint_dataset_population(ds, m[i]->kommunenr, 2024, &p) == REGINT_OK)
            total += p;
    regint_free(m);
    printf("regint %s: %zu municipalities in 2024, population %lld (%s)\n", regint_version(), n,
           (long long)total, regint_dataset_default_path());
    regint_dataset_free(ds);
    /* SOURCES.md: 357 kommuner, 5 550 203 persons on 1 Jan 2024. */
    return n == 357 && total == 5550203 ? 0 : 1;
}
