/* Build-time tool: write the binary snapshot (lib/dataset/snapshot.h) of a dataset JSON file,
 * from the dataset that loading that JSON gives.
 *   regint_make_snapshot <dataset.json> <dataset.snap>                                     */
#include <stdio.h>

#include <regint/regint.h>

#include "dataset/snapshot.h"

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
    regint_status st = regint__snapshot_write(ds, argv[1], argv[2]);
    regint_dataset_free(ds);
    if (st) {
        fprintf(stderr, "regint_make_snapshot: %s\n", regint_last_error());
        return 1;
    }
    return 0;
}
