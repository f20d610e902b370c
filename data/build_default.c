/* Build the bundled default dataset regint-default.json from the public CSV files in
 * data/ (see SOURCES.md and docs/data-format.md for the rules; the steps are in the
 * library, regint_dataset_build_default()). Uses the public API only.
 *
 *   regint_build_default <data dir> <output.json>
 */
#include <stdio.h>

#include <regint/regint.h>

static int fail(const char *what)
{
    fprintf(stderr, "regint_build_default: %s: %s\n", what, regint_last_error());
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: regint_build_default <data dir> <output.json>\n");
        return 2;
    }
    regint_dataset *ds;
    if (regint_dataset_build_default(argv[1], &ds))
        return fail(argv[1]);
    if (regint_dataset_save_file(ds, argv[2])) {
        regint_dataset_free(ds);
        return fail(argv[2]);
    }
    /* Historic records are those of the years before the 2020 reform (step 1 of the build). */
    size_t nhist = 0, nchg = 0;
    for (size_t i = 0; i < regint_dataset_municipality_count(ds); i++)
        nhist += regint_dataset_municipality_at(ds, i)->valid_to < 2020;
    for (size_t i = 0; i < regint_dataset_code_change_count(ds); i++)
        nchg += regint_dataset_code_change_at(ds, i)->from_year < 2020;
    printf("%s: %zu counties, %zu municipalities (%zu historic), %zu population figures, %zu code changes "
           "(%zu historic), %zu settlement figures, %zu indicators, %zu observations\n",
           argv[2], regint_dataset_county_count(ds), regint_dataset_municipality_count(ds), nhist,
           regint_dataset_population_count(ds), regint_dataset_code_change_count(ds), nchg,
           regint_dataset_settlement_count(ds), regint_dataset_indicator_count(ds),
           regint_dataset_observation_count(ds));
    regint_dataset_free(ds);
    return 0;
}
