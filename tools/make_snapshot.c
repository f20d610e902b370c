/* Build-time tool: write the binary snapshot (lib/dataset/snapshot.h) of a dataset JSON file,
 * from the dataset that loading that JSON gives, with the fitted engine's fit of that dataset
 * (regint__fitted_memo: the same fit a recommendation builds, stored so that it need not).
 *   regint_make_snapshot <dataset.json> <dataset.snap>                                     */
#include <stdio.h>
#include <stdlib.h>

#include <regint/regint.h>

#include "dataset/snapshot.h"
#include "settlement/settlement_internal.h"

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
    if (!st)
        st = regint__snapshot_write(ds, argv[1], argv[2], memo, len, tail, tail_len);
    free(memo);
    free(tail);
    regint_dataset_free(ds);
    if (st) {
        fprintf(stderr, "regint_make_snapshot: %s\n", regint_last_error());
        return 1;
    }
    return 0;
}
