/* Build-time tool: write the binary snapshot (lib/dataset/snapshot.h) of a dataset JSON file,
 * from the dataset that loading that JSON gives, with the fitted engine's fit of that dataset
 * (regint__fitted_memo: the same fit a recommendation builds, stored so that it need not).
 *   regint_make_snapshot <dataset.json> <dataset.snap>                                     */
#define _GNU_SOURCE /* CLOCK_REALTIME_COARSE, st_mtim, nanosleep */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include <regint/regint.h>

#include "dataset/snapshot.h"
#include "settlement/settlement_internal.h"

/* Wait until the file-time clock has passed the second of the JSON's modification time, so
 * that the snapshot is written at least one whole second later. A load then takes the JSON as
 * unchanged from its length and time alone; written within the same second (the "racy" case,
 * lib/dataset/snapshot.c) every load of the bundled data would hash the 6 MB JSON (~1.5 ms of
 * a ~8 ms `regint recommend`). A build waits at most a second once. */
static void after_json_second(const char *json)
{
    struct stat sb;
    if (stat(json, &sb) != 0)
        return;
#ifdef CLOCK_REALTIME_COARSE
    const clockid_t clk = CLOCK_REALTIME_COARSE; /* the clock the kernel stamps files with */
#else
    const clockid_t clk = CLOCK_REALTIME;
#endif
    for (int i = 0; i < 300; i++) { /* at most 3 s, whatever the clock does */
        struct timespec now;
        if (clock_gettime(clk, &now) != 0 || now.tv_sec > sb.st_mtim.tv_sec)
            return;
        struct timespec nap = {0, 10 * 1000 * 1000};
        nanosleep(&nap, NULL);
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: regint_make_snapshot <dataset.json> <dataset.snap>\n");
        return 2;
    }
    regint_dataset *ds;
    if (regint_dataset_load_file(argv[1], &ds)) {
        fprintf(stderr, "regint_make_snapshot: %s\n", regint_last_error());
        return 1;
    }
    char *memo = NULL, *tail = NULL;
    size_t len = 0, tail_len = 0;
    regint_status st = regint__fitted_memo(ds, &memo, &len, &tail, &tail_len);
    if (!st) {
        after_json_second(argv[1]);
        st = regint__snapshot_write(ds, argv[1], argv[2], memo, len, tail, tail_len);
    }
    free(memo);
    free(tail);
    regint_dataset_free(ds);
    if (st) {
        fprintf(stderr, "regint_make_snapshot: %s\n", regint_last_error());
        return 1;
    }
    return 0;
}
