/* Benchmark of the dataset core on the bundled default dataset (build/data/regint-default.json
 * or the file given as argv[1]). Reference: cJSON parsing the same text, measured in the same
 * run; every figure is the minimum over the repetitions.
 *   bench_dataset [file] [repetitions]                                                     */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <regint/regint.h>

#include "bench_clock.h"

static double now_ms(void) { return 1e3 * bench_seconds(CLOCK_MONOTONIC); }

static double minf(double a, double b) { return a < b ? a : b; }

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : REGINT_BUILD_DATA_DIR "/regint-default.json";
    int reps = argc > 2 ? atoi(argv[2]) : 10;
    if (reps < 1)
        reps = 1;
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    if (!text || fread(text, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        return 1;
    }
    text[n] = 0;
    fclose(f);

    double t_parse = 1e30, t_load = 1e30, t_save = 1e30, t_lookup = 1e30, t_map = 1e30;
    size_t nset = 0, found = 0;
    for (int r = 0; r < reps; r++) {
        double t0 = now_ms();
        cJSON *doc = cJSON_ParseWithLength(text, (size_t)n);
        t_parse = minf(t_parse, now_ms() - t0);
        cJSON_Delete(doc);

        regint_dataset *ds;
        t0 = now_ms();
        if (regint_dataset_load_string(text, (size_t)n, path, &ds)) {
            fprintf(stderr, "%s\n", regint_last_error());
            return 1;
        }
        t_load = minf(t_load, now_ms() - t0);

        char *out;
        t0 = now_ms();
        if (regint_dataset_to_string(ds, &out))
            return 1;
        t_save = minf(t_save, now_ms() - t0);
        regint_free(out);

        nset = regint_dataset_settlement_count(ds);
        found = 0;
        t0 = now_ms();
        for (size_t i = 0; i < nset; i++) {
            const regint_settlement_t *s = regint_dataset_settlement_at(ds, i);
            regint_value_t v;
            found += regint_dataset_settlement(ds, s->kommunenr, s->year, s->measure, s->category, &v) == REGINT_OK;
        }
        t_lookup = minf(t_lookup, now_ms() - t0);

        t0 = now_ms();
        for (size_t i = 0; i < nset; i++) {
            const regint_settlement_t *s = regint_dataset_settlement_at(ds, i);
            const char **to;
            size_t nt;
            if (regint_dataset_map_code(ds, s->kommunenr, s->year, 2024, &to, &nt) == REGINT_OK)
                regint_free(to);
        }
        t_map = minf(t_map, now_ms() - t0);
        regint_dataset_free(ds);
    }
    printf("dataset %s: %.1f MB, %zu settlement figures, %d repetitions (minimum)\n", path, n / 1e6, nset, reps);
    printf("  cJSON parse (reference)     %8.1f ms\n", t_parse);
    printf("  regint_dataset_load_string  %8.1f ms  (%.2f x cJSON parse)\n", t_load, t_load / t_parse);
    printf("  regint_dataset_to_string    %8.1f ms  (%.2f x cJSON parse)\n", t_save, t_save / t_parse);
    printf("  settlement lookups          %8.1f ms  (%zu found, %.3f us each)\n", t_lookup, found,
           t_lookup * 1e3 / (double)(nset ? nset : 1));
    printf("  map_code to 2024            %8.1f ms  (%.3f us each)\n", t_map, t_map * 1e3 / (double)(nset ? nset : 1));
    free(text);
    return 0;
}
