/* See area.h. */
#include "knowledge/area.h"

#include <string.h>

int regint__area_exists(const regint_dataset *ds, const char *area, int year)
{
    if (strcmp(area, "00") == 0)
        return 1;
    if (strlen(area) == 2) {
        const regint_county_t *c;
        return regint_dataset_county(ds, area, year, &c) == REGINT_OK;
    }
    const regint_municipality_t *m;
    return regint_dataset_municipality(ds, area, year, &m) == REGINT_OK;
}
